// SPDX-License-Identifier: Apache-2.0
// cvss_score(): dispatch on the vector's prefix ("CVSS:4.0/" -> v4.0, "CVSS:3.0/" and
// "CVSS:3.1/" -> v3.x, otherwise v2.0 with optional surrounding parentheses, as NVD writes it),
// plus the shared vector parser, rounding rules and qualitative ratings:
// - FIRST CVSS v2.0 guide section 3.2 (round_to_1_decimal),
// - FIRST CVSS v3.0 specification section 7.4 (Round up) and v3.1 specification Appendix A
//   (Roundup, integer-based),
// - v3.x/v4.0 qualitative severity rating scale (None 0.0, Low 0.1-3.9, Medium 4.0-6.9,
//   High 7.0-8.9, Critical 9.0-10.0); for v2, NVD's bands (Low 0-3.9, Medium 4-6.9, High 7-10).
// Written by hand: Debian has no C or C++ CVSS library.
#include "vuln/cvss/cvss.h"

#include <cmath>
#include <cstdint>

#include <fmt/format.h>

#include "vuln/cvss/cvss_internal.h"

namespace sw::vuln {
namespace cvss_detail {
namespace {

// Vectors come from untrusted advisories: quote at most this much of one in a message.
constexpr std::size_t kQuoteMax = 80;

std::string quote(std::string_view s) {
  if (s.size() <= kQuoteMax) return std::string(s);
  return fmt::format("{}...", s.substr(0, kQuoteMax));
}

}  // namespace

Result<std::vector<int>> parse_metrics(std::string_view body, std::span<const MetricSpec> specs,
                                       std::string_view label) {
  std::vector<int> codes(specs.size(), kAbsent);
  if (body.empty()) return fail(Errc::kParse, fmt::format("{} vector is empty", label));
  std::size_t pos = 0;
  while (pos <= body.size()) {
    std::size_t slash = body.find('/', pos);
    if (slash == std::string_view::npos) slash = body.size();
    std::string_view part = body.substr(pos, slash - pos);
    pos = slash + 1;
    if (part.empty()) {
      return fail(Errc::kParse,
                  fmt::format("{} vector '{}': empty metric (stray '/')", label, quote(body)));
    }
    std::size_t colon = part.find(':');
    if (colon == std::string_view::npos || part.find(':', colon + 1) != std::string_view::npos) {
      return fail(Errc::kParse, fmt::format("{} vector: malformed part '{}' (want METRIC:VALUE)",
                                            label, quote(part)));
    }
    std::string_view key = part.substr(0, colon);
    std::string_view value = part.substr(colon + 1);
    std::size_t index = specs.size();
    for (std::size_t i = 0; i < specs.size(); ++i) {
      if (specs[i].key == key) {
        index = i;
        break;
      }
    }
    if (index == specs.size()) {
      return fail(Errc::kParse, fmt::format("{} vector: unknown metric '{}'", label, quote(key)));
    }
    if (codes[index] != kAbsent) {
      return fail(Errc::kParse, fmt::format("{} vector: duplicate metric '{}'", label, key));
    }
    const auto& allowed = specs[index].values;
    for (std::size_t v = 0; v < allowed.size(); ++v) {
      if (allowed[v] == value) {
        codes[index] = static_cast<int>(v);
        break;
      }
    }
    if (codes[index] == kAbsent) {
      return fail(Errc::kParse, fmt::format("{} vector: bad value '{}' for metric '{}'", label,
                                            quote(value), key));
    }
  }
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].mandatory && codes[i] == kAbsent) {
      return fail(Errc::kParse,
                  fmt::format("{} vector: missing base metric '{}'", label, specs[i].key));
    }
  }
  return codes;
}

// The scores are sums and products of a few decimal constants, at most 10.0: their binary
// approximations are within 1e-13 of the exact decimal value. Working on x * 1e10 as an integer
// makes the roundings act on the decimal value, as the specifications' arithmetic intends.
namespace {
constexpr std::int64_t kTenth = 1'000'000'000;  // 0.1 in units of 1e-10

std::int64_t units_1e10(double x) {
  if (!std::isfinite(x) || x <= 0) return 0;
  if (x > 1e6) x = 1e6;  // far beyond any score; keeps the conversion defined
  return std::llround(x * 1e10);
}
}  // namespace

double round_half_up_1(double x) {
  bool negative = x < 0;
  std::int64_t n = units_1e10(negative ? -x : x);
  std::int64_t q = n / kTenth;
  if (n % kTenth >= kTenth / 2) ++q;
  double v = static_cast<double>(q) / 10.0;
  return negative ? -v : v;
}

double roundup_v30(double x) {
  std::int64_t n = units_1e10(x);
  std::int64_t q = n / kTenth;
  if (n % kTenth != 0) ++q;
  return static_cast<double>(q) / 10.0;
}

double roundup_v31(double x) {
  // Appendix A: int_input = round_to_nearest_integer(input * 100000);
  // if int_input % 10000 == 0 return int_input / 100000.0
  // else return (floor(int_input / 10000) + 1) / 10.0
  if (!std::isfinite(x) || x <= 0) return 0.0;
  if (x > 1e6) x = 1e6;
  std::int64_t int_input = std::llround(x * 100000.0);
  if (int_input % 10000 == 0) return static_cast<double>(int_input) / 100000.0;
  return static_cast<double>(int_input / 10000 + 1) / 10.0;
}

Severity severity_v3(double score) {
  if (score <= 0.0) return Severity::kInfo;
  if (score < 4.0) return Severity::kLow;
  if (score < 7.0) return Severity::kMedium;
  if (score < 9.0) return Severity::kHigh;
  return Severity::kCritical;
}

Severity severity_v2(double score) {
  if (score < 4.0) return Severity::kLow;
  if (score < 7.0) return Severity::kMedium;
  return Severity::kHigh;
}

}  // namespace cvss_detail

Result<CvssScore> cvss_score(std::string_view vector) {
  using namespace cvss_detail;
  if (vector.starts_with("CVSS:4.0/")) return cvss4_score(vector.substr(9));
  if (vector.starts_with("CVSS:3.1/")) return cvss3_score(vector.substr(9), 1);
  if (vector.starts_with("CVSS:3.0/")) return cvss3_score(vector.substr(9), 0);
  if (vector.starts_with("CVSS:")) {
    std::size_t slash = vector.find('/');
    return fail(Errc::kParse, fmt::format("unknown CVSS version prefix '{}'",
                                          vector.substr(0, std::min<std::size_t>(slash, 16))));
  }
  if (vector.size() >= 2 && vector.front() == '(' && vector.back() == ')') {
    vector = vector.substr(1, vector.size() - 2);
  }
  return cvss2_score(vector);
}

}  // namespace sw::vuln
