// SPDX-License-Identifier: Apache-2.0
// Package URLs (purl): parsing per the purl specification
// (github.com/package-url/purl-spec, PURL-SPECIFICATION.rst: scheme, type, namespace, name,
// version, qualifiers, subpath; percent-decoding; pypi name normalisation) and the mapping of a
// purl to the OSV ecosystem and package name an advisory uses (ossf.github.io/osv-schema,
// "Affected package ecosystems", and PURL-TYPES.rst for what each type's namespace means).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace sw::vuln {

struct Purl {
  std::string type;        // lowercased: "npm", "pypi", "deb"...
  std::string namespace_;  // percent-decoded segments joined by '/', may be empty
  std::string name;        // percent-decoded
  std::string version;     // percent-decoded, may be empty
  std::vector<std::pair<std::string, std::string>> qualifiers;  // keys lowercased, sorted
  std::string subpath;  // percent-decoded segments joined by '/'

  // The value of a qualifier, or "" when absent.
  std::string_view qualifier(std::string_view key) const;
};

// Parses "pkg:type/namespace/name@version?qualifiers#subpath". kParse on a malformed purl.
Result<Purl> parse_purl(std::string_view text);

// What an OSV advisory keys a purl's package by.
struct PurlPackage {
  std::string ecosystem;  // "npm", "Debian:12", "Alpine:v3.19"...
  std::string name;       // "@scope/name", "group:artifact", the source package for deb/apk
  std::string version;    // as the ecosystem writes it (rpm: "[E:]V-R"; Go: without "v")
  std::string binary;     // deb/apk: the binary package when the purl names a source package
};

// Maps a parsed purl to its OSV ecosystem and name. kUnsupported for a type OSV has no ecosystem
// for (generic, github, docker...), never a guess.
Result<PurlPackage> purl_to_osv(const Purl& purl);

}  // namespace sw::vuln
