// SPDX-License-Identifier: Apache-2.0
// One password, judged whole: how attackers would guess it (the zxcvbn estimate), whether it is in
// a breach corpus (offline index and/or the k-anonymity range API) or a blocklist, and the NIST SP
// 800-63B-4 verdict built from all of that; then the same judgement told in plain words (what an
// attacker would try first and how long the password lasts) and as JSON. The password itself
// never enters any of the outputs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/result.h"
#include "password/estimator.h"
#include "password/policy.h"

namespace sw::password {

class Blocklist;
class BreachIndex;
class PwnedRangeClient;

// What a password is checked against beyond its strength; each one optional.
struct Checkers {
  const Blocklist* blocklist = nullptr;
  const BreachIndex* breach_index = nullptr;
  PwnedRangeClient* online = nullptr;  // the range API: only when the user asked for it
};

struct AssessOptions {
  EstimatorOptions estimator;
  PolicyOptions policy;
  Checkers checkers;
};

struct Assessment {
  Estimate estimate;
  std::optional<std::uint64_t> breach_count;  // times seen in breaches; nullopt: not checked
  std::string breach_source;                  // "breach index", "Have I Been Pwned"
  std::string breach_problem;                 // a lookup that failed, and why
  bool blocklisted = false;
  PolicyVerdict verdict;
};

// Judges `password`. `context` names the account (user name, e-mail, service, other words): they
// rank as zxcvbn user inputs and the policy rejects passwords built on them. Its breach_count,
// blocklisted, score and guesses_log10 are filled in here. Fails only on invalid UTF-8.
Result<Assessment> assess(std::string_view password, const PolicyInputs& context,
                          const AssessOptions& options);

// The context words of `context` as zxcvbn user inputs (each, plus the e-mail's local part).
std::vector<std::string> user_inputs_of(const PolicyInputs& context);

// zxcvbn's words for a score: "too guessable" ... "very unguessable".
std::string_view score_words(int score);

// What an attacker would try first, in plain words, from the match sequence: "one of the most
// common passwords (number 2 on the list), then a recent year". Never quotes the password.
std::string attacker_first(const Estimate& est);

// How long the password lasts: online against a login page that limits tries, and offline
// against a leaked fast hash.
std::string how_long_it_lasts(const Estimate& est);

// The verdict for a person, several lines, each ending in '\n'.
std::string assessment_text(const Assessment& a);

// One line for batch mode: "rejected: score 1 of 4 (...); too short ...".
std::string assessment_line(const Assessment& a);

// The estimate's JSON (estimate_json, no tokens) plus accepted, length, reasons, summary,
// breach_count (null: not checked), blocklisted.
nlohmann::json assessment_json(const Assessment& a);

}  // namespace sw::password
