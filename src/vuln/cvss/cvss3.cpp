// SPDX-License-Identifier: Apache-2.0
// CVSS v3.0 and v3.1 scores, by the FIRST specifications "Common Vulnerability Scoring System
// v3.0: Specification Document" and "... v3.1: Specification Document", section 7 (7.1 base,
// 7.2 temporal, 7.3 environmental equations, 7.4 metric values) and, for v3.1, Appendix A
// (Roundup with integer arithmetic). The versions differ in Roundup and in the environmental
// Modified Impact for a changed scope (3.0: 3.25 x [MISS-0.02]^15; 3.1:
// 3.25 x [MISS x 0.9731-0.02]^13). Metrics may come in any order (spec section 6); "X"
// (Not Defined) is accepted for temporal and environmental metrics. Written by hand: Debian has
// no C or C++ CVSS library.
#include <algorithm>
#include <array>
#include <cmath>

#include <fmt/format.h>

#include "vuln/cvss/cvss_internal.h"

namespace sw::vuln::cvss_detail {
namespace {

constexpr std::array<std::string_view, 4> kAv{"N", "A", "L", "P"};
constexpr std::array<std::string_view, 2> kAc{"L", "H"};
constexpr std::array<std::string_view, 3> kPr{"N", "L", "H"};
constexpr std::array<std::string_view, 2> kUi{"N", "R"};
constexpr std::array<std::string_view, 2> kS{"U", "C"};
constexpr std::array<std::string_view, 3> kCia{"H", "L", "N"};
constexpr std::array<std::string_view, 5> kE{"X", "U", "P", "F", "H"};
constexpr std::array<std::string_view, 5> kRl{"X", "O", "T", "W", "U"};
constexpr std::array<std::string_view, 4> kRc{"X", "U", "R", "C"};
constexpr std::array<std::string_view, 4> kReq{"X", "L", "M", "H"};
constexpr std::array<std::string_view, 5> kMav{"X", "N", "A", "L", "P"};
constexpr std::array<std::string_view, 3> kMac{"X", "L", "H"};
constexpr std::array<std::string_view, 4> kMpr{"X", "N", "L", "H"};
constexpr std::array<std::string_view, 3> kMui{"X", "N", "R"};
constexpr std::array<std::string_view, 3> kMs{"X", "U", "C"};
constexpr std::array<std::string_view, 4> kMcia{"X", "H", "L", "N"};

// Section 7.4 metric values, indexed like the base value lists above.
constexpr std::array<double, 4> kAvW{0.85, 0.62, 0.55, 0.2};
constexpr std::array<double, 2> kAcW{0.77, 0.44};
constexpr std::array<double, 3> kPrUnchanged{0.85, 0.62, 0.27};
constexpr std::array<double, 3> kPrChanged{0.85, 0.68, 0.5};
constexpr std::array<double, 2> kUiW{0.85, 0.62};
constexpr std::array<double, 3> kCiaW{0.56, 0.22, 0.0};
constexpr std::array<double, 5> kEW{1.0, 0.91, 0.94, 0.97, 1.0};
constexpr std::array<double, 5> kRlW{1.0, 0.95, 0.96, 0.97, 1.0};
constexpr std::array<double, 4> kRcW{1.0, 0.92, 0.96, 1.0};
constexpr std::array<double, 4> kReqW{1.0, 0.5, 1.0, 1.5};

enum Metric {
  kAV,
  kAC,
  kPR,
  kUI,
  kS_,
  kC,
  kI,
  kA,
  kEm,
  kRL,
  kRC,
  kCR,
  kIR,
  kAR,
  kMAV,
  kMAC,
  kMPR,
  kMUI,
  kMS,
  kMC,
  kMI,
  kMA,
  kCount
};

const std::array<MetricSpec, kCount> kSpecs{{
    {"AV", kAv, true},    {"AC", kAc, true},    {"PR", kPr, true},    {"UI", kUi, true},
    {"S", kS, true},      {"C", kCia, true},    {"I", kCia, true},    {"A", kCia, true},
    {"E", kE, false},     {"RL", kRl, false},   {"RC", kRc, false},   {"CR", kReq, false},
    {"IR", kReq, false},  {"AR", kReq, false},  {"MAV", kMav, false}, {"MAC", kMac, false},
    {"MPR", kMpr, false}, {"MUI", kMui, false}, {"MS", kMs, false},   {"MC", kMcia, false},
    {"MI", kMcia, false}, {"MA", kMcia, false},
}};

// Code of an optional metric, 0 ("X") when absent.
int opt(const std::vector<int>& m, Metric k) { return m[k] == kAbsent ? 0 : m[k]; }

// Base-value index of a modified metric: its own value (its list is "X" + the base list) unless
// Not Defined, then the base metric's.
std::size_t modified(const std::vector<int>& m, Metric mod, Metric base) {
  int code = opt(m, mod);
  return static_cast<std::size_t>(code == 0 ? m[base] : code - 1);
}

// Modified scope (MS) uses the order "X", "U", "C"; returns true for Changed.
bool scope_changed(const std::vector<int>& m, Metric k) {
  if (k == kS_) return m[kS_] == 1;
  int code = opt(m, kMS);
  return code == 0 ? m[kS_] == 1 : code == 2;
}

}  // namespace

Result<CvssScore> cvss3_score(std::string_view body, int minor) {
  auto parsed = parse_metrics(body, kSpecs, minor == 0 ? "CVSS v3.0" : "CVSS v3.1");
  if (!parsed) return Unexpected(parsed.error());
  const std::vector<int>& m = *parsed;
  auto at = [&](Metric k) { return static_cast<std::size_t>(m[k]); };
  auto roundup = minor == 0 ? roundup_v30 : roundup_v31;

  // Base: ISS = 1 - [(1 - C) x (1 - I) x (1 - A)]
  bool changed = scope_changed(m, kS_);
  double iss = 1 - ((1 - kCiaW[at(kC)]) * (1 - kCiaW[at(kI)]) * (1 - kCiaW[at(kA)]));
  // Impact: unchanged 6.42 x ISS; changed 7.52 x (ISS - 0.029) - 3.25 x (ISS - 0.02)^15
  double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * std::pow(iss - 0.02, 15) : 6.42 * iss;
  // Exploitability = 8.22 x AV x AC x PR x UI
  const auto& pr = changed ? kPrChanged : kPrUnchanged;
  double exploitability = 8.22 * kAvW[at(kAV)] * kAcW[at(kAC)] * pr[at(kPR)] * kUiW[at(kUI)];
  double base = 0.0;
  if (impact > 0) {
    base = changed ? roundup(std::min(1.08 * (impact + exploitability), 10.0))
                   : roundup(std::min(impact + exploitability, 10.0));
  }

  // Temporal = Roundup(BaseScore x ExploitCodeMaturity x RemediationLevel x ReportConfidence)
  double e = kEW[static_cast<std::size_t>(opt(m, kEm))];
  double rl = kRlW[static_cast<std::size_t>(opt(m, kRL))];
  double rc = kRcW[static_cast<std::size_t>(opt(m, kRC))];
  double temporal = roundup(base * e * rl * rc);

  // Environmental.
  bool mchanged = scope_changed(m, kMS);
  double cr = kReqW[static_cast<std::size_t>(opt(m, kCR))];
  double ir = kReqW[static_cast<std::size_t>(opt(m, kIR))];
  double ar = kReqW[static_cast<std::size_t>(opt(m, kAR))];
  double mc = kCiaW[modified(m, kMC, kC)];
  double mi = kCiaW[modified(m, kMI, kI)];
  double ma = kCiaW[modified(m, kMA, kA)];
  // MISS = Minimum(1 - [(1 - CR x MC) x (1 - IR x MI) x (1 - AR x MA)], 0.915)
  double miss = std::min(1 - ((1 - cr * mc) * (1 - ir * mi) * (1 - ar * ma)), 0.915);
  double mimpact;
  if (!mchanged) {
    mimpact = 6.42 * miss;
  } else if (minor == 0) {
    mimpact = 7.52 * (miss - 0.029) - 3.25 * std::pow(miss - 0.02, 15);
  } else {
    mimpact = 7.52 * (miss - 0.029) - 3.25 * std::pow(miss * 0.9731 - 0.02, 13);
  }
  const auto& mpr = mchanged ? kPrChanged : kPrUnchanged;
  double mexploitability = 8.22 * kAvW[modified(m, kMAV, kAV)] * kAcW[modified(m, kMAC, kAC)] *
                           mpr[modified(m, kMPR, kPR)] * kUiW[modified(m, kMUI, kUI)];
  double environmental = 0.0;
  if (mimpact > 0) {
    double inner = mchanged ? roundup(std::min(1.08 * (mimpact + mexploitability), 10.0))
                            : roundup(std::min(mimpact + mexploitability, 10.0));
    environmental = roundup(inner * e * rl * rc);
  }

  CvssScore score;
  score.major = 3;
  score.minor = minor;
  score.base = base;
  score.severity = severity_v3(base);
  score.temporal = temporal;
  score.environmental = environmental;
  return score;
}

}  // namespace sw::vuln::cvss_detail
