// SPDX-License-Identifier: Apache-2.0
// Internals shared by the CVSS v2, v3 and v4 scorers: the vector-string parser (metric table
// driven, checks unknown, duplicate and missing metrics and bad values) and the rounding rules
// of the specifications. Hand-written: no C or C++ CVSS library exists in Debian.
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "vuln/cvss/cvss.h"

namespace sw::vuln::cvss_detail {

// One metric of a version's vector string: its abbreviation, its allowed values (a value's
// index in `values` is its code), and whether the base group requires it.
struct MetricSpec {
  std::string_view key;
  std::span<const std::string_view> values;
  bool mandatory = false;
};

inline constexpr int kAbsent = -1;

// Parses "K:V/K:V/..." (`body`, after any "CVSS:x.y/" prefix) against `specs`. Returns one code
// per spec (index into its values, kAbsent when not given). Errors (kParse) name the version
// (`label`, e.g. "CVSS v3.1") and the offending part.
Result<std::vector<int>> parse_metrics(std::string_view body, std::span<const MetricSpec> specs,
                                       std::string_view label);

// Round half up to one decimal (v2's round_to_1_decimal, v4's final rounding), treating the
// input as the decimal it approximates (noise below 1e-10 ignored).
double round_half_up_1(double x);
// CVSS v3.0 "Round up": the smallest number with one decimal >= x (noise below 1e-10 ignored).
double roundup_v30(double x);
// CVSS v3.1 Roundup, Appendix A of the v3.1 specification (integer arithmetic on x * 100000).
double roundup_v31(double x);

// v3/v4 qualitative rating (None -> kInfo); v2: NVD's Low / Medium / High bands.
Severity severity_v3(double score);
Severity severity_v2(double score);

Result<CvssScore> cvss2_score(std::string_view body);
Result<CvssScore> cvss3_score(std::string_view body, int minor);
Result<CvssScore> cvss4_score(std::string_view body);

// The CVSS v4.0 macro-vector score table (cvss4_table.cpp): the score of macro vector
// eq1..eq6, or nullopt when that macro vector does not exist.
std::optional<double> cvss4_macro_score(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6);

}  // namespace sw::vuln::cvss_detail
