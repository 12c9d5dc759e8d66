// SPDX-License-Identifier: Apache-2.0
// assess(): the estimate, the breach index, the blocklist and the policy put together, and the
// words it is told in. The breach index is built here from a Pwned-Passwords-format file.
#include "password/assess.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "password/breach/index.h"
#include "password/temp_dir.h"

namespace sw::password {
namespace {

TEST(Assess, StrengthPolicyAndWords) {
  AssessOptions o;
  o.estimator.reference_year = 2017;
  auto a = assess("password", PolicyInputs{}, o);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->estimate.score, 0);
  EXPECT_FALSE(a->verdict.accepted);
  EXPECT_FALSE(a->breach_count);  // nothing to check against: not checked, not "0"
  EXPECT_EQ(attacker_first(a->estimate), "one of the most common passwords (number 2 on the list)");
  const std::string text = assessment_text(*a);
  EXPECT_NE(text.find("Verdict: REJECTED"), std::string::npos) << text;
  EXPECT_NE(text.find("Strength: 0 of 4 (too guessable)"), std::string::npos) << text;
  EXPECT_NE(text.find("Warning: This is a top-10 common password"), std::string::npos) << text;
  EXPECT_EQ(assessment_line(*a).rfind("rejected: score 0 of 4, about 3 guesses", 0), 0u);
}

TEST(Assess, SequenceInPlainWords) {
  AssessOptions o;
  o.estimator.reference_year = 2017;
  auto a = assess("zxcvbnm,./2016", PolicyInputs{}, o);
  ASSERT_TRUE(a);
  EXPECT_EQ(attacker_first(a->estimate),
            "a run of neighbouring keys on a qwerty keyboard, and then a recent year");
}

TEST(Assess, ContextWordsRankAndReject) {
  PolicyInputs context;
  context.user_name = "margaret";
  context.email = "mthatcher@example.org";
  EXPECT_EQ(user_inputs_of(context),
            (std::vector<std::string>{"margaret", "mthatcher@example.org", "mthatcher"}));
  AssessOptions o;
  o.policy.min_length = 8;
  auto a = assess("mthatcher-1979", context, o);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->estimate.sequence.at(0).dictionary_name, "user_inputs");
  EXPECT_FALSE(a->verdict.accepted);
  EXPECT_NE(attacker_first(a->estimate).find("one of your own details"), std::string::npos);
}

TEST(Assess, BreachIndexAndBlocklist) {
  testing::TempDir dir;
  // SHA-1 of "password" and "letmein".
  auto src = dir.write("pwned.txt",
                       "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8:9659365\n"
                       "B7A875FC1EA228B9061041B7CEC4BD3C52AB3CE3:4182\n");
  ASSERT_TRUE(build_breach_index({src}, dir.path() / "i.idx", BreachBuildOptions{}));
  auto index = BreachIndex::open(dir.path() / "i.idx");
  ASSERT_TRUE(index);
  const Blocklist block = Blocklist::from_text("shieldwall-2026-spring\n");
  AssessOptions o;
  o.checkers.breach_index = &*index;
  o.checkers.blocklist = &block;
  o.policy.mfa = true;

  auto breached = assess("letmein", PolicyInputs{}, o);
  ASSERT_TRUE(breached);
  EXPECT_EQ(breached->breach_count, 4182u);
  EXPECT_EQ(breached->breach_source, "breach index");
  EXPECT_NE(assessment_text(*breached).find("seen 4182 times"), std::string::npos);

  auto listed = assess("Shieldwall-2026-Spring", PolicyInputs{}, o);
  ASSERT_TRUE(listed);
  EXPECT_TRUE(listed->blocklisted);
  EXPECT_FALSE(listed->verdict.accepted);

  auto fine = assess("vivid-plinth-oxbow-sundial", PolicyInputs{}, o);
  ASSERT_TRUE(fine);
  EXPECT_EQ(fine->breach_count, 0u);
  EXPECT_TRUE(fine->verdict.accepted);
  const nlohmann::json j = assessment_json(*fine);
  EXPECT_EQ(j["breach_count"], 0);
  EXPECT_EQ(j["accepted"], true);
  EXPECT_EQ(j.dump().find("plinth"), std::string::npos);
  const std::string text = assessment_text(*fine);
  EXPECT_NE(text.find("Breaches: not found (breach index)"), std::string::npos) << text;
  EXPECT_EQ(text.find("plinth"), std::string::npos);
}

TEST(Assess, InvalidUtf8IsAnErrorThatDoesNotQuoteIt) {
  auto a = assess("abc\xff", PolicyInputs{}, AssessOptions{});
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().message().find("abc"), std::string::npos);
}

}  // namespace
}  // namespace sw::password
