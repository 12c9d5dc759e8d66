// SPDX-License-Identifier: Apache-2.0
// estimate_json(): an Estimate as zxcvbn's result object (its field names), without password
// material (token, matched_word, base_token, l33t sub) unless asked. Hand-written because no Debian
// library reproduces zxcvbn 4.4.2 faithfully (libzxcvbn 2.5 agrees on the score for only 72%).
#include <nlohmann/json.hpp>

#include "password/estimator.h"

namespace sw::password {
namespace {

nlohmann::json match_json(const Match& m, const JsonOptions& opts) {
  nlohmann::json j = {{"pattern", m.pattern},
                      {"i", m.i},
                      {"j", m.j},
                      {"guesses", m.guesses},
                      {"guesses_log10", m.guesses_log10}};
  if (opts.include_tokens) j["token"] = m.token;
  if (m.pattern == "dictionary") {
    j["dictionary_name"] = m.dictionary_name;
    if (opts.include_tokens) j["matched_word"] = m.matched_word;
    j["rank"] = m.rank;
    j["reversed"] = m.reversed;
    j["l33t"] = m.l33t;
    if (m.l33t && opts.include_tokens) {
      nlohmann::json sub = nlohmann::json::object();
      for (const auto& [from, to] : m.sub) sub[from] = to;
      j["sub"] = sub;
    }
    j["base_guesses"] = m.base_guesses;
    j["uppercase_variations"] = m.uppercase_variations;
    j["l33t_variations"] = m.l33t_variations;
  } else if (m.pattern == "spatial") {
    j["graph"] = m.graph;
    j["turns"] = m.turns;
    j["shifted_count"] = m.shifted_count;
  } else if (m.pattern == "repeat") {
    if (opts.include_tokens) j["base_token"] = m.base_token;
    j["base_guesses"] = m.base_guesses;
    j["repeat_count"] = m.repeat_count;
    nlohmann::json base = nlohmann::json::array();
    for (const Match& b : m.base_matches) base.push_back(match_json(b, opts));
    j["base_matches"] = base;
  } else if (m.pattern == "sequence") {
    j["sequence_name"] = m.sequence_name;
    j["sequence_space"] = m.sequence_space;
    j["ascending"] = m.ascending;
  } else if (m.pattern == "regex") {
    j["regex_name"] = m.regex_name;
  } else if (m.pattern == "date") {
    j["separator"] = m.separator;
    j["year"] = m.year;
    j["month"] = m.month;
    j["day"] = m.day;
  }
  return j;
}

}  // namespace

nlohmann::json estimate_json(const Estimate& est, JsonOptions opts) {
  const CrackTimes& t = est.crack_times;
  nlohmann::json sequence = nlohmann::json::array();
  for (const Match& m : est.sequence) sequence.push_back(match_json(m, opts));
  return {
      {"score", est.score},
      {"guesses", est.guesses},
      {"guesses_log10", est.guesses_log10},
      {"crack_times_seconds",
       {{"online_throttling_100_per_hour", t.online_throttling_100_per_hour},
        {"online_no_throttling_10_per_second", t.online_no_throttling_10_per_second},
        {"offline_slow_hashing_1e4_per_second", t.offline_slow_hashing_1e4_per_second},
        {"offline_fast_hashing_1e10_per_second", t.offline_fast_hashing_1e10_per_second}}},
      {"crack_times_display",
       {{"online_throttling_100_per_hour", t.display_online_throttling_100_per_hour},
        {"online_no_throttling_10_per_second", t.display_online_no_throttling_10_per_second},
        {"offline_slow_hashing_1e4_per_second", t.display_offline_slow_hashing_1e4_per_second},
        {"offline_fast_hashing_1e10_per_second", t.display_offline_fast_hashing_1e10_per_second}}},
      {"feedback", {{"warning", est.feedback.warning}, {"suggestions", est.feedback.suggestions}}},
      {"sequence", sequence},
      {"truncated", est.truncated},
      {"calc_time_ms", est.calc_time_ms},
  };
}

}  // namespace sw::password
