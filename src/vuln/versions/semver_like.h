// SPDX-License-Identifier: Apache-2.0
// The loose SemVer parse shared by the SemVer (npm, crates.io, Hex, SwiftURL...) and Pub schemes.
// Grammar: SemVer 2.0.0 (https://semver.org/spec/v2.0.0.html) read the way node-semver's `loose`
// mode and OSV's matcher (osv-scalibr semantic/version-semver-like.go) read it; see semver.cpp.
#pragma once

#include <string_view>
#include <vector>

#include "core/result.h"

namespace sw::vuln::versions {

struct SemverLike {
  std::string_view major, minor, patch;      // ASCII digits, any length; missing parts are "0"
  std::vector<std::string_view> prerelease;  // dot-separated identifiers; empty: a release
  std::vector<std::string_view> build;       // build metadata identifiers
};

// Views point into `v`. kParse naming `v` and `scheme` when `v` is not a version.
Result<SemverLike> parse_semver_like(std::string_view v, std::string_view scheme);

// SemVer 2.0.0 rule 11 on identifier lists: numeric identifiers compare numerically (any length)
// and sort before alphanumeric ones, which compare in ASCII order; a longer list wins a tie.
int compare_semver_identifiers(const std::vector<std::string_view>& a,
                               const std::vector<std::string_view>& b);

// major, minor, patch numerically.
int compare_semver_core(const SemverLike& a, const SemverLike& b);

}  // namespace sw::vuln::versions
