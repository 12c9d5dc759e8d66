// SPDX-License-Identifier: Apache-2.0
// AptSources: the package repositories APT uses (sources.list(5)). APT reads
// /etc/apt/sources.list (one-line format), then /etc/apt/sources.list.d/*.list (one-line) and
// *.sources (deb822) in lexical order; other names in that directory are ignored.
//   one-line:  deb [ option=value option2=value ] URI SUITE [COMPONENT...]
//   deb822:    stanzas of "Field: value" separated by blank lines; Types, URIs, Suites and
//              Components hold space-separated lists; a line starting with a space continues
//              the previous field (Signed-By may embed a whole key); Enabled: no disables it.
// Option and field names are case-insensitive and stored lower-case ("signed-by", "trusted").
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"

namespace sw::scan {

class ScanContext;

struct AptSource {
  std::vector<std::string> types;  // "deb", "deb-src"
  std::vector<std::string> uris;
  std::vector<std::string> suites;
  std::vector<std::string> components;
  std::map<std::string, std::string> options;  // lower-case name -> value as written
  std::string file;
  int line = 0;
  bool enabled = true;
  bool deb822 = false;

  // The option's value, lower-cased, or "" when unset.
  std::string option(std::string_view name) const;
  bool option_yes(std::string_view name) const;  // value "yes" (or "true")
};

struct AptSources {
  std::vector<AptSource> sources;  // enabled and disabled, in APT's reading order
  std::vector<std::string> files;  // files read

  static Result<AptSources> load(ScanContext& ctx);
};

// One-line format (.list). Comments (#) and blank lines are skipped.
std::vector<AptSource> parse_sources_list(std::string_view text, const std::string& path,
                                          std::vector<Error>& errors);
// deb822 format (.sources).
std::vector<AptSource> parse_deb822_sources(std::string_view text, const std::string& path,
                                            std::vector<Error>& errors);

}  // namespace sw::scan
