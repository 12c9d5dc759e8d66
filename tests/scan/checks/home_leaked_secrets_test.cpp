// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "scan/home_fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.home.leaked_secrets";
// A GitHub token of the right shape (the checksum need not hold for the rule to fire).
const std::string kToken = std::string("ghp_") + "R4nd0mT0k3nV4lu3W1thMuchEntr0pyXyZ0A";

TEST(HomeLeakedSecrets, FindsATokenInShellHistoryAndRoutesItToTheAccount) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.bash_history", "ls -la\nexport GITHUB_TOKEN=" + kToken + "\ngit push\n",
             0600);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  const auto& issue = r.issues[0];
  EXPECT_EQ(issue.owner_name, "alice");
  EXPECT_EQ(issue.role, Role::kUser);
  EXPECT_EQ(issue.location.line, 2);
  EXPECT_NE(issue.location.path.find("/home/alice/.bash_history"), std::string::npos);
  EXPECT_EQ(issue.id.rfind("SW-", 0), 0u);
  EXPECT_EQ(issue.evidence.find(kToken), std::string::npos);  // never in full
  EXPECT_EQ(issue.title.find(kToken), std::string::npos);
  bool has_rule = false;
  for (const auto& [k, v] : issue.details) has_rule = has_rule || k == "rule";
  EXPECT_TRUE(has_rule);
}

TEST(HomeLeakedSecrets, ConfigFilesAndEnvFilesAreScanned) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/project/.env",
             "DATABASE_URL=postgres://app:Xy7-long-Passw0rd!@db:5432/app\n");
  root.write("/home/alice/.config/tool/settings.yaml", "api_token: " + kToken + "\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_EQ(r.issues.size(), 2u);
}

TEST(HomeLeakedSecrets, FilesOfDedicatedChecksAreLeftToThem) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.git-credentials", "https://alice:" + kToken + "@github.com\n", 0600);
  root.write("/home/alice/.netrc", "machine example.org login a password " + kToken + "\n", 0600);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(HomeLeakedSecrets, PassesOnCleanFilesAndPlaceholders) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.bash_history",
             "export GITHUB_TOKEN=${GITHUB_TOKEN}\naws configure --profile AKIAIOSFODNN7EXAMPLE\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("1 file(s)"), std::string::npos) << r.detail;
}

TEST(HomeLeakedSecrets, ABinaryHistoryIsNotScanned) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.bash_history", std::string("\0\0\0", 3) + kToken);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

}  // namespace
}  // namespace sw::test
