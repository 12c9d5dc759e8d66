// SPDX-License-Identifier: Apache-2.0
// The zxcvbn 4.4.2 port (password/estimator.h) against answers of the JavaScript original: cases
// taken from the shared reference file (zxcvbn-reference.jsonl, npm zxcvbn 4.4.2 under node, with
// REFERENCE_YEAR pinned to 2026) and copied here as literals, so the suite needs no outside data.
// The full 4,000-password agreement is bench/zxcvbn_conformance.cpp.
#include "password/estimator.h"

#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace sw::password {
namespace {

EstimatorOptions opts2026() {
  EstimatorOptions o;
  o.reference_year = 2026;
  return o;
}

Estimate run(const std::string& pw, const std::vector<std::string>& user = {}) {
  auto est = estimate(pw, user, opts2026());
  EXPECT_TRUE(est.has_value());
  return est.value_or(Estimate{});
}

std::string patterns(const Estimate& est) {
  std::string out;
  for (const Match& m : est.sequence) {
    if (!out.empty()) out += ' ';
    out += m.pattern + ":" + std::to_string(m.i) + "-" + std::to_string(m.j);
  }
  return out;
}

struct ReferenceCase {
  std::string password;
  std::vector<std::string> user_inputs;
  double guesses;
  int score;
  std::string warning;
  std::string sequence;  // pattern:i-j ...
};

// password, user_inputs, guesses, score, warning, sequence  // reference id, category
const std::vector<ReferenceCase> kReference = {
    {"brutus", {}, 548.0, 0, "This is a very common password", "dictionary:0-5"},    // s1-00000
                                                                                     // common_top
    {"spitfire", {}, 461.0, 0, "This is a very common password", "dictionary:0-7"},  // s1-00001
                                                                                     // common_top
    {"s9te949f",
     {},
     29857.0,
     1,
     "This is a very common password",
     "dictionary:0-7"},  // s1-00300 common_tail
    {"sherpa", {}, 11222.0, 1, "This is a very common password", "dictionary:0-5"},  // s1-00301
                                                                                     // common_tail
    {"mithridates",
     {},
     16391.0,
     1,
     "A word by itself is easy to guess",
     "dictionary:0-10"},  // s1-00550 dict_word
    {"sallie",
     {},
     505.0,
     0,
     "Names and surnames by themselves are easy to guess",
     "dictionary:0-5"},  // s1-00551 dict_word
    {"Sephiroth",
     {},
     11171.0,
     1,
     "This is a very common password",
     "dictionary:0-8"},  // s1-00800 capitalized
    {"Mittens", {}, 5425.0, 1, "This is a very common password", "dictionary:0-6"},  // s1-00801
                                                                                     // capitalized
    {"w!ls0n",
     {},
     33.0,
     0,
     "Names and surnames by themselves are easy to guess",
     "dictionary:0-5"},                             // s1-01020 l33t
    {"go++a", {}, 451.0, 0, "", "dictionary:0-4"},  // s1-01021 l33t
    {"yelrihs",
     {},
     55.0,
     0,
     "Names and surnames by themselves are easy to guess",
     "dictionary:0-6"},  // s1-01320 reversed
    {"eilliw",
     {},
     123.0,
     0,
     "Names and surnames by themselves are easy to guess",
     "dictionary:0-5"},  // s1-01321 reversed
    {"louise69",
     {},
     26600.0,
     1,
     "Common names and surnames are easy to guess",
     "dictionary:0-5 bruteforce:6-7"},  // s1-01470 appended
    {"1999john",
     {},
     15000.0,
     1,
     "Recent years are easy to guess",
     "regex:0-3 dictionary:4-7"},  // s1-01471 appended
    {"/8520", {}, 305.0, 0, "Straight rows of keys are easy to guess", "spatial:0-4"},  // s1-01870
                                                                                        // keyboard
    {"mnbvcxz",
     {},
     79.0,
     0,
     "This is similar to a commonly used password",
     "dictionary:0-6"},  // s1-01871 keyboard
    {"George2014#",
     {},
     10010000.0,
     2,
     "Common names and surnames are easy to guess",
     "dictionary:0-5 bruteforce:6-10"},  // s1-02170 date
    {"2008.5.15enough",
     {},
     10288400.0,
     2,
     "Dates are often easy to guess",
     "date:0-8 dictionary:9-14"},  // s1-02171 date
    {"abcabc",
     {},
     27.0,
     0,
     "Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\"",
     "repeat:0-5"},  // s1-02470 repeat
    {"your77your77",
     {},
     30001.0,
     1,
     "Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\"",
     "repeat:0-11"},  // s1-02471 repeat
    {"\xe3"
     "\x81"
     "\x84"
     "\xe3"
     "\x81"
     "\x86"
     "\xe3"
     "\x81"
     "\x88"
     "\xe3"
     "\x81"
     "\x8a"
     "\xe3"
     "\x81"
     "\x8b"
     "\xe3"
     "\x81"
     "\x8d"
     "\xe3"
     "\x81"
     "\x8f"
     "\xe3"
     "\x81"
     "\x91"
     "",
     {},
     31632.0,
     1,
     "Sequences like abc or 6543 are easy to guess",
     "sequence:0-3 sequence:4-7"},  // s1-02650 sequence
    {"3210",
     {},
     81.0,
     0,
     "Sequences like abc or 6543 are easy to guess",
     "sequence:0-3"},  // s1-02651 sequence
    {"Ridges-Care-why-the-for-position",
     {},
     1.50657205348e+25,
     4,
     "",
     "dictionary:0-5 bruteforce:6-6 dictionary:7-10 bruteforce:11-23 "
     "dictionary:24-31"},  // s1-02830 passphrase
    {"centurytakingcardiac",
     {},
     1099099024.0,
     3,
     "",
     "dictionary:0-6 dictionary:7-12 dictionary:13-19"},                    // s1-02831 passphrase
    {"L=tt;_yL/@];6h>", {}, 1000000000000001.0, 4, "", "bruteforce:0-14"},  // s1-03160
                                                                            // random
    {"jnivuzxylnqdcjyvwwfu", {}, 1e+20, 4, "", "bruteforce:0-19"},          // s1-03161 random
    {"\xe3"
     "\x81"
     "\x95"
     "\xe3"
     "\x81"
     "\x8f"
     "\xe3"
     "\x82"
     "\x89"
     "",
     {},
     1001.0,
     0,
     "",
     "bruteforce:0-2"},  // s1-03460 unicode
    {"\xce"
     "\x9a"
     "\xcf"
     "\x89"
     "\xce"
     "\xb4"
     "\xce"
     "\xb9"
     "\xce"
     "\xba"
     "\xcf"
     "\x8c"
     "\xcf"
     "\x82"
     "\xf0"
     "\x9f"
     "\x8d"
     "\x95"
     "",
     {},
     1000000001.0,
     3,
     "",
     "bruteforce:0-8"},  // s1-03461 unicode
    {"T^5$3For+2026",
     {},
     3000100000000.0,
     4,
     "",
     "bruteforce:0-4 dictionary:5-7 bruteforce:8-12"},                         // s1-03640 mixed
    {"1044_10_2812_30_96", {}, 125593882000.0, 4, "", "date:0-9 date:10-17"},  // s1-03641
                                                                               // mixed
    {"Davidgarcia19*",
     {"david", "garcia", "acme", "david.garcia@acme.com", "1982"},
     115000000.0,
     3,
     "",
     "dictionary:0-4 dictionary:5-10 bruteforce:11-13"},  // s1-03860 user_inputs
    {"Emmajohnson85#",
     {"emma", "johnson", "contoso", "emma.johnson@contoso.com", "1966"},
     115000000.0,
     3,
     "",
     "dictionary:0-3 dictionary:4-10 bruteforce:11-13"},  // s1-03861 user_inputs
    {"rW", {}, 101.0, 0, "", "bruteforce:0-1"},           // s1-03960 edge
    {"david!was_gregory charlotte1includingelvin!mary_gendronelizabethanthony ",
     {},
     1.2286362583979779e+44,
     4,
     "",
     "bruteforce:0-9 dictionary:10-16 bruteforce:17-17 dictionary:18-26 "
     "bruteforce:27-27 dictionary:28-36 dictionary:37-41 bruteforce:42-47 "
     "dictionary:48-54 dictionary:55-63 dictionary:64-70 bruteforce:71-71"},  // s1-03961
                                                                              // edge
    {"49734973",
     {},
     16793.0,
     1,
     "Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\"",
     "repeat:0-7"},  // s1-02472 repeat
    {"741",
     {},
     61.0,
     0,
     "Sequences like abc or 6543 are easy to guess",
     "sequence:0-2"},                                                           // s1-02014 keyboard
    {"12/08/49", {}, 33581.0, 1, "Dates are often easy to guess", "date:0-7"},  // s1-02172
                                                                                // date
    {"Dr567*90_=[;", {}, 635337103.9642375, 3, "", "spatial:0-11"},             // s1-01878
                                                                                // keyboard
    {"\xf0"
     "\x9f"
     "\x98"
     "\x80"
     "\xf0"
     "\x9f"
     "\x98"
     "\x80"
     "\xf0"
     "\x9f"
     "\x98"
     "\x80"
     "\xf0"
     "\x9f"
     "\x98"
     "\x80"
     "",
     {},
     405.0,
     0,
     "Repeats like \"abcabcabc\" are only slightly harder to guess than \"abc\"",
     "repeat:0-7"},  // s1-03463 unicode
    {"passw0rd",
     {},
     5.0,
     0,
     "This is similar to a commonly used password",
     "dictionary:0-7"},  // s1-00142 common_top
    {"w8gkz2x1",
     {},
     5363.0,
     1,
     "This is similar to a commonly used password",
     "dictionary:0-7"},  // s1-00355 common_tail
};

TEST(EstimatorReference, MatchesZxcvbn442) {
  for (const ReferenceCase& c : kReference) {
    SCOPED_TRACE(c.sequence);
    Estimate est = run(c.password, c.user_inputs);
    EXPECT_EQ(est.score, c.score);
    EXPECT_NEAR(est.guesses / c.guesses, 1.0, 1e-9);
    EXPECT_EQ(est.feedback.warning, c.warning);
    EXPECT_EQ(patterns(est), c.sequence);
    EXPECT_FALSE(est.truncated);
  }
}

TEST(Estimator, EmptyPassword) {
  Estimate est = run("");
  EXPECT_EQ(est.guesses, 1);
  EXPECT_EQ(est.guesses_log10, 0);
  EXPECT_EQ(est.score, 0);
  EXPECT_TRUE(est.sequence.empty());
  EXPECT_EQ(est.feedback.warning, "");
  EXPECT_EQ(est.feedback.suggestions,
            (std::vector<std::string>{"Use a few words, avoid common phrases",
                                      "No need for symbols, digits, or uppercase letters"}));
}

TEST(Estimator, TopTenPasswordFeedback) {
  Estimate est = run("password");  // rank 2 of the passwords list
  ASSERT_EQ(est.sequence.size(), 1u);
  EXPECT_EQ(est.sequence[0].dictionary_name, "passwords");
  EXPECT_EQ(est.sequence[0].rank, 2);
  EXPECT_EQ(est.guesses, 3);
  EXPECT_EQ(est.feedback.warning, "This is a top-10 common password");
  EXPECT_EQ(est.feedback.suggestions,
            std::vector<std::string>{"Add another word or two. Uncommon words are better."});
  EXPECT_EQ(est.crack_times.display_online_throttling_100_per_hour, "2 minutes");
  EXPECT_EQ(est.crack_times.display_offline_fast_hashing_1e10_per_second, "less than a second");
}

TEST(Estimator, DictionaryVariants) {
  // Capitalised (reference s1-00800): uppercase_variations 2 and the capitalisation hint.
  Estimate cap = run("Sephiroth");
  ASSERT_EQ(cap.sequence.size(), 1u);
  EXPECT_EQ(cap.sequence[0].uppercase_variations, 2);
  EXPECT_EQ(cap.feedback.suggestions,
            (std::vector<std::string>{"Add another word or two. Uncommon words are better.",
                                      "Capitalization doesn't help very much"}));
  // Reversed (s1-01320): "shirley" backwards, female_names.
  Estimate rev = run("yelrihs");
  ASSERT_EQ(rev.sequence.size(), 1u);
  EXPECT_TRUE(rev.sequence[0].reversed);
  EXPECT_EQ(rev.sequence[0].matched_word, "shirley");
  EXPECT_EQ(rev.sequence[0].dictionary_name, "female_names");
  EXPECT_EQ(rev.sequence[0].token, "yelrihs");
  // l33t (s1-00142): "passw0rd", 0 -> o.
  Estimate l33t = run("passw0rd");
  ASSERT_EQ(l33t.sequence.size(), 1u);
  EXPECT_TRUE(l33t.sequence[0].l33t);
  EXPECT_EQ(l33t.sequence[0].matched_word, "password");
  ASSERT_EQ(l33t.sequence[0].sub.size(), 1u);
  EXPECT_EQ(l33t.sequence[0].sub[0], (std::pair<std::string, std::string>{"0", "o"}));
  EXPECT_EQ(l33t.feedback.suggestions.back(),
            "Predictable substitutions like '@' instead of 'a' don't help very much");
}

TEST(Estimator, OtherPatterns) {
  Estimate spatial = run("/8520");  // s1-01870: keypad column
  ASSERT_EQ(spatial.sequence.size(), 1u);
  EXPECT_EQ(spatial.sequence[0].graph, "keypad");
  EXPECT_EQ(spatial.sequence[0].turns, 1);
  Estimate repeat = run("abcabc");  // s1-02470
  ASSERT_EQ(repeat.sequence.size(), 1u);
  EXPECT_EQ(repeat.sequence[0].base_token, "abc");
  EXPECT_EQ(repeat.sequence[0].repeat_count, 2);
  EXPECT_EQ(repeat.sequence[0].base_guesses, 13);
  ASSERT_EQ(repeat.sequence[0].base_matches.size(), 1u);
  EXPECT_EQ(repeat.sequence[0].base_matches[0].pattern, "sequence");
  Estimate seq = run("3210");  // s1-02651
  ASSERT_EQ(seq.sequence.size(), 1u);
  EXPECT_EQ(seq.sequence[0].sequence_name, "digits");
  EXPECT_FALSE(seq.sequence[0].ascending);
  Estimate year = run("1999john");  // s1-01471
  ASSERT_EQ(year.sequence.size(), 2u);
  EXPECT_EQ(year.sequence[0].regex_name, "recent_year");
  EXPECT_EQ(year.sequence[0].guesses, 50);  // |1999 - 2026| = 27, raised to the submatch minimum
  Estimate date = run("12/08/49");          // s1-02172
  ASSERT_EQ(date.sequence.size(), 1u);
  EXPECT_EQ(date.sequence[0].separator, "/");
  EXPECT_EQ(date.sequence[0].year, 2049);
  EXPECT_EQ(date.sequence[0].month, 8);
  EXPECT_EQ(date.sequence[0].day, 12);
  // recent_year in 4.4.2 is 19xx|200x|201x only: 2024 is no regex match.
  for (const Match& m : run("2024").sequence) EXPECT_NE(m.pattern, "regex");
}

TEST(Estimator, ReferenceYearMatters) {
  EstimatorOptions o;
  o.reference_year = 2000;
  auto a = estimate("1999", {}, o);
  o.reference_year = 2026;
  auto b = estimate("1999", {}, o);
  ASSERT_TRUE(a && b);
  EXPECT_LT(a->guesses, b->guesses);
}

TEST(Estimator, UserInputsRankAsDictionary) {
  // s1-03860: with user inputs, "garcia" still reports as surnames: both are at the submatch
  // minimum of 50 guesses and the first list wins the tie, as in JS.
  Estimate ref =
      run("Davidgarcia19*", {"david", "garcia", "acme", "david.garcia@acme.com", "1982"});
  ASSERT_EQ(ref.sequence.size(), 3u);
  EXPECT_EQ(ref.sequence[1].dictionary_name, "surnames");
  // A word in no list: found only through the user inputs, lower-cased as zxcvbn does.
  Estimate without = run("Zorglubxq7");
  Estimate with = run("Zorglubxq7", {"someone", "ZORGLUBXQ"});
  EXPECT_LT(with.guesses, without.guesses);
  ASSERT_FALSE(with.sequence.empty());
  EXPECT_EQ(with.sequence[0].dictionary_name, "user_inputs");
  EXPECT_EQ(with.sequence[0].rank, 2);
  EXPECT_EQ(with.sequence[0].matched_word, "zorglubxq");
}

TEST(Estimator, Utf16PositionsLikeJavaScript) {
  // The emoji is two UTF-16 code units: "password" starts at 2.
  Estimate est = run("\xF0\x9F\x98\x80password");
  ASSERT_EQ(est.sequence.size(), 2u);
  EXPECT_EQ(est.sequence[0].pattern, "bruteforce");
  EXPECT_EQ(est.sequence[0].j, 1u);
  EXPECT_EQ(est.sequence[1].i, 2u);
  EXPECT_EQ(est.sequence[1].j, 9u);
  EXPECT_EQ(est.sequence[1].token, "password");
  // Four emoji repeated: 8 code units (s1 reference: repeat 0-7, 405 guesses).
  Estimate rep = run("\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80");
  EXPECT_EQ(patterns(rep), "repeat:0-7");
}

TEST(Estimator, InvalidUtf8IsAnError) {
  for (std::string bad :
       {std::string("ab\xC3"), std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),
        std::string("\xF5\x80\x80\x80"), std::string("x\x80y")}) {
    auto est = estimate(bad);
    ASSERT_FALSE(est.has_value());
    EXPECT_EQ(est.error().code(), Errc::kParse);
  }
  std::vector<std::string> user = {"ok", "\xFF"};
  EXPECT_FALSE(estimate("password", user).has_value());
}

TEST(Estimator, LongPasswordIsTruncatedInLinearTime) {
  std::string big;
  while (big.size() < (1u << 20)) big += "correct horse battery staple ";
  big.resize(1u << 20);
  auto est = estimate(big, {}, opts2026());
  ASSERT_TRUE(est.has_value());
  EXPECT_TRUE(est->truncated);
  EXPECT_EQ(est->score, 4);
  ASSERT_FALSE(est->sequence.empty());
  const Match& tail = est->sequence.back();
  EXPECT_EQ(tail.pattern, "bruteforce");
  EXPECT_EQ(tail.i, 256u);
  EXPECT_EQ(tail.j, big.size() - 1);
  EXPECT_TRUE(std::isfinite(est->guesses));
  EXPECT_GT(est->guesses_log10, 1000);  // the 1 MB tail counts in log space
  // Just over the cap: the tail multiplies in.
  std::string pw257(257, 'a');
  pw257[256] = 'b';
  auto over = estimate(pw257, {}, opts2026());
  auto at = estimate(pw257.substr(0, 256), {}, opts2026());
  ASSERT_TRUE(over && at);
  EXPECT_TRUE(over->truncated);
  EXPECT_FALSE(at->truncated);
  EXPECT_GT(over->guesses, at->guesses);
}

TEST(Estimator, JsonHasNoPasswordUnlessAsked) {
  const std::string pw = "Tr0ub4dor&3zebra1987";
  Estimate est = run(pw);
  std::string plain = estimate_json(est).dump();
  EXPECT_EQ(plain.find("Tr0ub"), std::string::npos);
  EXPECT_EQ(plain.find("zebra"), std::string::npos);
  EXPECT_EQ(plain.find("troubador"), std::string::npos);
  nlohmann::json j = estimate_json(est);
  EXPECT_EQ(j["score"], est.score);
  EXPECT_TRUE(j.contains("crack_times_seconds"));
  EXPECT_TRUE(j["feedback"].contains("suggestions"));
  std::string with = estimate_json(est, {.include_tokens = true}).dump();
  EXPECT_NE(with.find("zebra"), std::string::npos);
}

TEST(Estimator, ScoreAndDisplayTime) {
  EXPECT_EQ(guesses_to_score(1004), 0);
  EXPECT_EQ(guesses_to_score(1005), 1);
  EXPECT_EQ(guesses_to_score(1e6 + 5), 2);
  EXPECT_EQ(guesses_to_score(1e8 + 4), 2);
  EXPECT_EQ(guesses_to_score(1e10 + 5), 4);
  EXPECT_EQ(display_time(0.5), "less than a second");
  EXPECT_EQ(display_time(1), "1 second");
  EXPECT_EQ(display_time(90), "2 minutes");
  EXPECT_EQ(display_time(3600 * 24 * 31 * 12 * 100.0), "centuries");
}

}  // namespace
}  // namespace sw::password
