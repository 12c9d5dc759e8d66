// SPDX-License-Identifier: Apache-2.0
// The dpkg database (/var/lib/dpkg/status, deb-control(5) stanzas): the installed Debian packages.
// Read once per scan; used by the host checks (what is installed) and by the vulnerability matcher.
// A malformed stanza is reported (file and line) and skipped; the others are kept.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace sw::vuln {

struct DpkgPackage {
  std::string name;
  std::string version;  // full Debian version, epoch included
  std::string architecture;
  std::string source;          // source package name (Source: field, or the binary name)
  std::string source_version;  // "Source: name (version)" when given, else version
  std::string status;          // "install ok installed", ...
  int line = 0;                // first line of the stanza

  // Installed in the sense of `dpkg -l` "ii": the status's third word is "installed".
  bool installed() const;
  // Configuration files left after removal ("rc"): present but not installed.
  bool config_files_only() const;
};

struct DpkgDatabase {
  std::vector<DpkgPackage> packages;  // in file order
  std::vector<Error> errors;          // malformed stanzas, with file and line

  // The installed package with this name (any architecture), or nullptr.
  const DpkgPackage* installed(std::string_view name) const;
};

// Parses the text of a dpkg status file. `path` is used in error messages only.
DpkgDatabase parse_dpkg_status(std::string_view text, const std::string& path);

}  // namespace sw::vuln
