// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.network.firewall_ipv6";
constexpr const char* kRules = "*filter\n:INPUT DROP [0:0]\n-A INPUT -i lo -j ACCEPT\nCOMMIT\n";

void enable_persistent(FixtureRoot& root) {
  root.symlink("/lib/systemd/system/netfilter-persistent.service",
               "/etc/systemd/system/multi-user.target.wants/netfilter-persistent.service");
}

TEST(NetworkFirewallIpv6, FailsWithRulesV4Only) {
  FixtureRoot root;
  root.write("/etc/iptables/rules.v4", kRules);
  enable_persistent(root);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_NE(r.issues[0].evidence.find("rules.v6"), std::string::npos);
}

TEST(NetworkFirewallIpv6, PassesWithRulesV6) {
  FixtureRoot root;
  root.write("/etc/iptables/rules.v4", kRules);
  root.write("/etc/iptables/rules.v6", kRules);
  enable_persistent(root);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(NetworkFirewallIpv6, UfwWithIpv6NoFails) {
  FixtureRoot root;
  root.write("/etc/ufw/ufw.conf", "ENABLED=yes\n");
  root.write("/etc/default/ufw", "IPV6=no\nDEFAULT_INPUT_POLICY=\"DROP\"\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("IPV6=no"), std::string::npos);
}

TEST(NetworkFirewallIpv6, NotApplicableWhenIpv6DisabledOrNoFirewall) {
  FixtureRoot root;
  root.write("/etc/iptables/rules.v4", kRules);
  enable_persistent(root);
  root.write("/etc/sysctl.d/90-noipv6.conf", "net.ipv6.conf.all.disable_ipv6 = 1\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
  FixtureRoot none;
  none.mkdir("/etc");
  EXPECT_EQ(none.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
