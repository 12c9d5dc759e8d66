// SPDX-License-Identifier: Apache-2.0
#include "secrets/ignore.h"

#include <gtest/gtest.h>

#include "secrets/fingerprint.h"

namespace sw::secrets {
namespace {

SecretMatch match(std::string rule, std::string secret, std::string path, int line,
                  std::string commit = {}) {
  SecretMatch m;
  m.rule_id = std::move(rule);
  m.secret = std::move(secret);
  m.match = m.secret;
  m.path = std::move(path);
  m.start_line = m.end_line = line;
  m.commit = std::move(commit);
  return m;
}

TEST(SecretsIgnore, ByOurFingerprintSurvivesLineMoves) {
  const auto m = match("generic-api-key", "Qw8Er7Ty6Ui5Op4", "src/app.py", 12);
  const std::string fp = secret_fingerprint(m);
  auto set = parse_ignore_file("[[ignore]]\nfingerprint = \"" + fp +
                                   "\"\nreason = \"test fixture, revoked\"\nowner = \"alice\"\n"
                                   "expires = 2027-01-31\n",
                               "ign.toml");
  ASSERT_TRUE(set.errors.empty()) << set.errors[0].to_string();
  ASSERT_EQ(set.rules.size(), 1u);
  auto moved = m;
  moved.start_line = moved.end_line = 99;
  auto other = match("generic-api-key", "Qw8Er7Ty6Ui5Op5", "src/app.py", 12);
  auto out = apply_ignores(set, {m, moved, other}, "2026-06-01");
  ASSERT_EQ(out.ignored.size(), 2u);
  EXPECT_EQ(out.ignored[0].why, "test fixture, revoked (alice, until 2027-01-31) ign.toml:1");
  ASSERT_EQ(out.kept.size(), 1u);
  EXPECT_EQ(out.kept[0].secret, other.secret);
  EXPECT_TRUE(out.notes.empty());
}

TEST(SecretsIgnore, ExpiredEntryBringsTheFindingBackAndSaysSo) {
  const auto a = match("generic-api-key", "Qw8Er7Ty6Ui5Op4", "tests/fx/a.env", 1);
  const auto b = match("generic-api-key", "Zz8Er7Ty6Ui5Op4", "tests/fx/b.env", 2);
  auto set = parse_ignore_file(
      "[[ignore]]\nrule = \"generic-*\"\npath = \"tests/**\"\nreason = \"fixtures\"\n"
      "owner = \"bob\"\nexpires = \"2026-01-01\"\n",
      "ign.toml");
  ASSERT_TRUE(set.errors.empty());
  auto before = apply_ignores(set, {a, b}, "2025-12-31");
  EXPECT_EQ(before.ignored.size(), 2u);
  auto after = apply_ignores(set, {a, b}, "2026-01-02");
  EXPECT_EQ(after.kept.size(), 2u);
  ASSERT_EQ(after.notes.size(), 1u);
  EXPECT_EQ(after.notes[0],
            "ign.toml:1: the ignore entry for rule generic-* in tests/** (2 findings) expired on "
            "2026-01-01: the finding is back");
}

TEST(SecretsIgnore, RuleAndPathGlobs) {
  auto set = parse_ignore_file(
      "[[ignore]]\npath = \"*.example\"\nreason = \"r\"\nowner = \"o\"\n"
      "[[ignore]]\nrule = \"aws-*\"\npath = \"docs/**\"\nreason = \"r\"\nowner = \"o\"\n",
      "ign.toml");
  ASSERT_EQ(set.rules.size(), 2u);
  EXPECT_TRUE(set.rules[0].covers(match("x", "s", "config/app.env.example", 1)));
  EXPECT_TRUE(set.rules[0].covers(match("x", "s", "./app.example", 1)));
  EXPECT_FALSE(set.rules[0].covers(match("x", "s", "app.example.txt", 1)));
  EXPECT_TRUE(set.rules[1].covers(match("aws-access-token", "s", "docs/a/b.md", 1)));
  EXPECT_FALSE(set.rules[1].covers(match("gcp-api-key", "s", "docs/a/b.md", 1)));
  EXPECT_FALSE(set.rules[1].covers(match("aws-access-token", "s", "src/docs/b.md", 1)));
}

TEST(SecretsIgnore, BadEntriesAreErrorsTheRestApplies) {
  auto set = parse_ignore_file(
      "[[ignore]]\nrule = \"generic-api-key\"\nreason = \"r\"\nowner = \"o\"\n"  // 1: no path
      "[[ignore]]\nfingerprint = \"SW-zz\"\nreason = \"r\"\nowner = \"o\"\n"     // 5: bad fp
      "[[ignore]]\nreason = \"r\"\nowner = \"o\"\n"                              // 9: nothing
      "[[ignore]]\npath = \"a/**\"\nowner = \"o\"\n"                             // 12: no reason
      "[[ignore]]\npath = \"b/**\"\nreason = \"r\"\nowner = \"o\"\n",            // 15: good
      "ign.toml");
  ASSERT_EQ(set.errors.size(), 4u);
  EXPECT_EQ(set.errors[0].line(), 1);
  EXPECT_NE(set.errors[0].message().find("needs a path too"), std::string::npos);
  EXPECT_EQ(set.errors[1].line(), 5);
  EXPECT_NE(set.errors[1].message().find("fingerprint must be"), std::string::npos);
  EXPECT_EQ(set.errors[2].line(), 9);
  EXPECT_EQ(set.errors[3].line(), 12);
  EXPECT_EQ(set.errors[3].message(), "ignore entry for path a/** has no reason");
  ASSERT_EQ(set.rules.size(), 1u);
  EXPECT_EQ(set.rules[0].path, "b/**");
}

TEST(SecretsIgnore, GitleaksFingerprintInOurFile) {
  auto set = parse_ignore_file(
      "[[ignore]]\nfingerprint = \"abc123:src\\\\x.py:jwt:7\"\nreason = \"r\"\nowner = \"o\"\n",
      "ign.toml");
  ASSERT_TRUE(set.errors.empty()) << set.errors[0].to_string();
  EXPECT_TRUE(set.rules[0].covers(match("jwt", "s", "src/x.py", 7, "abc123")));
  EXPECT_FALSE(set.rules[0].covers(match("jwt", "s", "src/x.py", 8, "abc123")));
}

TEST(SecretsIgnore, GitleaksIgnoreLines) {
  auto set = parse_gitleaksignore(
      "# findings accepted in 2023\n"
      "\n"
      "418edf165dbb63d6f46993ae8f8818ffd87ea582:cmd/rules/jwt.go:jwt:17\n"
      "  docs\\guide.md:generic-api-key:3  \r\n"
      "not-a-fingerprint\n"
      "a:b:c:notaline\n"
      "dir/with:colon/f.txt:jwt:2:extra:5\n",
      ".gitleaksignore");
  ASSERT_EQ(set.errors.size(), 2u);
  EXPECT_EQ(set.errors[0].line(), 5);
  EXPECT_EQ(set.errors[0].file(), ".gitleaksignore");
  EXPECT_EQ(set.errors[1].line(), 6);
  EXPECT_EQ(set.gitleaks.size(), 3u);

  const std::string c = "418edf165dbb63d6f46993ae8f8818ffd87ea582";
  auto out = apply_ignores(set,
                           {match("jwt", "s1", "cmd/rules/jwt.go", 17, c),
                            match("jwt", "s1", "cmd/rules/jwt.go", 17, "ffff"),
                            match("jwt", "s1", "cmd/rules/jwt.go", 18, c),
                            // the global (commit-less) form matches in every commit
                            match("generic-api-key", "s2", "docs/guide.md", 3, c),
                            match("generic-api-key", "s2", "docs/guide.md", 3)},
                           "2026-01-01");
  ASSERT_EQ(out.ignored.size(), 3u);
  EXPECT_EQ(out.ignored[0].why, ".gitleaksignore:3");
  EXPECT_EQ(out.ignored[1].why, ".gitleaksignore:4");
  ASSERT_EQ(out.kept.size(), 2u);
  EXPECT_EQ(out.kept[0].commit, "ffff");
  EXPECT_EQ(out.kept[1].start_line, 18);
}

TEST(SecretsIgnore, MergeAndMissingFiles) {
  IgnoreSet set = load_ignore_file("/nonexistent/shieldwall-secrets-ignore.toml");
  set.merge(load_gitleaksignore("/nonexistent/.gitleaksignore"));
  set.merge(parse_gitleaksignore("a.py:r:1\n", "g"));
  EXPECT_EQ(set.errors.size(), 2u);
  EXPECT_EQ(set.gitleaks.size(), 1u);
}

}  // namespace
}  // namespace sw::secrets
