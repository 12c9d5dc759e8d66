// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.network.firewall_active";
constexpr const char* kNftDrop =
    "table inet filter {\n chain input {\n  type filter hook input priority 0; policy drop;\n"
    "  iif lo accept\n }\n}\n";

TEST(NetworkFirewallActive, FailsWithoutAnyFirewall) {
  FixtureRoot root;
  root.mkdir("/etc");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].subject, "host firewall");
}

TEST(NetworkFirewallActive, PassesWithEnabledNftablesDropPolicy) {
  FixtureRoot root;
  root.write("/etc/nftables.conf", kNftDrop);
  root.symlink("/lib/systemd/system/nftables.service",
               "/etc/systemd/system/sysinit.target.wants/nftables.service");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(NetworkFirewallActive, FailsWhenNftablesServiceIsNotEnabled) {
  FixtureRoot root;
  root.write("/etc/nftables.conf", kNftDrop);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("not enabled"), std::string::npos);
}

TEST(NetworkFirewallActive, FollowsNftablesIncludes) {
  FixtureRoot root;
  root.write("/etc/nftables.conf", "flush ruleset\ninclude \"/etc/nftables.d/*.nft\"\n");
  root.write("/etc/nftables.d/10-filter.nft", kNftDrop);
  root.symlink("/lib/systemd/system/nftables.service",
               "/etc/systemd/system/multi-user.target.wants/nftables.service");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(NetworkFirewallActive, UfwEnabledWithAcceptPolicyFails) {
  FixtureRoot root;
  root.write("/etc/ufw/ufw.conf", "ENABLED=yes\n");
  root.write("/etc/default/ufw", "IPV6=yes\nDEFAULT_INPUT_POLICY=\"ACCEPT\"\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].subject, "firewall ufw");
  root.write("/etc/default/ufw", "IPV6=yes\nDEFAULT_INPUT_POLICY=\"DROP\"\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(NetworkFirewallActive, LiveKernelWithoutRulesFails) {
  FixtureRoot root;
  root.write("/etc/ufw/ufw.conf", "ENABLED=yes\n");
  root.write("/etc/default/ufw", "DEFAULT_INPUT_POLICY=\"DROP\"\n");
  root.write("/proc/modules", "ext4 1 0 - Live 0x0\n");
  auto r = root.run_check(kId, true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_EQ(r.issues[0].severity, Severity::kMedium);
  root.write("/proc/net/ip_tables_names", "filter\n");
  EXPECT_EQ(root.run_check(kId, true).status, CheckStatus::kPass);
}

TEST(NetworkFirewallActive, NotApplicableInContainer) {
  FixtureRoot root;
  root.write("/.dockerenv", "");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
