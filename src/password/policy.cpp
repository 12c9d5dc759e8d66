// SPDX-License-Identifier: Apache-2.0
// See policy.h. Unicode work (NFKC, case folding, code points) is ICU's.
#include "password/policy.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "core/error.h"
#include "password/estimator.h"
#include "password/secret_string.h"

namespace sw::password {

namespace {

icu::UnicodeString nfkc(std::string_view utf8) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || norm == nullptr) return s;
  icu::UnicodeString out = norm->normalize(s, status);
  if (U_FAILURE(status)) return s;
  return out;
}

bool valid_utf8(std::string_view s) {
  std::int32_t i = 0;
  const auto n = static_cast<std::int32_t>(s.size());
  while (i < n) {
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// The context words of the inputs, each with where it came from.
std::vector<std::pair<std::string, std::string>> context_words(const PolicyInputs& in,
                                                               std::size_t min_len) {
  std::vector<std::pair<std::string, std::string>> words;
  auto add = [&](std::string_view w, const char* what) {
    std::string folded = nfkc_casefold(w);
    if (icu::UnicodeString::fromUTF8(folded).countChar32() < static_cast<std::int32_t>(min_len)) {
      return;
    }
    words.emplace_back(std::move(folded), what);
  };
  // The whole value, and its parts split at punctuation ("john.smith" → john, smith).
  auto add_with_parts = [&](std::string_view value, const char* what) {
    add(value, what);
    std::string part;
    for (char c : value) {
      if (c == '.' || c == '_' || c == '-' || c == ' ' || c == '+' || c == '@') {
        if (!part.empty()) add(part, what);
        part.clear();
      } else {
        part.push_back(c);
      }
    }
    if (!part.empty() && part.size() != value.size()) add(part, what);
  };
  add_with_parts(in.user_name, "the user name");
  const std::size_t at = in.email.rfind('@');
  const std::string_view email = in.email;
  add_with_parts(email.substr(0, at == std::string_view::npos ? email.size() : at),
                 "the e-mail address");
  if (at != std::string_view::npos) {
    // Domain labels but the last (the top-level domain): alice@mail.example.org → mail, example.
    std::string_view domain = email.substr(at + 1);
    const std::size_t last_dot = domain.rfind('.');
    if (last_dot != std::string_view::npos) domain = domain.substr(0, last_dot);
    add_with_parts(domain, "the e-mail domain");
  }
  add_with_parts(in.service_name, "the service name");
  for (const auto& w : in.other_words) add_with_parts(w, "a word tied to this account");
  return words;
}

}  // namespace

std::size_t nfkc_length(std::string_view utf8) {
  return static_cast<std::size_t>(nfkc(utf8).countChar32());
}

std::string nfkc_casefold(std::string_view utf8) {
  icu::UnicodeString s = nfkc(utf8);
  s.foldCase();
  std::string out;
  s.toUTF8String(out);
  return out;
}

PolicyVerdict check_policy(std::string_view password, const PolicyInputs& inputs,
                           const PolicyOptions& options) {
  PolicyVerdict v;
  v.length = nfkc_length(password);
  const std::size_t min_len = options.mfa ? options.min_length_mfa : options.min_length;
  const std::size_t max_len = std::max<std::size_t>(options.max_accepted, 64);

  if (!valid_utf8(password)) {
    v.reasons.push_back("It is not valid UTF-8 text, so it cannot be compared reliably.");
  }
  if (v.length < min_len) {
    v.reasons.push_back("It is too short: " + std::to_string(v.length) +
                        " characters, and at least " + std::to_string(min_len) + " are needed " +
                        (options.mfa ? "with multi-factor authentication."
                                     : "when the password is the only factor (" +
                                           std::to_string(options.min_length_mfa) +
                                           " with multi-factor authentication)."));
  }
  if (v.length > max_len) {
    v.reasons.push_back("It is longer than " + std::to_string(max_len) +
                        " characters, the most accepted here.");
  }
  if (inputs.breach_count && *inputs.breach_count > 0) {
    v.reasons.push_back("It appears in known data breaches (seen " +
                        std::to_string(*inputs.breach_count) +
                        " times); attackers try breached passwords first.");
  }
  if (inputs.blocklisted) {
    v.reasons.push_back(
        "It is on the list of common or expected passwords that attackers try first.");
  }
  if (!password.empty()) {
    std::string folded = nfkc_casefold(password);
    std::vector<std::string> seen;
    for (const auto& [word, what] : context_words(inputs, options.min_context_word)) {
      if (folded.find(word) == std::string::npos) continue;
      if (std::find(seen.begin(), seen.end(), what) != seen.end()) continue;
      seen.push_back(what);
      v.reasons.push_back("It contains " + what +
                          ", which an attacker who targets this account tries early.");
    }
    wipe(folded);
  }
  if (inputs.score >= 0 && inputs.score < options.min_score) {
    v.reasons.push_back(
        "It is easy to guess: strength " + std::to_string(inputs.score) + " of 4 (about 10^" +
        std::to_string(static_cast<int>(inputs.guesses_log10)) + " guesses), and at least " +
        std::to_string(options.min_score) + " is needed.");
  }
  v.accepted = v.reasons.empty();

  std::string attack;
  if (inputs.score >= 0) {
    const double guesses = std::pow(10.0, inputs.guesses_log10);
    attack = " An offline attacker (10 billion guesses per second on a fast hash) needs " +
             display_time(guesses / 1e10) + "; an online attacker (10 guesses per second) " +
             display_time(guesses / 10) + ".";
  }
  if (v.accepted) {
    v.summary = "Accepted: " + std::to_string(v.length) + " characters";
    if (inputs.breach_count) v.summary += ", not in known breaches";
    v.summary += "." + attack;
  } else {
    v.summary = "Rejected: " + v.reasons.front();
    if (v.reasons.size() > 1) {
      v.summary += " (" + std::to_string(v.reasons.size() - 1) + " more reason" +
                   (v.reasons.size() > 2 ? "s" : "") + ")";
    }
    v.summary += attack;
  }
  return v;
}

Blocklist Blocklist::from_text(std::string_view text) {
  Blocklist b;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    b.entries_.insert(nfkc_casefold(line));
  }
  return b;
}

Result<Blocklist> Blocklist::load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Unexpected(error_from_errno(errno, "cannot open", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return fail(Errc::kIo, "cannot read", path.string());
  return from_text(text.str());
}

bool Blocklist::contains(std::string_view password) const {
  if (entries_.empty()) return false;
  std::string folded = nfkc_casefold(password);
  const bool found = entries_.count(folded) > 0;
  wipe(folded);
  return found;
}

}  // namespace sw::password
