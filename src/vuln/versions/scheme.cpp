// SPDX-License-Identifier: Apache-2.0
#include "vuln/versions/scheme.h"

#include <algorithm>
#include <array>
#include <utility>

namespace sw::vuln {
namespace {

using Accessor = const VersionScheme& (*)();

// OSV ecosystem base name -> scheme (ossf/osv-schema ecosystems.json). Sorted by name.
constexpr std::array<std::pair<std::string_view, Accessor>, 11> kEcosystems{{
    {"Bitnami", &semver_scheme},
    {"Go", &go_scheme},
    {"Hex", &semver_scheme},
    {"NuGet", &nuget_scheme},
    {"Packagist", &packagist_scheme},
    {"Pub", &pub_scheme},
    {"PyPI", &pep440_scheme},
    {"RubyGems", &rubygems_scheme},
    {"SwiftURL", &semver_scheme},
    {"crates.io", &semver_scheme},
    {"npm", &semver_scheme},
}};

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
