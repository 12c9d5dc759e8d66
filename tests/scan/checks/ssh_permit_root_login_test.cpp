// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.ssh.permit_root_login";

TEST(SshPermitRootLogin, FailsHighOnYes) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\n");
  root.write("/etc/ssh/sshd_config.d/50-cloud.conf", "# cloud\n\nPermitRootLogin yes\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "sshd PermitRootLogin");
  EXPECT_EQ(
      r.issues[0].evidence.rfind("PermitRootLogin yes (/etc/ssh/sshd_config.d/50-cloud.conf:3)", 0),
      0u);
  EXPECT_EQ(r.issues[0].location.path, "/etc/ssh/sshd_config.d/50-cloud.conf");
  EXPECT_EQ(r.issues[0].location.line, 3);
  EXPECT_FALSE(r.issues[0].severity.has_value());
}

TEST(SshPermitRootLogin, PassesOnNo) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "PermitRootLogin no\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(SshPermitRootLogin, DefaultProhibitPasswordIsLow) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "#PermitRootLogin prohibit-password\nUsePAM yes\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].severity, Severity::kLow);
  EXPECT_NE(r.issues[0].evidence.find("OpenSSH default prohibit-password"), std::string::npos);
}

TEST(SshPermitRootLogin, FirstValueWinsAcrossIncludes) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config",
             "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin yes\n");
  root.write("/etc/ssh/sshd_config.d/00-harden.conf", "PermitRootLogin no\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(SshPermitRootLogin, MatchBlockReEnablingRootIsItsOwnIssue) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config",
             "PermitRootLogin no\nMatch Address 10.0.0.0/8\n    PermitRootLogin yes\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "sshd Match Address 10.0.0.0/8: PermitRootLogin");
  EXPECT_NE(r.issues[0].evidence.find("in Match Address 10.0.0.0/8 (/etc/ssh/sshd_config:2)"),
            std::string::npos);
  EXPECT_EQ(r.issues[0].location.line, 3);
}

TEST(SshPermitRootLogin, NotApplicableWithoutSshd) {
  FixtureRoot root;
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable);
  EXPECT_NE(r.detail.find("not installed"), std::string::npos);
}

TEST(SshPermitRootLogin, BinaryWithoutConfigIsNotApplicableWithReason) {
  FixtureRoot root;
  root.write("/usr/sbin/sshd", "", 0755);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable);
  EXPECT_NE(r.detail.find("missing"), std::string::npos);
}

TEST(SshPermitRootLogin, UnreadableConfigIsAnError) {
  FixtureRoot root;
  root.mkdir("/etc/ssh/sshd_config");  // a directory cannot be read as a file
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kError) << r.detail;
}

TEST(SshPermitRootLogin, InvalidValueIsReportedAndIgnored) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "PermitRootLogin maybe\nPermitRootLogin no\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass);
  ASSERT_EQ(r.input_errors.size(), 1u);
  EXPECT_NE(r.input_errors[0].find("/etc/ssh/sshd_config:1"), std::string::npos);
}

}  // namespace
}  // namespace sw::test
