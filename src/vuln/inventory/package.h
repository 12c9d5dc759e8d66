// SPDX-License-Identifier: Apache-2.0
// A package found on a machine or in a project: what the matcher looks up (ecosystem, name,
// version, or a commit) and where it came from (file and line), so a finding points at the line
// to change.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace sw::vuln {

struct Package {
  std::string ecosystem;  // OSV ecosystem: "npm", "PyPI", "Debian:12", "AlmaLinux:9", "Go"...
  std::string name;       // the name advisories use (the source package for Debian / Alpine)
  std::string version;    // as the ecosystem writes it (dpkg: epoch included; rpm: [E:]V-R)
  std::string binary;     // OS packages: the installed binary package when it differs from name
  // OS packages: every installed binary package this entry stands for (a source package's
  // binaries, or one binary's several architectures), in database order; empty otherwise.
  std::vector<std::string> binaries;
  std::string purl;                 // when the input gave one (SBOMs)
  std::string commit;               // VCS dependencies pinned to a commit (no version)
  std::string path;                 // file it came from (as given or relative to the scanned root)
  int line = 0;                     // line in that file, 0 when unknown
  std::vector<std::string> groups;  // "dev", "optional", "test"... (empty = production)
};

// What one inventory source produced: packages in file order, and every input problem with its
// file and line (a malformed entry is skipped, the rest kept).
struct PackageList {
  std::vector<Package> packages;
  std::vector<Error> errors;
};

}  // namespace sw::vuln
