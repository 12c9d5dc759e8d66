// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "scan/home_fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.home.rhosts";

TEST(HomeRhosts, FailsWhenPresentAndCriticalOnPlus) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.rhosts", "trusted.example.com alice\n", 0600);
  root.write("/root/.shosts", "# all\n+ +\n", 0600);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].subject, "/root/.shosts");
  EXPECT_EQ(r.issues[0].owner_name, "root");
  EXPECT_EQ(r.issues[0].severity, Severity::kCritical);
  EXPECT_EQ(r.issues[0].location.line, 2);
  EXPECT_EQ(r.issues[1].evidence, "/home/alice/.rhosts exists (mode 0600, 26 bytes), 1 entry");
  EXPECT_FALSE(r.issues[1].severity.has_value());
}

TEST(HomeRhosts, PassesWithoutTrustFiles) {
  FixtureRoot root;
  add_alice(root);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(HomeRhosts, UnreadableFileStillFails) {
  FixtureRoot root;
  add_alice(root);
  root.mkdir("/home/alice/.rhosts");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.detail.find("not a regular file"), std::string::npos) << r.detail;
}

}  // namespace
}  // namespace sw::test
