// SPDX-License-Identifier: Apache-2.0
// CVSS v4.0 scores, by the FIRST "Common Vulnerability Scoring System Version 4.0 Specification
// Document" (metrics and values, section 3-5; vector string, section 7; scoring, section 8:
// equivalence sets EQ1..EQ6 forming a macro vector, its score from the published table in
// cvss4_table.cpp, then the severity-distance interpolation) as the FIRST reference calculator
// implements it (FIRSTdotorg/cvss-v4-calculator cvss_score.js: macroVector(), the per-EQ highest
// severity vectors "maxComposed", the per-EQ depths "maxSeverity", the levels of each metric,
// the mean of the proportional distances, clamping to 0..10 and rounding half up to one
// decimal). Threat (E) and environmental metrics (CR/IR/AR and the modified base metrics) enter
// the score when present, so the result is CVSS-B, -BT, -BE or -BTE; supplemental metrics
// (S, AU, R, V, RE, U) are validated and do not change the score. Metrics are accepted in any
// order (the specification prefers its table order; advisories do not always keep it). Written by
// hand: Debian has no C or C++ CVSS library.
#include <array>
#include <optional>

#include "vuln/cvss/cvss_internal.h"

namespace sw::vuln::cvss_detail {
namespace {

constexpr std::array<std::string_view, 4> kAv{"N", "A", "L", "P"};
constexpr std::array<std::string_view, 2> kAc{"L", "H"};
constexpr std::array<std::string_view, 2> kAt{"N", "P"};
constexpr std::array<std::string_view, 3> kPr{"N", "L", "H"};
constexpr std::array<std::string_view, 3> kUi{"N", "P", "A"};
constexpr std::array<std::string_view, 3> kImpact{"H", "L", "N"};
constexpr std::array<std::string_view, 4> kE{"X", "A", "P", "U"};
constexpr std::array<std::string_view, 4> kReq{"X", "H", "M", "L"};
constexpr std::array<std::string_view, 5> kMav{"X", "N", "A", "L", "P"};
constexpr std::array<std::string_view, 3> kMac{"X", "L", "H"};
constexpr std::array<std::string_view, 3> kMat{"X", "N", "P"};
constexpr std::array<std::string_view, 4> kMpr{"X", "N", "L", "H"};
constexpr std::array<std::string_view, 4> kMui{"X", "N", "P", "A"};
constexpr std::array<std::string_view, 4> kMimpact{"X", "H", "L", "N"};
constexpr std::array<std::string_view, 5> kMsub{"X", "S", "H", "L", "N"};
constexpr std::array<std::string_view, 3> kSafety{"X", "N", "P"};
constexpr std::array<std::string_view, 3> kAutomatable{"X", "N", "Y"};
constexpr std::array<std::string_view, 4> kRecovery{"X", "A", "U", "I"};
constexpr std::array<std::string_view, 3> kValueDensity{"X", "D", "C"};
constexpr std::array<std::string_view, 4> kEffort{"X", "L", "M", "H"};
constexpr std::array<std::string_view, 5> kUrgency{"X", "Clear", "Green", "Amber", "Red"};

enum Metric {
  kAV,
  kAC,
  kAT,
  kPR,
  kUI,
  kVC,
  kVI,
  kVA,
  kSC,
  kSI,
  kSA,  // base
  kEm,  // threat
  kCR,
  kIR,
  kAR,
  kMAV,
  kMAC,
  kMAT,
  kMPR,
  kMUI,
  kMVC,
  kMVI,
  kMVA,
  kMSC,
  kMSI,
  kMSA,  // env.
  kS,
  kAU,
  kR,
  kV,
  kRE,
  kU,  // supplemental
  kCount
};

const std::array<MetricSpec, kCount> kSpecs{{
    {"AV", kAv, true},           {"AC", kAc, true},        {"AT", kAt, true},
    {"PR", kPr, true},           {"UI", kUi, true},        {"VC", kImpact, true},
    {"VI", kImpact, true},       {"VA", kImpact, true},    {"SC", kImpact, true},
    {"SI", kImpact, true},       {"SA", kImpact, true},    {"E", kE, false},
    {"CR", kReq, false},         {"IR", kReq, false},      {"AR", kReq, false},
    {"MAV", kMav, false},        {"MAC", kMac, false},     {"MAT", kMat, false},
    {"MPR", kMpr, false},        {"MUI", kMui, false},     {"MVC", kMimpact, false},
    {"MVI", kMimpact, false},    {"MVA", kMimpact, false}, {"MSC", kMimpact, false},
    {"MSI", kMsub, false},       {"MSA", kMsub, false},    {"S", kSafety, false},
    {"AU", kAutomatable, false}, {"R", kRecovery, false},  {"V", kValueDensity, false},
    {"RE", kEffort, false},      {"U", kUrgency, false},
}};

// The value letters of the metrics that take part in scoring, after the reference calculator's
// m(): a modified metric other than X replaces its base metric; E:X counts as A and CR/IR/AR:X
// as H (the worst case).
struct Effective {
  char av, ac, at, pr, ui, vc, vi, va, sc, si, sa, e, cr, ir, ar;
};

char letter(const std::vector<int>& codes, Metric k, char absent) {
  int code = codes[k];
  if (code == kAbsent) return absent;
  return kSpecs[k].values[static_cast<std::size_t>(code)].front();
}

char effective(const std::vector<int>& codes, Metric base, Metric mod) {
  char m = letter(codes, mod, 'X');
  return m != 'X' ? m : letter(codes, base, 'X');
}

Effective effective_metrics(const std::vector<int>& c) {
  Effective e{};
  e.av = effective(c, kAV, kMAV);
  e.ac = effective(c, kAC, kMAC);
  e.at = effective(c, kAT, kMAT);
  e.pr = effective(c, kPR, kMPR);
  e.ui = effective(c, kUI, kMUI);
  e.vc = effective(c, kVC, kMVC);
  e.vi = effective(c, kVI, kMVI);
  e.va = effective(c, kVA, kMVA);
  e.sc = effective(c, kSC, kMSC);
  e.si = effective(c, kSI, kMSI);
  e.sa = effective(c, kSA, kMSA);
  char x = letter(c, kEm, 'X');
  e.e = x == 'X' ? 'A' : x;
  x = letter(c, kCR, 'X');
  e.cr = x == 'X' ? 'H' : x;
  x = letter(c, kIR, 'X');
  e.ir = x == 'X' ? 'H' : x;
  x = letter(c, kAR, 'X');
  e.ar = x == 'X' ? 'H' : x;
  return e;
}

struct Macro {
  int eq1, eq2, eq3, eq4, eq5, eq6;
};

// cvss_score.js macroVector().
Macro macro_vector(const Effective& m) {
  Macro r{};
  // EQ1: 0-AV:N and PR:N and UI:N; 1-(AV:N or PR:N or UI:N) and not (all N) and not AV:P;
  //      2-AV:P or not(AV:N or PR:N or UI:N)
  if (m.av == 'N' && m.pr == 'N' && m.ui == 'N') {
    r.eq1 = 0;
  } else if ((m.av == 'N' || m.pr == 'N' || m.ui == 'N') && m.av != 'P') {
    r.eq1 = 1;
  } else {
    r.eq1 = 2;
  }
  // EQ2: 0-(AC:L and AT:N); 1-not(AC:L and AT:N)
  r.eq2 = (m.ac == 'L' && m.at == 'N') ? 0 : 1;
  // EQ3: 0-(VC:H and VI:H); 1-not(VC:H and VI:H) and (VC:H or VI:H or VA:H);
  //      2-not(VC:H or VI:H or VA:H)
  if (m.vc == 'H' && m.vi == 'H') {
    r.eq3 = 0;
  } else if (m.vc == 'H' || m.vi == 'H' || m.va == 'H') {
    r.eq3 = 1;
  } else {
    r.eq3 = 2;
  }
  // EQ4: 0-(MSI:S or MSA:S); 1-not(MSI:S or MSA:S) and (SC:H or SI:H or SA:H); 2-otherwise
  if (m.si == 'S' || m.sa == 'S') {
    r.eq4 = 0;
  } else if (m.sc == 'H' || m.si == 'H' || m.sa == 'H') {
    r.eq4 = 1;
  } else {
    r.eq4 = 2;
  }
  // EQ5: 0-E:A; 1-E:P; 2-E:U
  r.eq5 = m.e == 'A' ? 0 : (m.e == 'P' ? 1 : 2);
  // EQ6: 0-(CR:H and VC:H) or (IR:H and VI:H) or (AR:H and VA:H); 1-otherwise
  r.eq6 =
      ((m.cr == 'H' && m.vc == 'H') || (m.ir == 'H' && m.vi == 'H') || (m.ar == 'H' && m.va == 'H'))
          ? 0
          : 1;
  return r;
}

// cvss_score.js level tables: a metric value's severity position (0.1 per step).
double level(std::string_view letters, std::initializer_list<double> levels, char value) {
  std::size_t i = letters.find(value);
  return i == std::string_view::npos ? 0.0 : levels.begin()[i];
}
double av_level(char v) { return level("NALP", {0.0, 0.1, 0.2, 0.3}, v); }
double pr_level(char v) { return level("NLH", {0.0, 0.1, 0.2}, v); }
double ui_level(char v) { return level("NPA", {0.0, 0.1, 0.2}, v); }
double ac_level(char v) { return level("LH", {0.0, 0.1}, v); }
double at_level(char v) { return level("NP", {0.0, 0.1}, v); }
double v_level(char v) { return level("HLN", {0.0, 0.1, 0.2}, v); }
double sc_level(char v) { return level("HLN", {0.1, 0.2, 0.3}, v); }
double s_level(char v) { return level("SHLN", {0.0, 0.1, 0.2, 0.3}, v); }
double req_level(char v) { return level("HML", {0.0, 0.1, 0.2}, v); }

// cvss_config.js maxComposed: the highest severity vectors of each EQ level.
struct Eq1Max {
  char av, pr, ui;
};
struct Eq2Max {
  char ac, at;
};
struct Eq36Max {
  char vc, vi, va, cr, ir, ar;
};
struct Eq4Max {
  char sc, si, sa;
};

constexpr Eq1Max kEq1Max0[] = {{'N', 'N', 'N'}};
constexpr Eq1Max kEq1Max1[] = {{'A', 'N', 'N'}, {'N', 'L', 'N'}, {'N', 'N', 'P'}};
constexpr Eq1Max kEq1Max2[] = {{'P', 'N', 'N'}, {'A', 'L', 'P'}};
constexpr Eq2Max kEq2Max0[] = {{'L', 'N'}};
constexpr Eq2Max kEq2Max1[] = {{'H', 'N'}, {'L', 'P'}};
constexpr Eq36Max kEq36Max00[] = {{'H', 'H', 'H', 'H', 'H', 'H'}};
constexpr Eq36Max kEq36Max01[] = {{'H', 'H', 'L', 'M', 'M', 'H'}, {'H', 'H', 'H', 'M', 'M', 'M'}};
constexpr Eq36Max kEq36Max10[] = {{'L', 'H', 'H', 'H', 'H', 'H'}, {'H', 'L', 'H', 'H', 'H', 'H'}};
constexpr Eq36Max kEq36Max11[] = {{'L', 'H', 'L', 'H', 'M', 'H'},
                                  {'L', 'H', 'H', 'H', 'M', 'M'},
                                  {'H', 'L', 'H', 'M', 'H', 'M'},
                                  {'H', 'L', 'L', 'M', 'H', 'H'},
                                  {'L', 'L', 'H', 'H', 'H', 'M'}};
constexpr Eq36Max kEq36Max21[] = {{'L', 'L', 'L', 'H', 'H', 'H'}};
constexpr Eq4Max kEq4Max0[] = {{'H', 'S', 'S'}};
constexpr Eq4Max kEq4Max1[] = {{'H', 'H', 'H'}};
constexpr Eq4Max kEq4Max2[] = {{'L', 'L', 'L'}};

std::span<const Eq1Max> eq1_maxes(int l) {
  if (l == 0) return kEq1Max0;
  if (l == 1) return kEq1Max1;
  return kEq1Max2;
}
std::span<const Eq2Max> eq2_maxes(int l) {
  return l == 0 ? std::span<const Eq2Max>(kEq2Max0) : kEq2Max1;
}
std::span<const Eq36Max> eq36_maxes(int eq3, int eq6) {
  if (eq3 == 0) return eq6 == 0 ? std::span<const Eq36Max>(kEq36Max00) : kEq36Max01;
  if (eq3 == 1) return eq6 == 0 ? std::span<const Eq36Max>(kEq36Max10) : kEq36Max11;
  return kEq36Max21;
}
std::span<const Eq4Max> eq4_maxes(int l) {
  if (l == 0) return kEq4Max0;
  if (l == 1) return kEq4Max1;
  return kEq4Max2;
}

// max_severity.js: the depth of each EQ level, in 0.1 steps.
constexpr int kMaxSeverityEq1[] = {1, 4, 5};
constexpr int kMaxSeverityEq2[] = {1, 2};
constexpr int kMaxSeverityEq4[] = {6, 5, 4};
int max_severity_eq3eq6(int eq3, int eq6) {
  if (eq3 == 0) return eq6 == 0 ? 7 : 6;
  if (eq3 == 1) return 8;
  return 10;
}

struct Distances {
  double av, pr, ui, ac, at, vc, vi, va, sc, si, sa, cr, ir, ar;
  bool any_negative() const {
    for (double d : {av, pr, ui, ac, at, vc, vi, va, sc, si, sa, cr, ir, ar}) {
      if (d < 0) return true;
    }
    return false;
  }
};

double score_v4(const Effective& m) {
  // Exception for no impact on system (shortcut).
  if (m.vc == 'N' && m.vi == 'N' && m.va == 'N' && m.sc == 'N' && m.si == 'N' && m.sa == 'N') {
    return 0.0;
  }
  Macro mv = macro_vector(m);
  double value = *cvss4_macro_score(mv.eq1, mv.eq2, mv.eq3, mv.eq4, mv.eq5, mv.eq6);

  // Next lower macro vector per EQ (nullopt when there is none).
  auto lower_eq1 = cvss4_macro_score(mv.eq1 + 1, mv.eq2, mv.eq3, mv.eq4, mv.eq5, mv.eq6);
  auto lower_eq2 = cvss4_macro_score(mv.eq1, mv.eq2 + 1, mv.eq3, mv.eq4, mv.eq5, mv.eq6);
  std::optional<double> lower_eq36;
  if (mv.eq3 == 0 && mv.eq6 == 0) {
    // 00 --> 01 or 10: take the higher score.
    auto left = cvss4_macro_score(mv.eq1, mv.eq2, mv.eq3, mv.eq4, mv.eq5, mv.eq6 + 1);
    auto right = cvss4_macro_score(mv.eq1, mv.eq2, mv.eq3 + 1, mv.eq4, mv.eq5, mv.eq6);
    if (left && right) {
      lower_eq36 = *left > *right ? left : right;
    } else {
      lower_eq36 = left ? left : right;
    }
  } else if (mv.eq3 == 1 && mv.eq6 == 0) {
    lower_eq36 = cvss4_macro_score(mv.eq1, mv.eq2, mv.eq3, mv.eq4, mv.eq5, mv.eq6 + 1);
  } else if (mv.eq6 == 1 && mv.eq3 < 2) {
    lower_eq36 = cvss4_macro_score(mv.eq1, mv.eq2, mv.eq3 + 1, mv.eq4, mv.eq5, mv.eq6);
  }  // 21 --> 32 does not exist
  auto lower_eq4 = cvss4_macro_score(mv.eq1, mv.eq2, mv.eq3, mv.eq4 + 1, mv.eq5, mv.eq6);
  auto lower_eq5 = cvss4_macro_score(mv.eq1, mv.eq2, mv.eq3, mv.eq4, mv.eq5 + 1, mv.eq6);

  // Severity distance from the first highest-severity vector of the macro vector that is not
  // less severe than the scored one in any metric (the last candidate when none is).
  Distances d{};
  bool found = false;
  for (const auto& e1 : eq1_maxes(mv.eq1)) {
    for (const auto& e2 : eq2_maxes(mv.eq2)) {
      for (const auto& e36 : eq36_maxes(mv.eq3, mv.eq6)) {
        for (const auto& e4 : eq4_maxes(mv.eq4)) {
          d.av = av_level(m.av) - av_level(e1.av);
          d.pr = pr_level(m.pr) - pr_level(e1.pr);
          d.ui = ui_level(m.ui) - ui_level(e1.ui);
          d.ac = ac_level(m.ac) - ac_level(e2.ac);
          d.at = at_level(m.at) - at_level(e2.at);
          d.vc = v_level(m.vc) - v_level(e36.vc);
          d.vi = v_level(m.vi) - v_level(e36.vi);
          d.va = v_level(m.va) - v_level(e36.va);
          d.sc = sc_level(m.sc) - sc_level(e4.sc);
          d.si = s_level(m.si) - s_level(e4.si);
          d.sa = s_level(m.sa) - s_level(e4.sa);
          d.cr = req_level(m.cr) - req_level(e36.cr);
          d.ir = req_level(m.ir) - req_level(e36.ir);
          d.ar = req_level(m.ar) - req_level(e36.ar);
          if (!d.any_negative()) {
            found = true;
            break;
          }
        }
        if (found) break;
      }
      if (found) break;
    }
    if (found) break;
  }

  double current_eq1 = d.av + d.pr + d.ui;
  double current_eq2 = d.ac + d.at;
  double current_eq36 = d.vc + d.vi + d.va + d.cr + d.ir + d.ar;
  double current_eq4 = d.sc + d.si + d.sa;

  const double step = 0.1;
  double max_eq1 = kMaxSeverityEq1[mv.eq1] * step;
  double max_eq2 = kMaxSeverityEq2[mv.eq2] * step;
  double max_eq36 = max_severity_eq3eq6(mv.eq3, mv.eq6) * step;
  double max_eq4 = kMaxSeverityEq4[mv.eq4] * step;

  int n_existing_lower = 0;
  double normalized_eq1 = 0, normalized_eq2 = 0, normalized_eq36 = 0, normalized_eq4 = 0,
         normalized_eq5 = 0;
  if (lower_eq1) {
    ++n_existing_lower;
    normalized_eq1 = (value - *lower_eq1) * (current_eq1 / max_eq1);
  }
  if (lower_eq2) {
    ++n_existing_lower;
    normalized_eq2 = (value - *lower_eq2) * (current_eq2 / max_eq2);
  }
  if (lower_eq36) {
    ++n_existing_lower;
    normalized_eq36 = (value - *lower_eq36) * (current_eq36 / max_eq36);
  }
  if (lower_eq4) {
    ++n_existing_lower;
    normalized_eq4 = (value - *lower_eq4) * (current_eq4 / max_eq4);
  }
  if (lower_eq5) {
    // The proportion for EQ5 is always 0.
    ++n_existing_lower;
    normalized_eq5 = (value - *lower_eq5) * 0;
  }
  double mean_distance =
      n_existing_lower == 0
          ? 0
          : (normalized_eq1 + normalized_eq2 + normalized_eq36 + normalized_eq4 + normalized_eq5) /
                n_existing_lower;
  value -= mean_distance;
  if (value < 0) value = 0.0;
  if (value > 10) value = 10.0;
  // Half up on the decimal the value stands for, as the reference calculator does (it adds an
  // epsilon of 1e-6 before Math.round): the interpolation can land one ulp below an x.x5 tie
  // (5.6499999999999995 for 5.65). Rounding the binary value itself disagrees with the
  // published test vectors on 14 of 1,058 (vectors_simple4).
  return round_half_up_1(value);
}

}  // namespace

Result<CvssScore> cvss4_score(std::string_view body) {
  auto parsed = parse_metrics(body, kSpecs, "CVSS v4.0");
  if (!parsed) return Unexpected(parsed.error());
  const std::vector<int>& codes = *parsed;
  auto defined = [&](Metric k) { return codes[k] != kAbsent && codes[k] != 0; };  // 0 is X

  bool threat = defined(kEm);
  bool environmental = false;
  for (int k = kCR; k <= kMSA; ++k) {
    environmental = environmental || defined(static_cast<Metric>(k));
  }

  CvssScore score;
  score.major = 4;
  score.minor = 0;
  score.base = score_v4(effective_metrics(codes));
  score.severity = severity_v3(score.base);
  score.nomenclature =
      threat ? (environmental ? "CVSS-BTE" : "CVSS-BT") : (environmental ? "CVSS-BE" : "CVSS-B");
  return score;
}

}  // namespace sw::vuln::cvss_detail
