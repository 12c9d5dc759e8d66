// SPDX-License-Identifier: Apache-2.0
#include "phish/verdict.h"

#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace sw::phish {
namespace {

Verdict sample() {
  Verdict v;
  v.source = "inbox/1.eml";
  v.from = "PayPal Service <service@paypa1-secure.xyz>";
  v.subject = "Your account is limited\x1b[2J";
  v.reasons.push_back({"lure", 10, "The subject pushes you to act fast.", {}});
  v.reasons.push_back({"lookalike",
                       60,
                       "The message comes from paypa1-secure.xyz, made to look like paypal.com.",
                       {{Party::kOrganization, "Block the domain paypa1-secure.xyz."},
                        {Party::kRecipient, "Report it."}}});
  v.reasons.push_back({"html_only", 0, "The message has only an HTML body.", {}});
  v.reasons.push_back({"display_name",
                       30,
                       "The sender's name says PayPal.",
                       {{Party::kOrganization, "Block the domain paypa1-secure.xyz."}}});
  return v;
}

TEST(Verdict, ThresholdsAreInclusive) {
  Thresholds t{30, 60};
  EXPECT_EQ(verdict_for(29, t), "legitimate");
  EXPECT_EQ(verdict_for(30, t), "suspicious");
  EXPECT_EQ(verdict_for(59, t), "suspicious");
  EXPECT_EQ(verdict_for(60, t), "phishing");
}

TEST(Verdict, FinalizeSumsAndOrdersReasons) {
  Verdict v = sample();
  finalize(v, Thresholds{30, 60});
  EXPECT_EQ(v.score, 100);
  EXPECT_EQ(v.verdict, "phishing");
  ASSERT_EQ(v.reasons.size(), 4u);
  EXPECT_EQ(v.reasons[0].detector, "lookalike");
  EXPECT_EQ(v.reasons[1].detector, "display_name");
  EXPECT_EQ(v.reasons[2].detector, "lure");
  EXPECT_EQ(v.reasons[3].detector, "html_only");

  Verdict low;
  low.reasons.push_back({"lure", 10, "x", {}});
  finalize(low, Thresholds{30, 60});
  EXPECT_EQ(low.verdict, "legitimate");

  Verdict err;
  err.verdict = "error";
  finalize(err, Thresholds{});
  EXPECT_EQ(err.verdict, "error");
}

TEST(Verdict, FollowUpsAreRoutedAndDeduplicated) {
  Verdict v = sample();
  finalize(v, Thresholds{30, 60});
  auto org = follow_ups_for(v, Party::kOrganization);
  ASSERT_EQ(org.size(), 1u);
  EXPECT_EQ(org[0], "Block the domain paypa1-secure.xyz.");
  auto me = follow_ups_for(v, Party::kRecipient);
  ASSERT_EQ(me.size(), 2u);
  EXPECT_NE(me[0].find("Do not click"), std::string::npos);
  EXPECT_EQ(me[1], "Report it.");
  EXPECT_TRUE(follow_ups_for(v, Party::kMailAdmin).empty());

  // A legitimate verdict routes nothing, whatever minor reasons say.
  Verdict ok;
  ok.reasons.push_back({"x", 5, "minor", {{Party::kOrganization, "Block it."}}});
  finalize(ok, Thresholds{30, 60});
  EXPECT_TRUE(follow_ups_for(ok, Party::kOrganization).empty());
  EXPECT_TRUE(follow_ups_for(ok, Party::kRecipient).empty());
}

TEST(Verdict, ReasonsStartSentencesAndTheRecipientGetsFewSteps) {
  Verdict v;
  for (int i = 0; i < 6; ++i) {
    v.reasons.push_back({"d" + std::to_string(i),
                         10 + i,
                         "the sender is odd",
                         {{Party::kRecipient, "Step " + std::to_string(i) + "."},
                          {Party::kOrganization, "Block " + std::to_string(i) + "."}}});
  }
  finalize(v, Thresholds{20, 50});
  EXPECT_EQ(v.reasons[0].text, "The sender is odd");
  auto me = follow_ups_for(v, Party::kRecipient);
  ASSERT_EQ(me.size(), 3u);  // the default step, then the two strongest reasons' steps
  EXPECT_EQ(me[1], "Step 5.");
  EXPECT_EQ(me[2], "Step 4.");
  EXPECT_EQ(follow_ups_for(v, Party::kOrganization).size(), 6u);
}

TEST(Verdict, JsonListsEveryMessage) {
  Verdict v = sample();
  finalize(v, Thresholds{30, 60});
  Verdict u;
  u.kind = "url";
  u.source = "https://example.com/";
  finalize(u, Thresholds{30, 60});
  nlohmann::json j = to_json(std::vector<Verdict>{v, u}, "2026-11-29T00:00:00Z");
  EXPECT_EQ(j["schema"], "shieldwall.phish/v1");
  EXPECT_EQ(j["summary"]["analysed"], 2);
  EXPECT_EQ(j["summary"]["phishing"], 1);
  EXPECT_EQ(j["summary"]["legitimate"], 1);
  ASSERT_EQ(j["results"].size(), 2u);
  const auto& m = j["results"][0];
  EXPECT_EQ(m["file"], "inbox/1.eml");
  EXPECT_EQ(m["verdict"], "phishing");
  EXPECT_EQ(m["score"], 100);
  EXPECT_EQ(m["reasons"][0]["detector"], "lookalike");
  EXPECT_EQ(m["reasons"][0]["points"], 60);
  EXPECT_EQ(m["follow_ups"]["organization"][0], "Block the domain paypa1-secure.xyz.");
  EXPECT_FALSE(m["follow_ups"].contains("mail-admin"));
  EXPECT_EQ(j["results"][1]["url"], "https://example.com/");
  EXPECT_FALSE(j["results"][1].contains("subject"));
}

TEST(Verdict, TextIsForTheRecipientAndStripsControlCharacters) {
  Verdict v = sample();
  finalize(v, Thresholds{30, 60});
  std::ostringstream out;
  write_text({v}, out);
  std::string s = out.str();
  EXPECT_NE(s.find("PHISHING  inbox/1.eml  (score 100)"), std::string::npos) << s;
  EXPECT_NE(s.find("Subject: Your account is limited [2J"), std::string::npos) << s;
  EXPECT_EQ(s.find('\x1b'), std::string::npos);
  EXPECT_NE(s.find("Your organization's security team:"), std::string::npos);
  EXPECT_NE(s.find("1 analysed: 1 phishing, 0 suspicious, 0 look legitimate"), std::string::npos);
  // Informational reasons (0 points) are listed without points.
  EXPECT_NE(s.find("- The message has only an HTML body.\n"), std::string::npos);
}

TEST(Verdict, HtmlEscapesEverythingAndLinksNothing) {
  Verdict v = sample();
  v.subject = "<script>alert(1)</script>";
  v.reasons.push_back({"link", 40, "Link to <a href=\"https://evil.xyz\">evil</a>", {}});
  finalize(v, Thresholds{30, 60});
  std::ostringstream out;
  write_html({v}, out, "now");
  std::string s = out.str();
  EXPECT_EQ(s.find("<script>"), std::string::npos);
  EXPECT_EQ(s.find("<a "), std::string::npos);
  EXPECT_NE(s.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(s.find("default-src 'none'"), std::string::npos);
}

}  // namespace
}  // namespace sw::phish
