// SPDX-License-Identifier: Apache-2.0
// The walk that finds language lockfiles (and, when asked, installed-package metadata) under
// files and directories, parses each with its format (lockfiles.h) and merges the results.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vuln/inventory/package.h"

namespace sw::vuln {

struct WalkOptions {
  // Also read installed packages: descend into node_modules (node_modules/**/package.json) and
  // parse <x>.dist-info/METADATA. Off: node_modules is skipped and only lockfiles are read.
  bool installed = false;
  // Files larger than this are reported (kUnsupported) and not parsed.
  std::uint64_t max_file_size = 64u << 20;
  // Directory depth limit below each root.
  int max_depth = 64;
};

// True for the formats that describe installed packages rather than lockfiles.
bool is_installed_format_id(std::string_view format_id);

// Walks `roots` (files or directories) in sorted, deterministic order. Symbolic links to
// directories are not followed (no loops; the root itself may be a link); /proc, /sys, /dev and
// /run are not entered, nor `.git`; node_modules only with `installed`. A file given as a root is
// parsed if its name matches a format. Package::path is the root as given joined with the path
// below it ("./" dropped). Unreadable directories and files, and parse problems, are errors.
PackageList find_packages(const std::vector<std::string>& roots, const WalkOptions& options);

}  // namespace sw::vuln
