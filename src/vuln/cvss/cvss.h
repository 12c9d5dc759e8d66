// SPDX-License-Identifier: Apache-2.0
// CVSS base scores from vectors, by the specifications' formulas: v2.0 (FIRST CVSS v2 guide,
// section 3.2.1), v3.0 and v3.1 (FIRST specification section 7, with v3.1's Roundup), v4.0
// (FIRST CVSS v4.0 specification: macro vectors, the published lookup table and the severity
// distance interpolation). Written by hand: Debian has no C or C++ CVSS library.
#pragma once

#include <optional>
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
  // v2 and v3 only: the temporal and environmental scores of the specification's equations.
  // v3: always set (Not Defined metrics count as their neutral values, as the spec says).
  // v2: set only when the vector carries a metric of that group (as FIRST's v2 guide leaves
  // them undefined otherwise).
  std::optional<double> temporal;
  std::optional<double> environmental;
  // v4 only: which metric groups the score covers, the spec's nomenclature ("CVSS-B",
  // "CVSS-BT", "CVSS-BE" or "CVSS-BTE"); for v4 `base` holds that score. Empty for v2/v3.
  std::string_view nomenclature;
};

// Parses a vector ("AV:N/AC:L/Au:N/C:P/I:P/A:P" or "(AV:N/...)" for v2, "CVSS:3.1/AV:N/...",
// "CVSS:4.0/AV:N/...") and computes its base score. Temporal/threat and environmental metrics are
// accepted and validated: v2/v3 report them in `temporal`/`environmental` and keep `base` the
// base score; v4 (whose specification defines one score over all present metric groups) puts
// that score (CVSS-B, -BT, -BE or -BTE) in `base`. kParse on an invalid vector (unknown or
// duplicate metric, missing base metric, bad value), naming the offending part.
Result<CvssScore> cvss_score(std::string_view vector);

}  // namespace sw::vuln
