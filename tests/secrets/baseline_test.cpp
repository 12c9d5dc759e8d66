// SPDX-License-Identifier: Apache-2.0
#include "secrets/baseline.h"

#include <sstream>

#include <gtest/gtest.h>

#include "secrets/fingerprint.h"
#include "secrets/formats.h"

namespace sw::secrets {
namespace {

SecretMatch match(std::string rule, std::string secret, std::string path, int line) {
  SecretMatch m;
  m.rule_id = std::move(rule);
  m.description = "Generic API Key";
  m.secret = std::move(secret);
  m.match = "api_key = \"" + m.secret + "\"";
  m.path = std::move(path);
  m.start_line = m.end_line = line;
  m.start_column = 1;
  m.end_column = static_cast<int>(m.match.size());
  return m;
}

std::string gitleaks_entry(std::string_view rule, std::string_view file, std::string_view secret,
                           int line, std::string_view commit = "") {
  return "{\"RuleID\": \"" + std::string(rule) + "\", \"File\": \"" + std::string(file) +
         "\", \"Secret\": \"" + std::string(secret) +
         "\", \"Match\": \"x\", \"StartLine\": " + std::to_string(line) +
         ", \"EndLine\": " + std::to_string(line) +
         ", \"StartColumn\": 1, \"EndColumn\": 20, \"Commit\": \"" + std::string(commit) + "\"}";
}

TEST(Baseline, GitleaksReportWithSecretsComparesByContentNotPosition) {
  const auto known = match("generic-api-key", "Qw8Er7Ty6Ui5Op4", "src/app.py", 10);
  const auto b = parse_baseline(
      "[" + gitleaks_entry("generic-api-key", "src/app.py", known.secret, 10) + "]", "base.json");
  ASSERT_TRUE(b.errors.empty());
  EXPECT_EQ(b.entries, 1u);
  auto moved = known;
  moved.start_line = moved.end_line = 55;  // lines were added above it
  auto fresh = match("generic-api-key", "Nn1Bb2Vv3Cc4Xx5", "src/app.py", 11);
  auto other_file = match("generic-api-key", known.secret, "src/other.py", 10);
  auto out = new_findings(b, {known, moved, fresh, other_file});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].secret, fresh.secret);
  EXPECT_EQ(out[1].path, "src/other.py");
}

TEST(Baseline, OurRedactedJsonStillComparesByContent) {
  auto a = match("generic-api-key", "Qw8Er7Ty6Ui5Op4", "src/app.py", 10);
  a.commit = "0123456789abcdef0123456789abcdef01234567";
  auto b = match("aws-access-token", "AKIAQQQQWWWWEEEERRRR", "deploy.sh", 3);
  std::ostringstream report;
  write_gitleaks_json({a, b}, report);  // redacted by default
  ASSERT_EQ(report.str().find(a.secret), std::string::npos);
  const auto base = parse_baseline(report.str(), "prev.json");
  ASSERT_TRUE(base.errors.empty());
  EXPECT_EQ(base.by_hash.size(), 2u);
  auto a_moved = a;
  a_moved.start_line = a_moved.end_line = 70;
  a_moved.commit = "fedcba9876543210fedcba9876543210fedcba98";
  auto c = match("aws-access-token", "AKIAQQQQWWWWEEEERRRS", "deploy.sh", 3);  // same spot, new key
  auto out = new_findings(base, {a_moved, b, c});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].secret, c.secret);
}

TEST(Baseline, GitleaksRedactedFallsBackToPosition) {
  const std::string commit = "9326f35380636bcbe61e94b0584d1618c4b5c2c2";
  const auto b = parse_baseline(
      "[" + gitleaks_entry("pypi-upload-token", "detect/x.go", "REDACTED", 32, commit) + "," +
          gitleaks_entry("jwt", "a.txt", "eyJhbG...", 5) + "," +
          gitleaks_entry("jwt", "b.txt", "************", 5) + "]",
      "base.json");
  ASSERT_TRUE(b.errors.empty());
  EXPECT_EQ(b.by_position.size(), 3u);
  auto same = match("pypi-upload-token", "pypi-AgEIcHlwaS5vcmc", "detect/x.go", 32);
  same.commit = commit;
  same.start_column = 1;
  same.end_column = 20;
  auto moved = same;
  moved.start_line = moved.end_line = 33;
  auto jwt_same = match("jwt", "eyJhbGciOiJIUzI1NiJ9.e30.x", "a.txt", 5);
  jwt_same.end_column = 20;
  auto jwt_other = jwt_same;
  jwt_other.secret = "eyJzzzzzzzzzzzzzzz.e30.x";  // visible prefix differs
  auto out = new_findings(b, {same, moved, jwt_same, jwt_other});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].start_line, 33);
  EXPECT_EQ(out[1].secret, jwt_other.secret);
}

TEST(Baseline, ShieldwallReportAndSarifByFingerprint) {
  const auto m = match("generic-api-key", "Qw8Er7Ty6Ui5Op4", "src/app.py", 10);
  const std::string fp = secret_fingerprint(m);
  const auto report =
      parse_baseline("{\"schema\": \"shieldwall/report/v1\", \"findings\": [{\"id\": \"" + fp +
                         "\", \"check\": \"secrets.generic-api-key\"}, {\"check\": \"x\"}]}",
                     "r.json");
  EXPECT_EQ(report.entries, 1u);
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_TRUE(report.contains(m));
  std::ostringstream sarif;
  write_gitleaks_sarif({m}, sarif);
  const auto from_sarif = parse_baseline(sarif.str(), "r.sarif");
  EXPECT_TRUE(from_sarif.errors.empty());
  EXPECT_TRUE(from_sarif.contains(m));
  auto other = m;
  other.secret = "Zz8Er7Ty6Ui5Op4";
  EXPECT_FALSE(from_sarif.contains(other));
}

TEST(Baseline, BadInputIsAnErrorNotACrash) {
  auto not_json = parse_baseline("[\n{\"RuleID\": \n", "b.json");
  ASSERT_EQ(not_json.errors.size(), 1u);
  EXPECT_EQ(not_json.errors[0].line(), 3);
  EXPECT_EQ(not_json.errors[0].file(), "b.json");
  auto odd = parse_baseline("{\"hello\": 1}", "b.json");
  EXPECT_EQ(odd.errors.size(), 1u);
  auto entries = parse_baseline(
      "[1, {\"File\": \"a\"}, " + gitleaks_entry("r", "a", "Qw8Er7Ty6Ui5Op4", 1) + "]", "b.json");
  ASSERT_EQ(entries.errors.size(), 2u);
  EXPECT_NE(entries.errors[0].message().find("entry 0"), std::string::npos);
  EXPECT_NE(entries.errors[1].message().find("entry 1 has no RuleID"), std::string::npos);
  EXPECT_EQ(entries.entries, 1u);
  EXPECT_EQ(load_baseline("/nonexistent/base.json").errors.size(), 1u);
  // An empty report is a baseline with nothing in it.
  auto empty = parse_baseline("[]\n", "b.json");
  EXPECT_TRUE(empty.errors.empty());
  EXPECT_FALSE(empty.contains(match("r", "Qw8Er7Ty6Ui5Op4", "a", 1)));
}

}  // namespace
}  // namespace sw::secrets
