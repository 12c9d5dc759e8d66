// SPDX-License-Identifier: Apache-2.0
// estimate(): zxcvbn 4.4.2's main (main.coffee) around the port in password/zxcvbn/, plus the
// truncation rule for long input (see estimator.h). Hand-written because no Debian library
// reproduces zxcvbn 4.4.2 faithfully (libzxcvbn 2.5 agrees on the score for only 72%).
#include "password/estimator.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <limits>

#include "password/zxcvbn/model.h"
#include "password/zxcvbn/text.h"

namespace sw::password {
namespace {

int current_year() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return tm.tm_year + 1900;
}

// The analysed prefix length: max_length code units, not splitting a surrogate pair.
std::size_t analysed_length(std::u16string_view pw, std::size_t max_length) {
  if (max_length == 0 || pw.size() <= max_length) return pw.size();
  std::size_t cut = max_length;
  if (pw[cut - 1] >= 0xD800 && pw[cut - 1] <= 0xDBFF && pw[cut] >= 0xDC00 && pw[cut] <= 0xDFFF) {
    --cut;
  }
  return cut;
}

}  // namespace

Result<Estimate> estimate(std::string_view utf8, std::span<const std::string> user_inputs,
                          const EstimatorOptions& opts) {
  using namespace zxcvbn;
  const auto start = std::chrono::steady_clock::now();
  thread_local std::u16string pw16;  // kept between calls; wiped below
  if (!utf8_to_utf16(utf8, pw16)) {
    std::fill(pw16.begin(), pw16.end(), u'\0');
    return fail(Errc::kParse, "the password is not valid UTF-8");
  }
  UserDict user;
  user.words.reserve(user_inputs.size());
  for (std::size_t k = 0; k < user_inputs.size(); ++k) {
    std::optional<std::u16string> word = utf8_to_utf16(user_inputs[k]);
    if (!word) return fail(Errc::kParse, "a user input is not valid UTF-8");
    std::u16string lower = js_to_lower(*word);
    auto rank = static_cast<std::int32_t>(k + 1);
    bool replaced = false;
    for (auto& entry : user.words) {
      if (entry.first == lower) {
        entry.second = rank;  // build_ranked_dict: the later position wins
        replaced = true;
      }
    }
    if (!replaced) user.words.emplace_back(std::move(lower), rank);
  }
  const int year = opts.reference_year != 0 ? opts.reference_year : current_year();

  const std::u16string_view full(pw16);
  const std::size_t cut = analysed_length(full, opts.max_length);
  const std::u16string_view prefix = full.substr(0, cut);

  thread_local Context ctx;
  ctx.reset(prefix, user.words.empty() ? nullptr : &user, year);
  omnimatch(ctx);
  Analysis analysis = most_guessable_match_sequence(ctx);
  std::fill(ctx.pool.begin(), ctx.pool.end(), u'\0');  // lower-cased copies of the password
  ctx.reset({}, nullptr, year);

  Estimate est;
  est.guesses = analysis.guesses;
  est.guesses_log10 = analysis.guesses_log10;
  if (cut < full.size()) {
    // One bruteforce match over the tail, appended to the prefix's optimal sequence, scored as
    // zxcvbn scores a sequence: l! * prod(guesses) + 10000^(l-1).
    est.truncated = true;
    const std::size_t tail = full.size() - cut;
    const double bf = std::max(bruteforce_guesses(tail), tail == 1 ? kMinSubmatchGuessesSingleChar
                                                                   : kMinSubmatchGuessesMultiChar);
    const auto l = static_cast<double>(analysis.sequence.size() + 1);
    const double pi = analysis.pi * bf;
    double g = factorial(l) * pi + js_pow(kMinGuessesBeforeGrowingSequence, l - 1);
    double log10_g = 0;
    if (std::isfinite(g)) {
      log10_g = js_log10(g);
    } else {
      // Past DBL_MAX: the log of the dominant term l! * pi, the tail counting `tail` digits.
      double bf_log = std::isfinite(js_pow(10.0, static_cast<double>(tail)))
                          ? std::log10(bf)
                          : static_cast<double>(tail);
      log10_g = std::lgamma(l + 1) / std::log(10.0) + std::log10(analysis.pi) + bf_log;
      g = std::numeric_limits<double>::max();
    }
    est.guesses = g;
    est.guesses_log10 = log10_g;
    Match m;
    m.pattern = "bruteforce";
    m.i = cut;
    m.j = full.size() - 1;
    m.token = utf16_to_utf8(full.substr(cut));
    m.guesses = bf;
    m.guesses_log10 = std::isfinite(js_pow(10.0, static_cast<double>(tail)))
                          ? js_log10(bf)
                          : static_cast<double>(tail);
    analysis.sequence.push_back(std::move(m));
  }
  std::fill(pw16.begin(), pw16.end(), u'\0');  // no copy of the password stays behind
  if (pw16.capacity() > (1u << 16)) std::u16string().swap(pw16);
  est.sequence = std::move(analysis.sequence);
  estimate_attack_times(est.guesses, est.crack_times);
  est.score = guesses_to_score(est.guesses);
  est.feedback = get_feedback(est.score, est.sequence);
  est.calc_time_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return est;
}

}  // namespace sw::password
