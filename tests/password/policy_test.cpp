// SPDX-License-Identifier: Apache-2.0
#include "password/policy.h"

#include <string>

#include <gtest/gtest.h>

#include "password/temp_dir.h"

namespace sw::password {
namespace {

bool mentions(const PolicyVerdict& v, std::string_view what) {
  for (const auto& r : v.reasons) {
    if (r.find(what) != std::string::npos) return true;
  }
  return false;
}

void expect_no_echo(const PolicyVerdict& v, std::string_view pw) {
  for (const auto& r : v.reasons) EXPECT_EQ(r.find(pw), std::string::npos) << r;
  EXPECT_EQ(v.summary.find(pw), std::string::npos) << v.summary;
}

TEST(Policy, LengthForOneFactorAndMfa) {
  const PolicyInputs in;
  auto v = check_policy("tiger lily lamp", in);  // 15
  EXPECT_TRUE(v.accepted) << v.summary;
  EXPECT_EQ(v.length, 15u);
  v = check_policy("tiger lily lam", in);
  EXPECT_FALSE(v.accepted);
  EXPECT_TRUE(mentions(v, "too short: 14 characters, and at least 15"));
  PolicyOptions mfa;
  mfa.mfa = true;
  EXPECT_TRUE(check_policy("ab3$kq9z", in, mfa).accepted);
  EXPECT_FALSE(check_policy("ab3$kq9", in, mfa).accepted);
  expect_no_echo(check_policy("ab3$kq9", in, mfa), "ab3$kq9");
}

TEST(Policy, LengthIsNfkcCodePoints) {
  // "ﬁ" (U+FB01) becomes "fi" under NFKC: 2 code points; full-width letters stay 1 each.
  EXPECT_EQ(nfkc_length("\xEF\xAC\x81"), 2u);
  EXPECT_EQ(nfkc_length("\xEF\xBC\xA1\xEF\xBD\x84"), 2u);
  // "e" + combining acute composes to one "é".
  EXPECT_EQ(nfkc_length("cafe\xCC\x81"), 4u);
  // Emoji are one code point each (not two UTF-16 units, not four bytes).
  EXPECT_EQ(nfkc_length("\xF0\x9F\x98\x80\xF0\x9F\x94\x92"), 2u);
  std::string emoji15;
  for (int i = 0; i < 15; ++i) emoji15 += "\xF0\x9F\x8C\xB5";
  auto v = check_policy(emoji15, {});
  EXPECT_TRUE(v.accepted) << v.summary;
  EXPECT_EQ(v.length, 15u);
  EXPECT_TRUE(
      check_policy("\xD0\xBF\xD0\xB0\xD1\x80\xD0\xBE\xD0\xBB\xD1\x8C \xD0\xBC\xD0\xBE\xD0\xB9 "
                   "\xD0\xB4\xD0\xBB\xD0\xB8\xD0\xBD\xD0\xBD\xD1\x8B\xD0\xB9",
                   {})
          .accepted);
}

TEST(Policy, SixtyFourAndMoreAccepted) {
  const std::string long64(64, 'q');
  EXPECT_TRUE(check_policy(long64, {}).accepted);
  EXPECT_TRUE(check_policy(std::string(256, 'q'), {}).accepted);
  auto v = check_policy(std::string(257, 'q'), {});
  EXPECT_FALSE(v.accepted);
  PolicyOptions tight;
  tight.max_accepted = 20;  // below 64 is raised to 64
  EXPECT_TRUE(check_policy(long64, {}, tight).accepted);
}

TEST(Policy, BreachedAndBlocklisted) {
  PolicyInputs in;
  in.breach_count = 9545824;
  auto v = check_policy("a long enough passphrase here", in);
  EXPECT_FALSE(v.accepted);
  EXPECT_TRUE(mentions(v, "9545824 times"));
  in.breach_count = 0;
  v = check_policy("a long enough passphrase here", in);
  EXPECT_TRUE(v.accepted);
  EXPECT_NE(v.summary.find("not in known breaches"), std::string::npos);
  in.blocklisted = true;
  EXPECT_FALSE(check_policy("a long enough passphrase here", in).accepted);
}

TEST(Policy, ContextWords) {
  PolicyInputs in;
  in.user_name = "john.smith";
  in.email = "jsmith@Example.org";
  in.service_name = "Payroll";
  const std::string pw1 = "my SMITH password 1987!";
  auto v = check_policy(pw1, in);
  EXPECT_FALSE(v.accepted);
  EXPECT_TRUE(mentions(v, "the user name"));
  expect_no_echo(v, "SMITH");
  expect_no_echo(v, "smith");
  EXPECT_TRUE(mentions(check_policy("examplexamplexample", in), "the e-mail domain"));
  EXPECT_TRUE(mentions(check_policy("payrollpayrollpayroll", in), "the service name"));
  EXPECT_TRUE(mentions(check_policy("xxjsmithxxxxxxxxxx", in), "the e-mail address"));
  // "org" and "john" are short: "org" (3) ignored; "john" has 4 and counts.
  EXPECT_TRUE(check_policy("orgorgorgorgorgorg", in).accepted);
  PolicyOptions o;
  o.min_context_word = 5;
  EXPECT_TRUE(check_policy("johnjohnjohnjohn", in, o).accepted);
  EXPECT_FALSE(check_policy("johnjohnjohnjohn", in).accepted);
  in.other_words = {"Aurora"};
  EXPECT_TRUE(mentions(check_policy("northern aurora lights", in), "tied to this account"));
}

TEST(Policy, ScoreWhenGivenAndAttackTime) {
  PolicyInputs in;
  in.score = 1;
  in.guesses_log10 = 5.2;
  auto v = check_policy("aaaaaaaaaaaaaaaaaa", in);
  EXPECT_FALSE(v.accepted);
  EXPECT_TRUE(mentions(v, "strength 1 of 4"));
  EXPECT_NE(v.summary.find("less than a second"), std::string::npos) << v.summary;
  in.score = 4;
  in.guesses_log10 = 20;
  v = check_policy("vivid-otter-quarry-lantern", in);
  EXPECT_TRUE(v.accepted);
  EXPECT_NE(v.summary.find("Accepted: 26 characters"), std::string::npos) << v.summary;
}

TEST(Policy, NoCompositionRules) {
  EXPECT_TRUE(check_policy("all lower case words only", {}).accepted);
  EXPECT_TRUE(check_policy("               ", {}).accepted) << "spaces are printable";
}

TEST(Policy, InvalidUtf8IsRejectedPlainly) {
  auto v = check_policy(std::string("abcdefghijklmnop\xFF"), {});
  EXPECT_FALSE(v.accepted);
  EXPECT_TRUE(mentions(v, "UTF-8"));
}

TEST(Blocklist, NfkcAndCaseFold) {
  const auto b = Blocklist::from_text("Password1\r\nletmein\n\n\xEF\xAC\x81nance\n");
  EXPECT_EQ(b.size(), 3u);
  EXPECT_TRUE(b.contains("password1"));
  EXPECT_TRUE(b.contains("PASSWORD1"));
  EXPECT_TRUE(b.contains("LetMeIn"));
  EXPECT_TRUE(b.contains("finance"));
  EXPECT_TRUE(b.contains("\xEF\xBC\xAC\xEF\xBD\x85tmein"));  // full-width "Le"
  EXPECT_FALSE(b.contains("letmein2"));
}

TEST(Blocklist, LoadFromFile) {
  testing::TempDir dir;
  auto b = Blocklist::load(dir.write("block.txt", "dragon\nmonkey\n"));
  ASSERT_TRUE(b);
  EXPECT_TRUE(b->contains("Dragon"));
  auto missing = Blocklist::load(dir.path() / "none.txt");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().to_string().find("none.txt"), std::string::npos);
}

}  // namespace
}  // namespace sw::password
