// SPDX-License-Identifier: Apache-2.0
// LoginDefs: /etc/login.defs as shadow-utils reads it (login.defs(5), lib/getdef.c):
//   - one "NAME VALUE" per line; leading blanks skipped; a line whose first non-blank is '#' and
//     blank lines are ignored;
//   - the value is the rest of the line after the blanks following the name, trailing blanks
//     removed; a value starting with '"' ends at the next '"' (the quotes are dropped);
//   - a name given twice: the last value wins (getdef overwrites the stored value);
//   - numbers are read like strtol(value, NULL, 0): "027" is octal, "0x1f" hexadecimal.
// A name without a value is reported as malformed and ignored, the rest of the file is kept.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"

namespace sw::scan {

class ScanContext;

struct LoginDef {
  std::string value;
  int line = 0;
};

struct LoginDefs {
  std::string path = "/etc/login.defs";
  bool present = false;                  // the file was read
  std::optional<Error> error;            // set when the file exists but could not be read
  std::map<std::string, LoginDef> defs;  // by name, last value wins
  std::vector<Error> parse_errors;       // malformed lines (also sent to the context by load)

  const LoginDef* find(std::string_view name) const;
  // The numeric value of a name (strtol base 0), or nullopt when unset or not a number.
  std::optional<long> number(std::string_view name) const;

  static Result<LoginDefs> load(ScanContext& ctx);
};

// Pure parser over the text of a login.defs file; `path` is used in error messages.
LoginDefs parse_login_defs(std::string_view text, const std::string& path);

// strtol(s, NULL, 0) over the whole trimmed string ("027" -> 23, "0x10" -> 16, "12" -> 12);
// nullopt when it is not entirely a number.
std::optional<long> parse_c_long(std::string_view s);

}  // namespace sw::scan
