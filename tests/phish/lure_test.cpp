// SPDX-License-Identifier: Apache-2.0
// Lure phrases: the list format, ICU folding, Hyperscan whole-word matching, capped scoring,
// and the shipped multilingual list (data/phish/lures.txt, embedded at build time).
#include "phish/lure.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace sw::phish {
namespace {

std::vector<std::string> ids(const std::vector<Reason>& rs) {
  std::vector<std::string> out;
  for (const auto& r : rs) out.push_back(r.detector);
  return out;
}

std::vector<int> points(const std::vector<Reason>& rs) {
  std::vector<int> out;
  for (const auto& r : rs) out.push_back(r.points);
  return out;
}

using Strings = std::vector<std::string>;

LureMatcher matcher_of(const std::string& list) {
  auto phrases = parse_lure_list(list);
  EXPECT_TRUE(phrases) << phrases.error().to_string();
  auto m = LureMatcher::create(phrases ? *phrases : std::vector<LurePhrase>{});
  EXPECT_TRUE(m) << m.error().to_string();
  return std::move(*m);
}

TEST(LureFold, CaseAccentsConfusablesAndPunctuation) {
  // Cyrillic а and е inside Latin words, as in "[Wallеt Suspеnded]".
  EXPECT_EQ(fold_for_lures("W\xD0\xB0ll\xD0\xB5t  Susp\xD0\xB5nded!"), "wallet suspended");
  // Mathematical bold letters and digits (NFKC).
  EXPECT_EQ(fold_for_lures("\xF0\x9D\x90\x95\xF0\x9D\x90\x9E\xF0\x9D\x90\xAB\xF0\x9D\x90\xA2"
                           "\xF0\x9D\x90\x9F\xF0\x9D\x90\xB2 Your ACCOUNT"),
            "verify your account");
  EXPECT_EQ(fold_for_lures("Herzlichen Glückwunsch!"), "herzlichen gluckwunsch");
  EXPECT_EQ(fold_for_lures("Straße"), "strasse");
  EXPECT_EQ(fold_for_lures("  sign-in...activity  "), "sign in activity");
  EXPECT_EQ(fold_for_lures("Ação Necessária"), "acao necessaria");
  EXPECT_EQ(fold_for_lures(""), "");
  EXPECT_EQ(fold_for_lures("!!! ???"), "");
}

TEST(LureList, Format) {
  auto ok =
      parse_lure_list("# comment\n\nurgency\t8\twithin 24 hours\r\nprize\t5\tcongrats\tsubject\n");
  ASSERT_TRUE(ok) << ok.error().to_string();
  ASSERT_EQ(ok->size(), 2u);
  EXPECT_EQ((*ok)[0].category, "urgency");
  EXPECT_EQ((*ok)[0].points, 8);
  EXPECT_EQ((*ok)[0].phrase, "within 24 hours");
  EXPECT_FALSE((*ok)[0].subject_only);
  EXPECT_TRUE((*ok)[1].subject_only);

  auto no_tab = parse_lure_list("# x\nurgency 8 within 24 hours\n");
  ASSERT_FALSE(no_tab);
  EXPECT_EQ(no_tab.error().code(), Errc::kParse);
  EXPECT_NE(no_tab.error().message().find("line 2"), std::string::npos);
  EXPECT_FALSE(parse_lure_list("urgency\tabc\tnow\n"));
  EXPECT_FALSE(parse_lure_list("urgency\t101\tnow\n"));
  EXPECT_FALSE(parse_lure_list("urgency\t5\t\n"));
  EXPECT_FALSE(parse_lure_list("urgency\t5\tnow\tbody\n"));
  EXPECT_FALSE(LureMatcher::create({{"urgency", 5, "!!!", false}}));
}

TEST(LureList, ShippedListIsMultilingualAndClean) {
  const auto& list = default_lures();
  ASSERT_GT(list.size(), 300u);
  std::set<std::string> categories;
  std::set<std::string> folded;
  for (const auto& p : list) {
    categories.insert(p.category);
    std::string f = fold_for_lures(p.phrase);
    EXPECT_FALSE(f.empty()) << p.phrase;
    EXPECT_TRUE(folded.insert(f).second) << "duplicate phrase: " << p.phrase;
    EXPECT_GT(p.points, 0) << p.phrase;
    EXPECT_LE(p.points, 12) << p.phrase;
  }
  EXPECT_EQ(categories, (std::set<std::string>{"credential", "delivery", "payment", "prize",
                                               "suspension", "urgency"}));
  // One known phrase per language.
  for (const char* phrase : {"verify your account", "ihr konto wurde gesperrt", "vous avez gagne",
                             "su cuenta ha sido suspendida", "sua conta foi suspensa",
                             "il tuo account e stato sospeso", "uw account is geblokkeerd"}) {
    EXPECT_TRUE(folded.count(phrase)) << phrase;
  }
  EXPECT_EQ(LureMatcher::default_matcher().phrases().size(), list.size());
}

TEST(LureMatch, WholeWordsOnly) {
  LureMatcher m = matcher_of("credential\t10\tverify your account\nurgency\t5\tact now\n");
  EXPECT_EQ(m.find_folded(fold_for_lures("Please VERIFY your account.")), (std::vector<size_t>{0}));
  EXPECT_TRUE(m.find_folded(fold_for_lures("verify your accounts")).empty());
  EXPECT_TRUE(m.find_folded(fold_for_lures("reverify your account")).empty());
  EXPECT_TRUE(m.find_folded(fold_for_lures("contact now")).empty());
  EXPECT_EQ(m.find_folded(fold_for_lures("Act now - verify-your-account, act now!")),
            (std::vector<size_t>{0, 1}));
}

TEST(LureScore, CategoriesCappedAndExplained) {
  auto rs = analyze_lures("[URGENT] Verify your wallet",
                          "Our system shows that your wallet has not yet been verified. All "
                          "unverified wallets will be suspended on Wednesday.");
  EXPECT_EQ(ids(rs), (Strings{"lure_credential", "lure_urgency", "lure_suspension"}));
  // verify your wallet 8 + subject 4 = 12; urgent 6 + subject 4 = 10; will be suspended 8.
  EXPECT_EQ(points(rs), (std::vector<int>{12, 10, 8}));
  EXPECT_EQ(rs[0].text,
            "The subject says \"verify your wallet\": a request to sign in or confirm your "
            "account details; real companies do not ask for this through a link in an e-mail.");
  EXPECT_EQ(rs[2].text,
            "The message says \"will be suspended\": a threat that you will lose your account, "
            "your data or your protection.");
  ASSERT_EQ(rs[0].follow_ups.size(), 1u);
  EXPECT_EQ(rs[0].follow_ups[0].party, Party::kRecipient);
}

TEST(LureScore, TotalCapAndExtraPhrases) {
  LureOptions o;
  o.points.total_cap = 20;
  auto rs = analyze_lures("Congratulations! You have won",
                          "Claim your prize within 24 hours or your account will be suspended.",
                          LureMatcher::default_matcher(), o);
  ASSERT_EQ(rs.size(), 3u);
  EXPECT_EQ(rs[0].detector, "lure_prize");
  // you have won 8 + 2 more phrases (congratulations, claim your prize) * 2 + subject 4 -> cap 12
  EXPECT_EQ(rs[0].points, 12);
  EXPECT_EQ(rs[0].text.substr(0, 26), "The subject and text say \"");
  int total = 0;
  for (const auto& r : rs) total += r.points;
  EXPECT_EQ(total, 20);
  EXPECT_EQ(rs.back().points, 0);  // shown, but over the cap
}

TEST(LureScore, SubjectOnlyPhrasesAndAddresses) {
  // "urgent" counts only as a headline; addresses and links are not language.
  EXPECT_TRUE(analyze_lures("Re: patch", "This is urgent for the release.").empty());
  EXPECT_TRUE(analyze_lures("Re: patch",
                            "Thomas <thomas@urgent.example.org> wrote: see "
                            "https://example.org/verify-your-account and www.act-now.example")
                  .empty());
  EXPECT_EQ(ids(analyze_lures("URGENT: read", "")), (Strings{"lure_urgency"}));
}

TEST(LureScore, OnlyTheStartOfTheBody) {
  std::string body = std::string(2500, 'x') + " verify your account";
  EXPECT_TRUE(analyze_lures("", body).empty());
  LureOptions o;
  o.max_body_chars = 3000;
  EXPECT_EQ(ids(analyze_lures("", body, LureMatcher::default_matcher(), o)),
            (Strings{"lure_credential"}));
  // A cut never splits a character.
  std::string umlauts(3000, 'a');
  umlauts += "ä";
  EXPECT_TRUE(analyze_lures(umlauts, umlauts).empty());
}

TEST(LureScore, Languages) {
  struct Case {
    const char* text;
    const char* detector;
  };
  for (const Case& c : {Case{"Ihr Konto wurde gesperrt.", "lure_suspension"},
                        Case{"Félicitations ! Vous avez gagné", "lure_prize"},
                        Case{"Su cuenta ha sido suspendida", "lure_suspension"},
                        Case{"Sua conta foi suspensa", "lure_suspension"},
                        Case{"Il tuo account è stato sospeso", "lure_suspension"},
                        Case{"Uw account is geblokkeerd", "lure_suspension"},
                        Case{"Bevestig uw identiteit binnen 24 uur", "lure_credential"}}) {
    auto rs = analyze_lures("", c.text);
    ASSERT_FALSE(rs.empty()) << c.text;
    EXPECT_EQ(rs[0].detector, c.detector) << c.text;
  }
}

TEST(LureScore, OrdinaryMailSaysNothing) {
  EXPECT_TRUE(analyze_lures("Re: [PATCH] man2/open.2: document O_TMPFILE",
                            "Thanks, applied. The wording in the second paragraph is fine; "
                            "please send a v2 with the typo fixed.")
                  .empty());
  EXPECT_TRUE(analyze_lures("", "").empty());
}

}  // namespace
}  // namespace sw::phish
