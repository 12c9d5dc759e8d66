// SPDX-License-Identifier: Apache-2.0
// SBOM inventories: CycloneDX (JSON and XML, cyclonedx.org/specification: `components`, nested
// `components` recursively, each component's `purl`) and SPDX 2.x JSON (spdx.github.io/spdx-spec:
// `packages[].externalRefs[]` with referenceType "purl"). Each purl is mapped to an OSV ecosystem
// and name by inventory/purl.h.
#pragma once

#include <string>
#include <string_view>

#include "vuln/inventory/package.h"

namespace sw::vuln {

// Packages of a CycloneDX or SPDX JSON document (CycloneDX XML too). Components without a purl,
// and purls of a type OSV has no ecosystem for (generic, docker...), cannot be matched: they are
// counted and reported as one kUnsupported note each, never an error that stops the rest.
// A malformed purl is a kParse error with its line.
PackageList parse_sbom(std::string_view text, const std::string& path);

// Whether the bytes look like a document parse_sbom reads (CycloneDX "bomFormat", SPDX
// "spdxVersion", or a CycloneDX XML namespace), judged from the first 4 KiB.
bool looks_like_sbom(std::string_view text);

}  // namespace sw::vuln
