// SPDX-License-Identifier: Apache-2.0
// Password strength estimation: a faithful C++ port of zxcvbn 4.4.2 (Dropbox, MIT), the model
// everyone quotes: dictionary (with reversed words and l33t), keyboard, repeat, sequence, year and
// date patterns, the minimum-guesses sequence over them, score, crack times and feedback. Same
// answers as the JavaScript original (tests/password/estimator_test.cpp, bench/zxcvbn_conformance).
// Hand-written because no Debian library reproduces zxcvbn 4.4.2 faithfully (libzxcvbn 2.5, the
// zxcvbn-c port, agrees on the score for only 72% of the reference passwords).
//
// Positions are UTF-16 code units, as in JavaScript (an emoji counts 2). Long input: only the first
// EstimatorOptions::max_length code units are matched (zxcvbn's matching is quadratic and worse);
// the rest is one bruteforce match appended to the optimal sequence of the prefix, scored with
// zxcvbn's own formula (its guesses multiply in), and Estimate::truncated is set. A 10 MB password
// therefore costs linear time.
//
// Thread-safety: estimate() may run on several threads at once (immutable data, per-thread
// scratch, which is wiped after each call since it holds copies of the password).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/result.h"

namespace sw::password {

struct EstimatorOptions {
  int reference_year = 0;        // zxcvbn's REFERENCE_YEAR; 0 = the current (UTC) year
  std::size_t max_length = 256;  // UTF-16 code units matched; the rest is bruteforce; 0 = no cap
};

// One match of the optimal sequence (zxcvbn's match object). Fields beyond the common ones are set
// only for their pattern.
struct Match {
  std::string pattern;       // dictionary, spatial, repeat, sequence, regex, date, bruteforce
  std::size_t i = 0, j = 0;  // UTF-16 code-unit positions, inclusive, as in JavaScript
  std::string token;         // part of the password (UTF-8; a lone surrogate becomes U+FFFD)
  double guesses = 0;
  double guesses_log10 = 0;
  // dictionary
  std::string dictionary_name;
  std::string matched_word;
  int rank = 0;
  bool reversed = false;
  bool l33t = false;
  std::vector<std::pair<std::string, std::string>> sub;  // l33t character -> letter, JS key order
  double base_guesses = 0;                               // dictionary and repeat
  double uppercase_variations = 0;
  double l33t_variations = 0;
  // spatial
  std::string graph;
  int turns = 0;
  int shifted_count = 0;
  // repeat
  std::string base_token;
  double repeat_count = 0;
  std::vector<Match> base_matches;
  // sequence
  std::string sequence_name;
  int sequence_space = 0;
  bool ascending = false;
  // regex
  std::string regex_name;
  // date
  int year = 0, month = 0, day = 0;
  std::string separator;
};

struct Feedback {
  std::string warning;
  std::vector<std::string> suggestions;
};

// zxcvbn's crack_times_seconds / crack_times_display for its four attack scenarios.
struct CrackTimes {
  double online_throttling_100_per_hour = 0;
  double online_no_throttling_10_per_second = 0;
  double offline_slow_hashing_1e4_per_second = 0;
  double offline_fast_hashing_1e10_per_second = 0;
  std::string display_online_throttling_100_per_hour;
  std::string display_online_no_throttling_10_per_second;
  std::string display_offline_slow_hashing_1e4_per_second;
  std::string display_offline_fast_hashing_1e10_per_second;
  int score_online_throttling_100_per_hour = 0;  // guesses_to_score of the same guesses
  int score_online_no_throttling_10_per_second = 0;
  int score_offline_slow_hashing_1e4_per_second = 0;
  int score_offline_fast_hashing_1e10_per_second = 0;
};

struct Estimate {
  double guesses = 1;
  double guesses_log10 = 0;
  int score = 0;  // 0..4
  std::vector<Match> sequence;
  CrackTimes crack_times;
  Feedback feedback;
  double calc_time_ms = 0;
  bool truncated = false;  // input longer than max_length: the tail was scored as bruteforce
};

// Estimates `utf8` the way zxcvbn(password, user_inputs) does. user_inputs (name, e-mail, service)
// rank as one more dictionary. An Errc::kParse error when the password or a user input is not
// valid UTF-8 (the message does not quote the input).
Result<Estimate> estimate(std::string_view utf8, std::span<const std::string> user_inputs = {},
                          const EstimatorOptions& opts = {});

int guesses_to_score(double guesses);
std::string display_time(double seconds);  // "less than a second", "3 hours", "centuries"

struct JsonOptions {
  bool include_tokens = false;  // token, matched_word, base_token: parts of the password
};
// zxcvbn's result as JSON: score, guesses, guesses_log10, crack_times_seconds,
// crack_times_display, feedback{warning,suggestions}, sequence[] (pattern fields as zxcvbn names
// them). Never any password material unless include_tokens.
nlohmann::json estimate_json(const Estimate& est, JsonOptions opts = {});

}  // namespace sw::password
