// SPDX-License-Identifier: Apache-2.0
// Severity of a finding and its base risk. Ordered: kInfo < kLow < ... < kCritical.
#pragma once

#include <optional>
#include <string_view>

namespace sw {

enum class Severity { kInfo = 0, kLow = 1, kMedium = 2, kHigh = 3, kCritical = 4 };

std::string_view severity_name(Severity s);  // "critical", "high", ...
std::optional<Severity> parse_severity(
    std::string_view text);  // case-insensitive; also "none"=nullopt
// Base risk on a 0-10 scale, the same scale as CVSS: critical 9.5, high 7.5, medium 5, low 2.5,
// info 0. A check may raise or lower a finding's risk within its severity band.
double base_risk(Severity s);
// The severity band a 0-10 risk falls in (CVSS v3 qualitative ratings).
Severity severity_for_risk(double risk);

}  // namespace sw
