// SPDX-License-Identifier: Apache-2.0
// zxcvbn 4.4.2's feedback (feedback.coffee): the warning and suggestions for the longest match of
// the sequence, with its English strings verbatim. Hand-written because no Debian library
// reproduces zxcvbn 4.4.2 faithfully (libzxcvbn 2.5 agrees on the score for only 72%).
#include <algorithm>

#include "password/zxcvbn/model.h"
#include "password/zxcvbn/text.h"

namespace sw::password::zxcvbn {
namespace {

constexpr const char* kExtraFeedback = "Add another word or two. Uncommon words are better.";

Feedback dictionary_feedback(const Match& match, bool is_sole_match) {
  Feedback fb;
  const std::string& dict = match.dictionary_name;
  if (dict == "passwords") {
    if (is_sole_match && !match.l33t && !match.reversed) {
      if (match.rank <= 10) {
        fb.warning = "This is a top-10 common password";
      } else if (match.rank <= 100) {
        fb.warning = "This is a top-100 common password";
      } else {
        fb.warning = "This is a very common password";
      }
    } else if (match.guesses_log10 <= 4) {
      fb.warning = "This is similar to a commonly used password";
    }
  } else if (dict == "english_wikipedia") {
    if (is_sole_match) fb.warning = "A word by itself is easy to guess";
  } else if (dict == "surnames" || dict == "male_names" || dict == "female_names") {
    fb.warning = is_sole_match ? "Names and surnames by themselves are easy to guess"
                               : "Common names and surnames are easy to guess";
  }
  // The regexes are ASCII-only and UTF-8 keeps ASCII bytes as they are, so they run on the
  // UTF-8 token; only toLowerCase needs UTF-16 (and only when the token is not ASCII).
  const std::string& word = match.token;
  const std::size_t n = match.j - match.i + 1;  // UTF-16 length
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  // START_UPPER /^[A-Z][^A-Z]+$/; ALL_UPPER /^[^a-z]+$/ and toLowerCase() changes it
  bool start_upper =
      word.size() >= 2 && upper(word[0]) && std::none_of(word.begin() + 1, word.end(), upper);
  bool all_upper = !word.empty() && std::none_of(word.begin(), word.end(), lower);
  bool ascii = std::all_of(word.begin(), word.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  auto lower_changes = [&] {
    if (ascii) return std::any_of(word.begin(), word.end(), upper);
    std::u16string w16 = utf8_to_utf16(word).value_or(std::u16string());
    return js_to_lower(w16) != w16;
  };
  if (start_upper) {
    fb.suggestions.emplace_back("Capitalization doesn't help very much");
  } else if (all_upper && lower_changes()) {
    fb.suggestions.emplace_back("All-uppercase is almost as easy to guess as all-lowercase");
  }
  if (match.reversed && n >= 4) {
    fb.suggestions.emplace_back("Reversed words aren't much harder to guess");
  }
  if (match.l33t) {
    fb.suggestions.emplace_back(
        "Predictable substitutions like '@' instead of 'a' don't help very much");
  }
  return fb;
}

// get_match_feedback; false when JS returns undefined (bruteforce).
bool match_feedback(const Match& match, bool is_sole_match, Feedback& fb) {
  if (match.pattern == "dictionary") {
    fb = dictionary_feedback(match, is_sole_match);
    return true;
  }
  if (match.pattern == "spatial") {
    fb.warning = match.turns == 1 ? "Straight rows of keys are easy to guess"
                                  : "Short keyboard patterns are easy to guess";
    fb.suggestions = {"Use a longer keyboard pattern with more turns"};
    return true;
  }
  if (match.pattern == "repeat") {
    // base_token.length === 1 in UTF-16 code units: one BMP character (1 to 3 UTF-8 bytes)
    const std::string& base = match.base_token;
    bool one_unit = !base.empty() && static_cast<unsigned char>(base[0]) < 0xF0 &&
                    std::count_if(base.begin(), base.end(), [](char c) {
                      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                    }) == 1;
    fb.warning = one_unit
                     ? "Repeats like \"aaa\" are easy to guess"
                     : "Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\"";
    fb.suggestions = {"Avoid repeated words and characters"};
    return true;
  }
  if (match.pattern == "sequence") {
    fb.warning = "Sequences like abc or 6543 are easy to guess";
    fb.suggestions = {"Avoid sequences"};
    return true;
  }
  if (match.pattern == "regex") {
    if (match.regex_name != "recent_year") return false;
    fb.warning = "Recent years are easy to guess";
    fb.suggestions = {"Avoid recent years", "Avoid years that are associated with you"};
    return true;
  }
  if (match.pattern == "date") {
    fb.warning = "Dates are often easy to guess";
    fb.suggestions = {"Avoid dates and years that are associated with you"};
    return true;
  }
  return false;
}

}  // namespace

Feedback get_feedback(int score, const std::vector<Match>& sequence) {
  if (sequence.empty()) {
    return {"",
            {"Use a few words, avoid common phrases",
             "No need for symbols, digits, or uppercase letters"}};
  }
  if (score > 2) return {};
  const Match* longest = &sequence[0];
  std::size_t longest_len = longest->j - longest->i + 1;
  for (std::size_t k = 1; k < sequence.size(); ++k) {
    std::size_t len = sequence[k].j - sequence[k].i + 1;
    if (len > longest_len) {
      longest = &sequence[k];
      longest_len = len;
    }
  }
  Feedback fb;
  if (match_feedback(*longest, sequence.size() == 1, fb)) {
    std::vector<std::string> suggestions;
    suggestions.reserve(fb.suggestions.size() + 1);
    suggestions.emplace_back(kExtraFeedback);
    for (std::string& sug : fb.suggestions) suggestions.push_back(std::move(sug));
    fb.suggestions = std::move(suggestions);
  } else {
    fb = {"", {kExtraFeedback}};
  }
  return fb;
}

}  // namespace sw::password::zxcvbn
