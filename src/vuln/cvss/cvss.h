// SPDX-License-Identifier: Apache-2.0
// CVSS base scores from vectors, by the specifications' formulas: v2.0 (FIRST CVSS v2 guide,
// section 3.2.1), v3.0 and v3.1 (FIRST specification section 7, with v3.1's Roundup), v4.0
// (FIRST CVSS v4.0 specification: macro vectors, the published lookup table and the severity
// distance interpolation). Written by hand: Debian has no C or C++ CVSS library.
#pragma once

#include <string_view>

#include "core/result.h"
#include "core/severity.h"

namespace sw::vuln {

struct CvssScore {
  int major = 0;  // 2, 3 or 4
  int minor = 0;  // 0 or 1
  double base = 0.0;
  // The specification's qualitative rating for the base score (v3/v4: None/Low/Medium/High/
  // Critical; v2 has none in the spec, NVD's Low/Medium/High bands are used).
  Severity severity = Severity::kInfo;
};

// Parses a vector ("AV:N/AC:L/Au:N/C:P/I:P/A:P" or "(AV:N/...)" for v2, "CVSS:3.1/AV:N/...",
// "CVSS:4.0/AV:N/...") and computes its base score. Temporal/threat and environmental metrics are
// accepted and ignored for the base score. kParse on an invalid vector (unknown or duplicate
// metric, missing base metric, bad value), naming the offending part.
Result<CvssScore> cvss_score(std::string_view vector);

}  // namespace sw::vuln
