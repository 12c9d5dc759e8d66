// SPDX-License-Identifier: Apache-2.0
// Internals of the zxcvbn 4.4.2 port: the match record the matchers produce and the scorer reads,
// the per-analysis context, and the entry points of matching.cpp, scoring.cpp, feedback.cpp and
// time_estimates.cpp. The public face is password/estimator.h. Hand-written because no Debian
// library reproduces zxcvbn 4.4.2 faithfully (libzxcvbn 2.5 agrees on the score for only 72%).
//
// Strings are UTF-16 (std::u16string_view) because zxcvbn's positions, lengths and character deltas
// are JavaScript code units. Matches refer to the analysed string by position and to derived
// strings (lower-cased, reversed, l33t-translated) by offset into Context::pool, so matching
// allocates only the pool and the match vector, which a thread-local context keeps between calls.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "password/estimator.h"

namespace sw::password::zxcvbn {

enum class Pattern : std::uint8_t {
  kDictionary,
  kSpatial,
  kRepeat,
  kSequence,
  kRegex,
  kDate,
  kBruteforce
};
const char* pattern_name(Pattern p);

struct L33tPair {
  char16_t l33t;    // the character in the password ('4')
  char16_t letter;  // the letter it stands for ('a')
};

struct RawMatch {
  std::int32_t i = 0, j = 0;  // inclusive UTF-16 positions
  Pattern pattern = Pattern::kBruteforce;
  // dictionary
  std::uint8_t dict = 0;  // kDictNames index
  bool reversed = false;
  bool l33t = false;
  std::int32_t rank = 0;
  std::uint32_t word_off = 0, word_len = 0;  // matched_word in Context::pool
  std::uint32_t sub_off = 0, sub_len = 0;    // l33t sub in Context::subs
  // spatial
  std::uint8_t graph = 0;
  std::int32_t turns = 0, shifted_count = 0;
  // repeat: index into Context::repeats
  std::int32_t repeat_idx = -1;
  // sequence
  std::uint8_t sequence_name = 0;  // 0 lower, 1 upper, 2 digits, 3 unicode
  std::int32_t sequence_space = 0;
  bool ascending = false;
  // date
  std::int32_t year = 0, month = 0, day = 0;
  char16_t separator = 0;  // 0 = none
  // filled by estimate_guesses
  double guesses = std::numeric_limits<double>::quiet_NaN();
  double base_guesses = 0, uppercase_variations = 0, l33t_variations = 0;

  std::int32_t length() const { return j - i + 1; }
};

struct RepeatInfo {
  std::int32_t base_off = 0, base_len = 0;  // base_token in the analysed string
  double base_guesses = 0;
  double repeat_count = 0;
  std::vector<Match> base_matches;
};

// The user_inputs dictionary: lower-cased words with zxcvbn's ranks (later duplicates win).
struct UserDict {
  std::vector<std::pair<std::u16string, std::int32_t>> words;
};

struct Context {
  std::u16string_view password;
  const UserDict* user = nullptr;
  int reference_year = 0;
  std::u16string pool;
  std::vector<L33tPair> subs;
  std::vector<RawMatch> matches;
  std::vector<RepeatInfo> repeats;
  std::vector<std::int32_t> reach;     // per start, where the plain dictionary walk ended
  std::vector<std::int32_t> next_sub;  // scratch of l33t matching
  std::vector<RawMatch> dates;         // scratch of date matching

  void reset(std::u16string_view pw, const UserDict* u, int year) {
    password = pw;
    user = u;
    reference_year = year;
    pool.clear();
    subs.clear();
    matches.clear();
    repeats.clear();
    reach.clear();
  }
};

// omnimatch: all matches of all matchers into ctx.matches, in zxcvbn's order.
void omnimatch(Context& ctx);

// The result of most_guessable_match_sequence.
struct Analysis {
  double guesses = 1;
  double guesses_log10 = 0;
  double pi = 1;  // product of the sequence's match guesses (for the truncation rule)
  std::vector<Match> sequence;
};

// most_guessable_match_sequence over ctx.matches (after omnimatch).
Analysis most_guessable_match_sequence(Context& ctx, bool exclude_additive = false);

// omnimatch + most_guessable_match_sequence of a string of its own (repeat base tokens).
Analysis analyze(std::u16string_view password, const UserDict* user, int reference_year);

// The public Match for a raw one (token, matched word, sub and repeat data resolved).
Match to_public(const Context& ctx, const RawMatch& m);

// scoring helpers shared with feedback and the estimator
double nck(double n, double k);
double factorial(double n);
inline constexpr double kMinGuessesBeforeGrowingSequence = 10000;
inline constexpr double kMinSubmatchGuessesSingleChar = 10;
inline constexpr double kMinSubmatchGuessesMultiChar = 50;
double bruteforce_guesses(std::size_t token_len);
double js_log10(double x);  // Math.log(x) / Math.log(10), as zxcvbn computes it
// JavaScript's Math.log as V8 computes it (fdlibm's algorithm; js_math.cpp).
double js_log(double x);
// JavaScript's Math.pow as V8 computes it, exact for zxcvbn's bases (js_pow.cpp).
double js_pow(double base, double k);

Feedback get_feedback(int score, const std::vector<Match>& sequence);
void estimate_attack_times(double guesses, CrackTimes& out);

}  // namespace sw::password::zxcvbn
