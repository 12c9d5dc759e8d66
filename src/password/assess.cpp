// SPDX-License-Identifier: Apache-2.0
#include "password/assess.h"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "password/breach/index.h"
#include "password/breach/range_client.h"

namespace sw::password {

std::vector<std::string> user_inputs_of(const PolicyInputs& context) {
  std::vector<std::string> words;
  auto add = [&](const std::string& w) {
    if (!w.empty()) words.push_back(w);
  };
  add(context.user_name);
  add(context.email);
  if (auto at = context.email.find('@'); at != std::string::npos) add(context.email.substr(0, at));
  add(context.service_name);
  for (const auto& w : context.other_words) add(w);
  return words;
}

Result<Assessment> assess(std::string_view password, const PolicyInputs& context,
                          const AssessOptions& options) {
  Assessment a;
  const std::vector<std::string> inputs = user_inputs_of(context);
  auto est = estimate(password, inputs, options.estimator);
  if (!est) return Unexpected(est.error());
  a.estimate = std::move(*est);

  const Checkers& c = options.checkers;
  if (c.blocklist != nullptr) a.blocklisted = c.blocklist->contains(password);
  if (c.breach_index != nullptr) {
    a.breach_count = c.breach_index->count(password).value_or(0);
    a.breach_source = "breach index";
  }
  // Online only when the offline index (if any) did not already find it.
  if (c.online != nullptr && a.breach_count.value_or(0) == 0) {
    auto n = c.online->count(password);
    if (n) {
      a.breach_count = *n;
      a.breach_source = "Have I Been Pwned";
    } else {
      a.breach_problem = n.error().message();
    }
  }

  PolicyInputs in = context;
  in.breach_count = a.breach_count;
  in.blocklisted = a.blocklisted;
  in.score = a.estimate.score;
  in.guesses_log10 = a.estimate.guesses_log10;
  a.verdict = check_policy(password, in, options.policy);
  return a;
}

std::string_view score_words(int score) {
  switch (score) {
    case 0:
      return "too guessable";
    case 1:
      return "very guessable";
    case 2:
      return "somewhat guessable";
    case 3:
      return "safely unguessable";
    default:
      return "very unguessable";
  }
}

namespace {

std::string dictionary_words(const Match& m) {
  std::string what;
  const std::string& d = m.dictionary_name;
  if (d == "passwords") {
    what = fmt::format("one of the most common passwords (number {} on the list)", m.rank);
  } else if (d == "english_wikipedia") {
    what = "a common English word";
  } else if (d == "female_names" || d == "male_names") {
    what = "a common first name";
  } else if (d == "surnames") {
    what = "a common surname";
  } else if (d == "us_tv_and_film") {
    what = "a word common in films and TV";
  } else if (d == "user_inputs") {
    what = "one of your own details (name, e-mail or the service)";
  } else {
    what = "a dictionary word";
  }
  if (m.reversed) what += " written backwards";
  if (m.l33t) what += " with look-alike substitutions (like @ for a)";
  if (m.uppercase_variations > 1) what += " with capitals";
  return what;
}

std::string match_words(const Match& m) {
  if (m.pattern == "dictionary") return dictionary_words(m);
  if (m.pattern == "spatial") {
    return fmt::format("a run of neighbouring keys on a {} keyboard",
                       m.graph == "keypad" || m.graph == "mac_keypad" ? "number pad" : m.graph);
  }
  if (m.pattern == "repeat") return "a repeated pattern";
  if (m.pattern == "sequence") return "a sequence (like abc or 1234)";
  if (m.pattern == "regex") return m.regex_name == "recent_year" ? "a recent year" : "a pattern";
  if (m.pattern == "date") return "a date";
  const std::size_t n = m.j + 1 - m.i;
  return fmt::format("{} character{} no pattern explains, by brute force", n, n == 1 ? "" : "s");
}

// "10^5.2" for big numbers, the number itself for small ones.
std::string guesses_words(const Estimate& est) {
  if (est.guesses_log10 < 6) return fmt::format("{:.0f}", est.guesses);
  return fmt::format("10^{:.1f}", est.guesses_log10);
}

}  // namespace

std::string attacker_first(const Estimate& est) {
  std::string out;
  for (std::size_t k = 0; k < est.sequence.size(); ++k) {
    const Match& m = est.sequence[k];
    if (k > 0) out += k + 1 == est.sequence.size() ? ", and then " : ", then ";
    out += match_words(m);
  }
  if (out.empty()) out = "nothing: the password is empty";
  return out;
}

std::string how_long_it_lasts(const Estimate& est) {
  const CrackTimes& t = est.crack_times;
  return fmt::format(
      "{} against a login page that allows 100 tries an hour; {} offline against a leaked fast "
      "hash (10 billion guesses a second)",
      t.display_online_throttling_100_per_hour, t.display_offline_fast_hashing_1e10_per_second);
}

std::string assessment_text(const Assessment& a) {
  const Estimate& e = a.estimate;
  std::string out;
  out += a.verdict.accepted ? "Verdict: accepted\n" : "Verdict: REJECTED\n";
  for (const auto& r : a.verdict.reasons) out += fmt::format("  - {}\n", r);
  out += fmt::format("Strength: {} of 4 ({}), about {} guesses\n", e.score, score_words(e.score),
                     guesses_words(e));
  out += fmt::format("An attacker would try: {}\n", attacker_first(e));
  out += fmt::format("It lasts: {}\n", how_long_it_lasts(e));
  if (e.truncated) {
    out += "(only the beginning was matched against patterns; the rest counted as random)\n";
  }
  if (!e.feedback.warning.empty()) out += fmt::format("Warning: {}\n", e.feedback.warning);
  for (const auto& s : e.feedback.suggestions) out += fmt::format("Suggestion: {}\n", s);
  if (a.breach_count) {
    out += *a.breach_count > 0 ? fmt::format("Breaches: seen {} times in known breaches ({})\n",
                                             *a.breach_count, a.breach_source)
                               : fmt::format("Breaches: not found ({})\n", a.breach_source);
  }
  if (!a.breach_problem.empty()) {
    out += fmt::format("Breaches: not checked: {}\n", a.breach_problem);
  }
  return out;
}

std::string assessment_line(const Assessment& a) {
  const Estimate& e = a.estimate;
  std::string out =
      fmt::format("{}: score {} of 4, about {} guesses",
                  a.verdict.accepted ? "accepted" : "rejected", e.score, guesses_words(e));
  for (std::string_view r : a.verdict.reasons) {
    if (!r.empty() && r.back() == '.') r.remove_suffix(1);
    out += "; ";
    out += r;
  }
  if (!a.breach_problem.empty()) out += "; breaches not checked: " + a.breach_problem;
  return out;
}

nlohmann::json assessment_json(const Assessment& a) {
  nlohmann::json j = estimate_json(a.estimate);
  j["accepted"] = a.verdict.accepted;
  j["length"] = a.verdict.length;
  j["reasons"] = a.verdict.reasons;
  j["summary"] = a.verdict.summary;
  j["breach_count"] = a.breach_count ? nlohmann::json(*a.breach_count) : nlohmann::json(nullptr);
  if (!a.breach_problem.empty()) j["breach_problem"] = a.breach_problem;
  j["blocklisted"] = a.blocklisted;
  j["truncated"] = a.estimate.truncated;
  return j;
}

}  // namespace sw::password
