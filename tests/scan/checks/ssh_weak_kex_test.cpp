// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.ssh.weak_kex";

TEST(SshWeakKex, DefaultPasses) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(SshWeakKex, Group1IsHighGroup14Sha1Medium) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config",
             "KexAlgorithms ^diffie-hellman-group1-sha1,diffie-hellman-group14-sha1\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].severity, Severity::kHigh);
  EXPECT_EQ(r.issues[1].severity, Severity::kMedium);
}

TEST(SshWeakKex, GssapiKexJudgedOnlyWhenEnabled) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "GSSAPIKeyExchange yes\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].subject.find("gss-"), std::string::npos);
  FixtureRoot off;
  off.write("/etc/ssh/sshd_config", "GSSAPIKexAlgorithms gss-gex-sha1-\n");
  EXPECT_EQ(off.run_check(kId).status, CheckStatus::kPass);
}

}  // namespace
}  // namespace sw::test
