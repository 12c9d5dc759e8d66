// SPDX-License-Identifier: Apache-2.0
// The dpkg database (/var/lib/dpkg/status, deb-control(5) stanzas): the installed Debian packages.
// Read once per scan; used by the host checks (what is installed) and by the vulnerability matcher.
// Field names are case-insensitive (deb822). Every malformed line is reported (file and line) and
// its stanza skipped, because a stanza with a damaged line cannot be trusted; the others are kept.
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

  // The status word (the third of "want flag status"): "installed", "config-files", ...
  std::string_view state() const;
  // Installed and usable: "installed", or "triggers-pending" / "triggers-awaited", which dpkg
  // also counts as installed (only trigger processing is outstanding).
  bool installed() const;
  // The package's files are on disk: installed(), or unpacked but not (fully) configured
  // ("unpacked", "half-configured"). A daemon in such a state is on the machine all the same.
  bool files_present() const;
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

struct DpkgParseOptions {
  // Distroless images keep one stanza per file in /var/lib/dpkg/status.d/, without a Status
  // field: such a stanza is then taken as "install ok installed" (as Trivy and osv-scalibr do).
  bool missing_status_is_installed = false;
};
DpkgDatabase parse_dpkg_status(std::string_view text, const std::string& path,
                               const DpkgParseOptions& options);

}  // namespace sw::vuln
