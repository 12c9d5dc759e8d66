// SPDX-License-Identifier: Apache-2.0
// Alpine's installed-package database (/lib/apk/db/installed), as apk-tools writes it
// (src/database.c, apk_db_index_read / apk_pkg_write_index_entry): one record per package,
// records separated by a blank line, each line "X:value" with a one-letter field tag. Used here:
// P: name, V: version, A: architecture, o: origin (the source package, which Alpine's and Wolfi's
// advisories are keyed by; absent means the package is its own origin). Other tags (files,
// checksums, ...) are skipped. A line that is not "X:value", or a record without P: or V:, is an
// error naming file and line; that record is skipped, the others kept.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace sw::vuln {

struct ApkPackage {
  std::string name;     // P:
  std::string version;  // V: ("1.36.1-r2")
  std::string arch;     // A:
  std::string origin;   // o:, or name when the record has none
  int line = 0;         // first line of the record
};

struct ApkDatabase {
  std::vector<ApkPackage> packages;  // in file order
  std::vector<Error> errors;         // malformed records, with file and line
};

// Parses the text of an apk installed database. `path` is used in error messages only.
ApkDatabase parse_apk_installed(std::string_view text, const std::string& path);

}  // namespace sw::vuln
