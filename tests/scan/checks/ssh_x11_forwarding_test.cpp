// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.ssh.x11_forwarding";

TEST(SshX11Forwarding, DebianShippedYesFails) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\nX11Forwarding yes\nPrintMotd no\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].evidence, "X11Forwarding yes (/etc/ssh/sshd_config:2)");
}

TEST(SshX11Forwarding, DefaultPasses) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(SshX11Forwarding, DisableForwardingOverrides) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "X11Forwarding yes\nDisableForwarding yes\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(SshX11Forwarding, MatchBlockEnablingX11) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "Match User designer\n X11Forwarding yes\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].subject, "sshd Match User designer: X11Forwarding");
}

}  // namespace
}  // namespace sw::test
