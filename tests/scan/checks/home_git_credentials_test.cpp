// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "scan/home_fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.home.git_credentials";

TEST(HomeGitCredentials, FailsOnTokensWithoutShowingThem) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.git-credentials",
             "https://alice:ghp_SECRETTOKEN123@github.com\nhttps://bob@gitlab.com\n", 0600);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].evidence,
            "password or token for https://alice@github.com (/home/alice/.git-credentials:1), 18 "
            "characters, in clear");
  EXPECT_EQ(r.issues[0].location.line, 1);
  EXPECT_EQ(r.issues[0].owner_name, "alice");
  EXPECT_FALSE(r.issues[0].severity.has_value());
  EXPECT_EQ(r.issues[0].evidence.find("ghp_"), std::string::npos);
}

TEST(HomeGitCredentials, WorldReadableFileIsHigh) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.config/git/credentials", "https://u:tok@example.org\n", 0644);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kHigh);
  EXPECT_NE(r.issues[0].evidence.find("readable by every user"), std::string::npos);
}

TEST(HomeGitCredentials, PassesWithoutStoredPasswords) {
  FixtureRoot root;
  add_alice(root);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
  root.write("/home/alice/.git-credentials", "https://bob@gitlab.com\n", 0600);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(HomeGitCredentials, UnreadableFileIsAnErrorButOtherFilesStillCount) {
  FixtureRoot root;
  add_alice(root);
  root.mkdir("/home/alice/.git-credentials");  // not a regular file: cannot be read
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kError);
  EXPECT_NE(r.detail.find("/home/alice/.git-credentials"), std::string::npos) << r.detail;
  root.write("/root/.git-credentials", "https://root:pw@example.org\n", 0600);
  r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.detail.find("/home/alice/.git-credentials"), std::string::npos) << r.detail;
}

}  // namespace
}  // namespace sw::test
