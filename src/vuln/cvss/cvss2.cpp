// SPDX-License-Identifier: Apache-2.0
// CVSS v2.0 scores, by "A Complete Guide to the Common Vulnerability Scoring System Version 2.0"
// (FIRST, 2007), section 3.2: the base equation (3.2.1), the temporal equation (3.2.2) and the
// environmental equation (3.2.3), with their metric values and round_to_1_decimal (half up).
// Metrics may come in any order; "ND" (Not Defined) is accepted for the temporal and
// environmental metrics. Written by hand: Debian has no C or C++ CVSS library.
#include <algorithm>
#include <array>

#include "vuln/cvss/cvss_internal.h"

namespace sw::vuln::cvss_detail {
namespace {

constexpr std::array<std::string_view, 3> kAv{"L", "A", "N"};
constexpr std::array<std::string_view, 3> kAc{"H", "M", "L"};
constexpr std::array<std::string_view, 3> kAuth{"M", "S", "N"};
constexpr std::array<std::string_view, 3> kImpact{"N", "P", "C"};
constexpr std::array<std::string_view, 5> kE{"U", "POC", "F", "H", "ND"};
constexpr std::array<std::string_view, 5> kRl{"OF", "TF", "W", "U", "ND"};
constexpr std::array<std::string_view, 4> kRc{"UC", "UR", "C", "ND"};
constexpr std::array<std::string_view, 6> kCdp{"N", "L", "LM", "MH", "H", "ND"};
constexpr std::array<std::string_view, 5> kTd{"N", "L", "M", "H", "ND"};
constexpr std::array<std::string_view, 4> kReq{"L", "M", "H", "ND"};

constexpr std::array<double, 3> kAvW{0.395, 0.646, 1.0};
constexpr std::array<double, 3> kAcW{0.35, 0.61, 0.71};
constexpr std::array<double, 3> kAuW{0.45, 0.56, 0.704};
constexpr std::array<double, 3> kImpactW{0.0, 0.275, 0.660};
constexpr std::array<double, 5> kEW{0.85, 0.9, 0.95, 1.0, 1.0};
constexpr std::array<double, 5> kRlW{0.87, 0.90, 0.95, 1.0, 1.0};
constexpr std::array<double, 4> kRcW{0.90, 0.95, 1.0, 1.0};
constexpr std::array<double, 6> kCdpW{0.0, 0.1, 0.3, 0.4, 0.5, 0.0};
constexpr std::array<double, 5> kTdW{0.0, 0.25, 0.75, 1.0, 1.0};
constexpr std::array<double, 4> kReqW{0.5, 1.0, 1.51, 1.0};

enum Metric { kAV, kAC, kAu, kC, kI, kA, kEm, kRL, kRC, kCDP, kTD, kCR, kIR, kAR, kCount };

const std::array<MetricSpec, kCount> kSpecs{{
    {"AV", kAv, true},
    {"AC", kAc, true},
    {"Au", kAuth, true},
    {"C", kImpact, true},
    {"I", kImpact, true},
    {"A", kImpact, true},
    {"E", kE, false},
    {"RL", kRl, false},
    {"RC", kRc, false},
    {"CDP", kCdp, false},
    {"TD", kTd, false},
    {"CR", kReq, false},
    {"IR", kReq, false},
    {"AR", kReq, false},
}};

// Weight of an optional metric: its Not Defined weight (the last value) when absent.
template <std::size_t N>
double weight(const std::array<double, N>& table, int code) {
  return code == kAbsent ? table[N - 1] : table[static_cast<std::size_t>(code)];
}

// BaseScore = round_to_1_decimal(((0.6*Impact)+(0.4*Exploitability)-1.5)*f(Impact))
double base_equation(double impact, double exploitability) {
  double f = impact == 0.0 ? 0.0 : 1.176;
  if (f == 0.0) return 0.0;
  return round_half_up_1(((0.6 * impact) + (0.4 * exploitability) - 1.5) * f);
}

}  // namespace

Result<CvssScore> cvss2_score(std::string_view body) {
  auto parsed = parse_metrics(body, kSpecs, "CVSS v2");
  if (!parsed) return Unexpected(parsed.error());
  const std::vector<int>& m = *parsed;
  auto at = [&](Metric k) { return static_cast<std::size_t>(m[k]); };

  double c = kImpactW[at(kC)], i = kImpactW[at(kI)], a = kImpactW[at(kA)];
  // Impact = 10.41*(1-(1-ConfImpact)*(1-IntegImpact)*(1-AvailImpact))
  double impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a));
  // Exploitability = 20* AccessVector*AccessComplexity*Authentication
  double exploitability = 20 * kAvW[at(kAV)] * kAcW[at(kAC)] * kAuW[at(kAu)];

  CvssScore score;
  score.major = 2;
  score.minor = 0;
  score.base = base_equation(impact, exploitability);
  score.severity = severity_v2(score.base);

  double e = weight(kEW, m[kEm]), rl = weight(kRlW, m[kRL]), rc = weight(kRcW, m[kRC]);
  // TemporalScore = round_to_1_decimal(BaseScore*Exploitability*RemediationLevel*ReportConfidence)
  if (m[kEm] != kAbsent || m[kRL] != kAbsent || m[kRC] != kAbsent) {
    score.temporal = round_half_up_1(score.base * e * rl * rc);
  }
  if (m[kCDP] != kAbsent || m[kTD] != kAbsent || m[kCR] != kAbsent || m[kIR] != kAbsent ||
      m[kAR] != kAbsent) {
    double cr = weight(kReqW, m[kCR]), ir = weight(kReqW, m[kIR]), ar = weight(kReqW, m[kAR]);
    // AdjustedImpact = min(10,10.41*(1-(1-ConfImpact*ConfReq)*(1-IntegImpact*IntegReq)
    //                  *(1-AvailImpact*AvailReq)))
    double adjusted_impact =
        std::min(10.0, 10.41 * (1 - (1 - c * cr) * (1 - i * ir) * (1 - a * ar)));
    // AdjustedTemporal = TemporalScore recomputed with the BaseScore's Impact sub-equation
    // replaced with the AdjustedImpact equation
    double adjusted_base = base_equation(adjusted_impact, exploitability);
    double adjusted_temporal = round_half_up_1(adjusted_base * e * rl * rc);
    // EnvironmentalScore = round_to_1_decimal((AdjustedTemporal+
    //     (10-AdjustedTemporal)*CollateralDamagePotential)*TargetDistribution)
    double cdp = weight(kCdpW, m[kCDP]), td = weight(kTdW, m[kTD]);
    score.environmental =
        round_half_up_1((adjusted_temporal + (10 - adjusted_temporal) * cdp) * td);
  }
  return score;
}

}  // namespace sw::vuln::cvss_detail
