// SPDX-License-Identifier: Apache-2.0
// PackageFiles: which paths Debian packages own and what modes the administrator registered for
// them, to judge whether a setuid/setgid file is expected.
//
// Sources, as dpkg(1) keeps them:
//  - /var/lib/dpkg/info/PKG.list and PKG:ARCH.list: one absolute path per line, every file and
//    directory the package installed (read once, all of them).
//  - /var/lib/dpkg/diversions: groups of three lines (original path, diverted-to path, diverting
//    package or ":" for a local diversion); the diverted-to path holds the original package's file,
//    so it counts as owned by that package (dpkg-divert(1)).
//  - /var/lib/dpkg/statoverride: "USER GROUP MODE PATH" per line, MODE in octal, USER and GROUP
//    names or "#ID" (dpkg-statoverride(1)). dpkg applies these on install, so a registered mode is
//    what the administrator chose on purpose.
//
// Merged /usr (Debian 12): packages may still list /bin/su while the file is reached as
// /usr/bin/su. When /bin, /sbin or /lib* in the root is a symlink to usr/..., listed paths under
// those directories are stored under /usr, so lookups by the walked (never-followed) path match.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"

namespace sw::scan {

class ScanContext;

struct StatOverride {
  std::string user;   // name, or "#UID"
  std::string group;  // name, or "#GID"
  uint32_t mode = 0;  // permission bits incl. setuid/setgid/sticky
  int line = 0;
};

struct PackageFiles {
  bool have_dpkg = false;                           // /var/lib/dpkg/info was readable
  std::vector<std::string> packages;                // package names, by index
  std::unordered_map<std::string, uint32_t> owner;  // path -> index in `packages`
  std::map<std::string, StatOverride> overrides;    // path -> registered owner and mode
  std::vector<std::string> merged_dirs;             // "/bin", "/sbin", ... symlinked into /usr

  // The package owning `path`, or nullptr.
  const std::string* package_of(std::string_view path) const;
  const StatOverride* override_of(std::string_view path) const;

  static Result<PackageFiles> load(ScanContext& ctx);
};

// Adds the paths of one .list file (package `package`) to `out`, mapping merged-/usr aliases.
// Blank lines and lines not starting with '/' are skipped (the latter reported through `bad`
// as line numbers, so the caller can report them).
void parse_dpkg_list(std::string_view text, std::string_view package, PackageFiles& out,
                     std::vector<int>* bad = nullptr);

struct StatOverrideError {
  int line = 0;
  std::string message;
};

// Parses /var/lib/dpkg/statoverride text into `out`. Malformed lines are returned, not thrown.
std::vector<StatOverrideError> parse_statoverride(std::string_view text,
                                                  std::map<std::string, StatOverride>& out);

// Parses /var/lib/dpkg/diversions text: each (from, to) pair whose `from` is owned gives `to` the
// same owner. Returns the number of malformed trailing lines (0 or more).
int apply_diversions(std::string_view text, PackageFiles& out);

// The path with a merged-/usr alias applied ("/bin/su" -> "/usr/bin/su" when "/bin" is merged).
std::string canonical_package_path(std::string_view path, const std::vector<std::string>& merged);

}  // namespace sw::scan
