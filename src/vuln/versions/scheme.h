// SPDX-License-Identifier: Apache-2.0
// Version ordering, one scheme per ecosystem family. Each scheme lives in its own file
// (versions/<scheme>.cpp) and follows its ecosystem's own rules exactly (dpkg, rpmvercmp, apk,
// PEP 440, SemVer 2 with npm's prerelease rules, Go modules, Maven ComparableVersion, Gem::Version,
// NuGet, Composer, CRAN, Hackage, Pub). Written by hand: no C++ library implements these orderings.
// The conformance vectors are osv-scalibr's (../shared/data/versions); tools/versions-conformance
// runs them through `shieldwall vuln compare --stdin`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace sw::vuln {

class VersionScheme {
 public:
  virtual ~VersionScheme() = default;

  // The scheme's name as a person knows it: "dpkg", "RPM", "PEP 440", "SemVer"...
  virtual std::string_view name() const = 0;

  // Orders two versions: negative when a < b, zero when they order equal (not necessarily the
  // same string: dpkg `0:1.0` = `1.0`, Maven `1` = `1.0`), positive when a > b. An error (kParse,
  // naming the rejected string) when the scheme rejects either version; never a guess.
  virtual Result<int> compare(std::string_view a, std::string_view b) const = 0;

  // Whether the scheme accepts the string as a version.
  virtual bool valid(std::string_view v) const { return compare(v, v).has_value(); }
};

// The scheme for an OSV ecosystem name as OSV spells it ("Debian:12", "Ubuntu:22.04:LTS",
// "Alpine:v3.19", "AlmaLinux:9", "Red Hat", "PyPI", "npm", "crates.io", "Go", "Maven"...): the
// part before the first ':' selects the scheme. nullptr when the ecosystem is unknown.
const VersionScheme* scheme_for_ecosystem(std::string_view ecosystem);

// The ecosystem base names the registry knows, sorted.
std::vector<std::string> known_ecosystems();

// One accessor per scheme (each defined in its own file).
const VersionScheme& dpkg_scheme();
const VersionScheme& rpm_scheme();
const VersionScheme& apk_scheme();
const VersionScheme& pep440_scheme();
const VersionScheme& semver_scheme();  // npm, crates.io, Hex, SwiftURL...
const VersionScheme& go_scheme();
const VersionScheme& maven_scheme();
const VersionScheme& rubygems_scheme();
const VersionScheme& nuget_scheme();
const VersionScheme& packagist_scheme();
const VersionScheme& cran_scheme();
const VersionScheme& hackage_scheme();
const VersionScheme& pub_scheme();

}  // namespace sw::vuln
