// SPDX-License-Identifier: Apache-2.0
#include "vuln/versions/scheme.h"

#include <algorithm>
#include <array>
#include <utility>

namespace sw::vuln {
namespace {

using Accessor = const VersionScheme& (*)();

// OSV ecosystem base name -> scheme (ossf/osv-schema ecosystems.json). Sorted by name.
// clang-format off
constexpr std::array<std::pair<std::string_view, Accessor>, 31> kEcosystems{{
    {"AlmaLinux", &rpm_scheme},
    {"Alpaquita", &apk_scheme},
    {"Alpine", &apk_scheme},
    {"Azure Linux", &rpm_scheme},
    {"Bioconductor", &cran_scheme},
    {"CRAN", &cran_scheme},
    {"Chainguard", &apk_scheme},
    {"Debian", &dpkg_scheme},
    {"GHC", &hackage_scheme},
    {"Go", &go_scheme},
    {"Hackage", &hackage_scheme},
    {"Hex", &semver_scheme},
    {"Mageia", &rpm_scheme},
    {"Maven", &maven_scheme},
    {"MinimOS", &apk_scheme},
    {"NuGet", &nuget_scheme},
    {"Packagist", &packagist_scheme},
    {"Photon OS", &rpm_scheme},
    {"Pub", &pub_scheme},
    {"PyPI", &pep440_scheme},
    {"Red Hat", &rpm_scheme},
    {"Rocky Linux", &rpm_scheme},
    {"RubyGems", &rubygems_scheme},
    {"SUSE", &rpm_scheme},
    {"SwiftURL", &semver_scheme},
    {"Ubuntu", &dpkg_scheme},
    {"Wolfi", &apk_scheme},
    {"crates.io", &semver_scheme},
    {"npm", &semver_scheme},
    {"openEuler", &rpm_scheme},
    {"openSUSE", &rpm_scheme},
}};
// clang-format on

}  // namespace

const VersionScheme* scheme_for_ecosystem(std::string_view ecosystem) {
  const std::string_view base = ecosystem.substr(0, ecosystem.find(':'));
  for (const auto& [name, accessor] : kEcosystems) {
    if (name == base) return &accessor();
  }
  return nullptr;
}

std::vector<std::string> known_ecosystems() {
  std::vector<std::string> out;
  for (const auto& entry : kEcosystems) out.emplace_back(entry.first);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace sw::vuln
