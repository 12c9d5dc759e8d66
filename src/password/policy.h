// SPDX-License-Identifier: Apache-2.0
// The NIST SP 800-63B-4 password verdict (section 3.1.1.2, "Password Verifiers"): a minimum length
// (15 characters when the password is the only factor, 8 when it is used with multi-factor
// authentication), at least 64 characters accepted, every printable Unicode character accepted
// and lengths counted after NFKC normalisation; reject passwords that are breached, on a blocklist
// of common ones, or built from context words (user name, e-mail, service name). No composition
// rules ("one upper case, one digit…") and no forced rotation: 800-63B forbids both.
// The reasons are plain sentences for the person; they never contain the password or a part of it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/result.h"

namespace sw::password {

struct PolicyOptions {
  std::size_t min_length = 15;     // password as the only factor
  std::size_t min_length_mfa = 8;  // password as one of several factors
  bool mfa = false;
  std::size_t max_accepted = 256;  // longer is refused; never below 64 (raised to 64 if set lower)
  int min_score = 3;               // zxcvbn score, when PolicyInputs::score is given
  std::size_t min_context_word = 4;  // shorter context words are ignored
};

struct PolicyInputs {
  std::string user_name, email, service_name;
  std::vector<std::string> other_words;
  std::optional<std::uint64_t> breach_count;  // nullopt: not checked
  bool blocklisted = false;
  int score = -1;  // zxcvbn score 0..4, -1: not estimated
  double guesses_log10 = 0;
};

struct PolicyVerdict {
  bool accepted = false;
  std::size_t length = 0;            // Unicode code points after NFKC
  std::vector<std::string> reasons;  // why it is rejected; empty when accepted
  std::string summary;               // one line for the person
};

PolicyVerdict check_policy(std::string_view password, const PolicyInputs& inputs,
                           const PolicyOptions& options = {});

// Code points of the NFKC form of UTF-8 text (invalid bytes count one each, as U+FFFD).
std::size_t nfkc_length(std::string_view utf8);
// NFKC, then Unicode case folding: the form blocklist entries and context words are compared in.
std::string nfkc_casefold(std::string_view utf8);

// A list of passwords nobody should use (one per line, compared after NFKC and case folding).
// Holds the normalised entries in memory; immutable after construction, so shareable across
// threads.
class Blocklist {
 public:
  static Result<Blocklist> load(const std::filesystem::path& path);
  static Blocklist from_text(std::string_view text);
  bool contains(std::string_view password) const;
  std::size_t size() const { return entries_.size(); }

 private:
  std::unordered_set<std::string> entries_;
};

}  // namespace sw::password
