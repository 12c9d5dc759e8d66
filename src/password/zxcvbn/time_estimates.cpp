// SPDX-License-Identifier: Apache-2.0
// zxcvbn 4.4.2's time estimates (time_estimates.coffee): crack times for four attack scenarios,
// their display strings and the score thresholds. Hand-written because no Debian library
// reproduces zxcvbn 4.4.2 faithfully (libzxcvbn 2.5 agrees on the score for only 72%).
#include <cmath>
#include <string>

#include "password/estimator.h"
#include "password/zxcvbn/model.h"

namespace sw::password {

int guesses_to_score(double guesses) {
  constexpr double kDelta = 5;
  if (guesses < 1e3 + kDelta) return 0;
  if (guesses < 1e6 + kDelta) return 1;
  if (guesses < 1e8 + kDelta) return 2;
  if (guesses < 1e10 + kDelta) return 3;
  return 4;
}

namespace {

// JS Math.round for the non-negative values display_time sees.
double js_round(double x) {
  double r = std::floor(x);
  if (x - r >= 0.5) r += 1;
  return r;
}

}  // namespace

std::string display_time(double seconds) {
  constexpr double kMinute = 60;
  constexpr double kHour = kMinute * 60;
  constexpr double kDay = kHour * 24;
  constexpr double kMonth = kDay * 31;
  constexpr double kYear = kMonth * 12;
  constexpr double kCentury = kYear * 100;
  double base = 0;
  const char* unit = nullptr;
  if (seconds < 1) return "less than a second";
  if (seconds < kMinute) {
    base = js_round(seconds);
    unit = " second";
  } else if (seconds < kHour) {
    base = js_round(seconds / kMinute);
    unit = " minute";
  } else if (seconds < kDay) {
    base = js_round(seconds / kHour);
    unit = " hour";
  } else if (seconds < kMonth) {
    base = js_round(seconds / kDay);
    unit = " day";
  } else if (seconds < kYear) {
    base = js_round(seconds / kMonth);
    unit = " month";
  } else if (seconds < kCentury) {
    base = js_round(seconds / kYear);
    unit = " year";
  } else {
    return "centuries";
  }
  std::string out = std::to_string(static_cast<long long>(base)) + unit;
  if (base != 1) out += 's';
  return out;
}

namespace zxcvbn {

void estimate_attack_times(double guesses, CrackTimes& out) {
  out.online_throttling_100_per_hour = guesses / (100.0 / 3600.0);
  out.online_no_throttling_10_per_second = guesses / 10;
  out.offline_slow_hashing_1e4_per_second = guesses / 1e4;
  out.offline_fast_hashing_1e10_per_second = guesses / 1e10;
  out.display_online_throttling_100_per_hour = display_time(out.online_throttling_100_per_hour);
  out.display_online_no_throttling_10_per_second =
      display_time(out.online_no_throttling_10_per_second);
  out.display_offline_slow_hashing_1e4_per_second =
      display_time(out.offline_slow_hashing_1e4_per_second);
  out.display_offline_fast_hashing_1e10_per_second =
      display_time(out.offline_fast_hashing_1e10_per_second);
  int score = guesses_to_score(guesses);
  out.score_online_throttling_100_per_hour = score;
  out.score_online_no_throttling_10_per_second = score;
  out.score_offline_slow_hashing_1e4_per_second = score;
  out.score_offline_fast_hashing_1e10_per_second = score;
}

}  // namespace zxcvbn
}  // namespace sw::password
