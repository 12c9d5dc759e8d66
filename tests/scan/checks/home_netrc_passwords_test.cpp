// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "scan/home_fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.home.netrc_passwords";

TEST(HomeNetrcPasswords, FailsOnPasswords) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.netrc",
             "machine ftp.example.com\n  login alice\n  password correcthorsebatterystaple\n"
             "default login anonymous\n",
             0600);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].evidence,
            "password for machine ftp.example.com, login alice (/home/alice/.netrc:3), 25 "
            "characters");
  EXPECT_EQ(r.issues[0].location.line, 3);
  EXPECT_EQ(r.issues[0].owner_name, "alice");
}

TEST(HomeNetrcPasswords, GroupReadableIsHigh) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.netrc", "default password x\n", 0640);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  // The test files belong to the test process's group, which is not alice's personal group
  // when the tests run as root.
  if (running_as_root()) {
    EXPECT_EQ(r.issues[0].severity, Severity::kHigh);
  }
}

TEST(HomeNetrcPasswords, PassesWithoutPasswords) {
  FixtureRoot root;
  add_alice(root);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
  root.write("/home/alice/.netrc", "machine example.com login alice\n", 0600);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(HomeNetrcPasswords, MalformedTokensAreReported) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.netrc", "machine m passwd oops\n", 0600);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass);
  EXPECT_EQ(r.input_errors.size(), 1u);  // identical messages are kept once
}

TEST(HomeNetrcPasswords, NotApplicableWithoutHomes) {
  FixtureRoot root;
  add_alice(root, false);
  root.write("/etc/passwd", "root:x:0:0:root:/nonexistent-root:/bin/bash\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable);
  EXPECT_NE(r.detail.find("does not exist"), std::string::npos) << r.detail;
}

}  // namespace
}  // namespace sw::test
