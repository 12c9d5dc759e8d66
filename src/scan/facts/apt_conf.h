// SPDX-License-Identifier: Apache-2.0
// AptConf: the effective APT configuration (apt.conf(5)), as apt-config dump would show it.
// APT reads every file of /etc/apt/apt.conf.d in lexical order (skipping names with characters
// other than letters, digits, '_', '-' and '.', and backups ending in "~", ".disabled", ".bak",
// ".dpkg-*", ".ucf-*", ".save", ".orig", ".distUpgrade"), then /etc/apt/apt.conf. Syntax:
//   A::B::C "value";            a scalar; a later assignment wins
//   A { B "1"; C { D "x"; }; }; the same in scopes
//   A::List { "x"; "y"; };      list items (children without a tag); later files append
//   A::List:: "z";              appends one item
//   #clear A::List;             removes a key and its items
// Comments are // to end of line, /* ... */ and lines starting with '#'. Keys are
// case-insensitive: they are stored lower-case here.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"

namespace sw::scan {

class ScanContext;

struct AptConfValue {
  std::string value;
  std::vector<std::string> list;  // list items, in order of reading
  std::string file;               // where the value (or last list item) was set
  int line = 0;
};

struct AptConf {
  std::map<std::string, AptConfValue> entries;  // lower-case full key -> value
  std::vector<std::string> files;               // files read, in order

  // The entry for a key (any case), or nullptr.
  const AptConfValue* find(std::string_view key) const;
  // The scalar value of a key, or `fallback` when unset.
  std::string get(std::string_view key, std::string_view fallback = {}) const;

  static Result<AptConf> load(ScanContext& ctx);
};

// Parses one APT configuration file into `into` (which may hold earlier files' settings).
void parse_apt_conf(std::string_view text, const std::string& path, AptConf& into,
                    std::vector<Error>& errors);

// Whether APT reads a file of that name from a *.d directory.
bool apt_conf_part_name_ok(std::string_view name);

}  // namespace sw::scan
