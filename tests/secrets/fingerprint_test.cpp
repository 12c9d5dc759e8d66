// SPDX-License-Identifier: Apache-2.0
#include "secrets/fingerprint.h"

#include <gtest/gtest.h>

namespace sw::secrets {
namespace {

SecretMatch match(std::string rule, std::string secret, std::string path, int line) {
  SecretMatch m;
  m.rule_id = std::move(rule);
  m.secret = std::move(secret);
  m.match = "key = " + m.secret;
  m.path = std::move(path);
  m.start_line = m.end_line = line;
  return m;
}

TEST(Fingerprint, OursSurvivesLineMovesAndCommitsButNotOtherRuleFileOrSecret) {
  const auto a = match("generic-api-key", "Zx9Qw8Er7Ty6Ui5", "src/app.py", 12);
  const std::string fp = secret_fingerprint(a);
  ASSERT_EQ(fp.size(), 19u);
  EXPECT_TRUE(fp.starts_with("SW-"));
  auto moved = a;
  moved.start_line = moved.end_line = 40;
  moved.start_column = 9;
  moved.commit = "0123456789abcdef0123456789abcdef01234567";
  moved.match = "token: " + moved.secret;
  EXPECT_EQ(secret_fingerprint(moved), fp);
  EXPECT_EQ(secret_fingerprint(match("generic-api-key", "Zx9Qw8Er7Ty6Ui5", "./src/app.py", 1)), fp);
  EXPECT_NE(secret_fingerprint(match("other-rule", "Zx9Qw8Er7Ty6Ui5", "src/app.py", 12)), fp);
  EXPECT_NE(secret_fingerprint(match("generic-api-key", "Zx9Qw8Er7Ty6Ui6", "src/app.py", 12)), fp);
  EXPECT_NE(secret_fingerprint(match("generic-api-key", "Zx9Qw8Er7Ty6Ui5", "src/b.py", 12)), fp);
  EXPECT_EQ(secret_fingerprint("generic-api-key", "Zx9Qw8Er7Ty6Ui5", "src/app.py"), fp);
  EXPECT_EQ(fp.find("Zx9Q"), std::string::npos);
}

TEST(Fingerprint, GitleaksFormsAreGitleaksOwn) {
  auto m = match("jwt", "eyJ.x.y", "cmd/generate/config/rules/jwt.go", 17);
  EXPECT_EQ(gitleaks_fingerprint(m), "cmd/generate/config/rules/jwt.go:jwt:17");
  m.commit = "418edf165dbb63d6f46993ae8f8818ffd87ea582";
  EXPECT_EQ(gitleaks_fingerprint(m),
            "418edf165dbb63d6f46993ae8f8818ffd87ea582:cmd/generate/config/rules/jwt.go:jwt:17");
  EXPECT_EQ(gitleaks_global_fingerprint(m), "cmd/generate/config/rules/jwt.go:jwt:17");
}

TEST(Fingerprint, PathNormalization) {
  EXPECT_EQ(normalize_path("./a/b"), "a/b");
  EXPECT_EQ(normalize_path(".//./a\\b"), "a/b");
  EXPECT_EQ(normalize_path("/abs/x"), "/abs/x");
  EXPECT_EQ(normalize_path(""), "");
}

}  // namespace
}  // namespace sw::secrets
