// SPDX-License-Identifier: Apache-2.0
#include "secrets/redact.h"

#include <random>

#include <gtest/gtest.h>

namespace sw::secrets {
namespace {

TEST(Redact, PrefixLengthAndShortHash) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // Under 8 characters: no prefix at all.
  EXPECT_EQ(redact("abc"), "\u2026(3 chars, sha256:ba7816bf)");
  EXPECT_EQ(redact("x"), "\u2026(1 char, sha256:" + sha256_hex("x").substr(0, 8) + ")");
  EXPECT_EQ(redact(""), "");
  // Never more than a quarter, never more than 4.
  EXPECT_TRUE(redact("abcdefg").starts_with("\u2026(7 chars"));
  EXPECT_TRUE(redact("abcdefgh").starts_with("ab\u2026(8 chars"));
  EXPECT_TRUE(redact("abcdefghijk").starts_with("ab\u2026(11 chars"));
  EXPECT_TRUE(redact("abcdefghijkl").starts_with("abc\u2026(12 chars"));
  EXPECT_TRUE(redact("abcdefghijklmnop").starts_with("abcd\u2026(16 chars"));
  const std::string token = "ghp_" + std::string(36, 'Z');
  EXPECT_EQ(redact(token), "ghp_\u2026(40 chars, sha256:" + sha256_hex(token).substr(0, 8) + ")");
}

TEST(Redact, PrefixIsPrintableAsciiOnlyAndLengthCountsCharacters) {
  // "pässwoerd12" is 11 characters in 12 bytes: the prefix stops before the first non-ASCII byte.
  const std::string s = "p\xc3\xa4sswoerd12";
  EXPECT_TRUE(redact(s).starts_with("p\u2026(11 chars")) << redact(s);
  EXPECT_TRUE(redact("  abcdefgh").starts_with("\u2026(10 chars"));
}

TEST(Redact, ReplacesEveryOccurrenceInText) {
  const std::string secret = "S3cr3tV4lu3xyz";
  const std::string r = redact(secret);
  EXPECT_EQ(redact_in("a=" + secret + " b=" + secret, secret), "a=" + r + " b=" + r);
  EXPECT_EQ(redact_in("nothing here", secret), "nothing here");
  EXPECT_EQ(redact_in("keep", ""), "keep");
  // Overlapping repetitions leave no whole copy behind.
  const std::string aa = "aaaaaaaa";
  const std::string out = redact_in(std::string(21, 'a'), aa);
  EXPECT_EQ(out.find(aa), std::string::npos) << out;
}

TEST(Redact, ReadsBackItsOwnForm) {
  const std::string secret = "AKIAZZZZQQQQ7777RRRR";
  auto form = parse_redacted(redact(secret));
  ASSERT_TRUE(form);
  EXPECT_EQ(form->prefix, "AKIA");
  EXPECT_EQ(form->length, 20u);
  EXPECT_TRUE(redacted_matches(*form, secret));
  EXPECT_FALSE(redacted_matches(*form, "AKIAZZZZQQQQ7777RRRS"));
  EXPECT_TRUE(parse_redacted(redact("abc")));
  EXPECT_FALSE(parse_redacted("REDACTED"));
  EXPECT_FALSE(parse_redacted("abc..."));
  EXPECT_FALSE(parse_redacted("abcdef\u2026(20 chars, sha256:12345678)"));  // prefix too long
  EXPECT_FALSE(parse_redacted("ab\u2026(20 chars, sha256:1234567)"));
  EXPECT_FALSE(parse_redacted("ab\u2026(20 chars, sha256:1234567G)"));
  EXPECT_FALSE(parse_redacted("ab\u2026(chars, sha256:12345678)"));
  EXPECT_FALSE(parse_redacted("ab\u2026(20 chars, sha256:12345678) "));
}

TEST(Redact, NeverContainsTheSecretOverManyGeneratedSecrets) {
  std::mt19937 rng(20240611);
  const std::string alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-.";
  std::uniform_int_distribution<size_t> len(8, 80);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  for (int i = 0; i < 2000; ++i) {
    std::string secret;
    for (size_t n = len(rng); secret.size() < n;) secret += alphabet[pick(rng)];
    const std::string line = "x" + secret + secret + "=\"" + secret + "\" # " + secret.substr(3);
    const std::string r = redact(secret);
    ASSERT_EQ(r.find(secret), std::string::npos) << secret;
    const std::string red = redact_in(line, secret);
    ASSERT_EQ(red.find(secret), std::string::npos) << secret;
    ASSERT_TRUE(parse_redacted(r) && redacted_matches(*parse_redacted(r), secret));
  }
}

TEST(Redact, RedactedCopyKeepsWhereAndWhatRule) {
  SecretMatch m;
  m.rule_id = "generic-api-key";
  m.description = "Generic API Key";
  m.secret = "Qw8Er7Ty6Ui5Op4As";
  m.match = "key=" + m.secret;
  m.line = "  " + m.match + " # " + m.secret;
  m.message = "oops, " + m.secret;
  m.author = "dev";
  m.path = "a/b.env";
  m.start_line = 4;
  const SecretMatch r = redacted_copy(m);
  for (const std::string* s : {&r.secret, &r.match, &r.line, &r.message}) {
    EXPECT_EQ(s->find(m.secret), std::string::npos) << *s;
    EXPECT_NE(s->find(redact(m.secret)), std::string::npos) << *s;
  }
  EXPECT_EQ(r.author, "dev");
  EXPECT_EQ(r.rule_id, m.rule_id);
  EXPECT_EQ(r.path, m.path);
  EXPECT_EQ(r.start_line, 4);
}

}  // namespace
}  // namespace sw::secrets
