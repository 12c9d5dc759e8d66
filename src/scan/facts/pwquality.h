// SPDX-License-Identifier: Apache-2.0
// PwQuality: the libpwquality settings (pwquality.conf(5)). The library first reads
// /etc/security/pwquality.conf.d/*.conf in ASCII order, then /etc/security/pwquality.conf; a
// setting read later overrides an earlier one. Lines are "name = value" (blanks around '=' and at
// both ends ignored) or a bare "name" for boolean settings (enforce_for_root, local_users_only);
// '#' starts a comment. pam_pwquality arguments override the files (pam_pwquality(8)).
// Defaults when nothing sets them: minlen 8 (never below 6), credits 0, dictcheck 1, usercheck 1,
// enforcing 1.
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

struct PwSetting {
  std::string value;  // "" for a bare boolean setting
  std::string file;
  int line = 0;
};

struct PwQuality {
  std::map<std::string, PwSetting> settings;  // effective, by name (lower case)
  std::vector<std::string> files;             // files read, in order
  std::vector<Error> parse_errors;

  const PwSetting* find(std::string_view name) const;

  static Result<PwQuality> load(ScanContext& ctx);
};

// Pure parser: applies the lines of one file over `into` (later values override).
void parse_pwquality_conf(std::string_view text, const std::string& path, PwQuality& into);

}  // namespace sw::scan
