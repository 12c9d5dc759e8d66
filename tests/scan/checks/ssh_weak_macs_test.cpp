// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.ssh.weak_macs";

TEST(SshWeakMacs, DefaultListHasLowSeveritySha1AndUmac64) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 4u);  // umac-64-etm, hmac-sha1-etm, umac-64, hmac-sha1
  for (const auto& i : r.issues) {
    EXPECT_EQ(i.severity, Severity::kLow) << i.subject;
    EXPECT_NE(i.evidence.find("OpenSSH 9.2 default"), std::string::npos);
  }
}

TEST(SshWeakMacs, Md5IsMedium) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "MACs hmac-sha2-256-etm@openssh.com,hmac-md5-96\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "sshd MAC hmac-md5-96");
  EXPECT_EQ(r.issues[0].severity, Severity::kMedium);
}

TEST(SshWeakMacs, StrongListPasses) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "MACs -hmac-sha1*,umac-64*\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

}  // namespace
}  // namespace sw::test
