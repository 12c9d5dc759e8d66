// SPDX-License-Identifier: Apache-2.0
// RFC 3339 (https://www.rfc-editor.org/rfc/rfc3339#section-5.6) formatting and parsing, by hand:
// std::chrono's parse() is missing from libstdc++ 12 and strptime does not take offsets portably.
#include "vuln/store/clock.h"

#include <algorithm>

#include <fmt/format.h>

namespace sw::vuln {

std::string rfc3339_utc(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::string rfc3339_now() { return rfc3339_utc(std::time(nullptr)); }

namespace {

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

struct Parsed {
  std::time_t seconds = 0;
  std::string_view fraction;  // digits after '.', may be empty
};

std::optional<Parsed> parse(std::string_view s) {
  int y, mo, d, h, mi, se;
  if (!digits(s, 0, 4, y) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
      !digits(s, 11, 2, h) || s[13] != ':' || !digits(s, 14, 2, mi) || s[16] != ':' ||
      !digits(s, 17, 2, se)) {
    return std::nullopt;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return std::nullopt;
  size_t pos = 19;
  Parsed p;
  if (pos < s.size() && s[pos] == '.') {
    size_t start = ++pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    if (pos == start) return std::nullopt;
    p.fraction = s.substr(start, pos - start);
  }
  long offset = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh, om;
    if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !digits(s, pos + 4, 2, om)) {
      return std::nullopt;
    }
    offset = (s[pos] == '+' ? 1 : -1) * (oh * 3600L + om * 60L);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  long days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  p.seconds = static_cast<std::time_t>(days * 86400L + h * 3600L + mi * 60L + se - offset);
  return p;
}

}  // namespace

std::optional<std::time_t> parse_rfc3339(std::string_view text) {
  auto p = parse(text);
  if (!p) return std::nullopt;
  return p->seconds;
}

int compare_modified(std::string_view a, std::string_view b) {
  auto pa = parse(a);
  auto pb = parse(b);
  if (!pa || !pb) {
    if (pa) return 1;
    if (pb) return -1;
    return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
  }
  if (pa->seconds != pb->seconds) return pa->seconds < pb->seconds ? -1 : 1;
  // Fractions compare digit by digit, the shorter padded with zeros.
  size_t n = std::max(pa->fraction.size(), pb->fraction.size());
  for (size_t i = 0; i < n; ++i) {
    char ca = i < pa->fraction.size() ? pa->fraction[i] : '0';
    char cb = i < pb->fraction.size() ? pb->fraction[i] : '0';
    if (ca != cb) return ca < cb ? -1 : 1;
  }
  return 0;
}

}  // namespace sw::vuln
