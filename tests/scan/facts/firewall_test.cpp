// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/firewall.h"

#include <gtest/gtest.h>

namespace sw::test {
namespace {

TEST(NftablesParser, InputChainWithPolicyDrop) {
  std::vector<Error> errors;
  auto rs = scan::parse_nftables(R"(#!/usr/sbin/nft -f
flush ruleset
table inet filter {
  set allowed { type ipv4_addr; elements = { 10.0.0.1, 10.0.0.2 } }
  chain input {
    type filter hook input priority filter; policy drop;
    ct state established,related accept
    tcp dport { 22, 443 } accept # ssh and web
  }
  chain forward {
    type filter hook forward priority 0; policy accept;
  }
}
include "/etc/nftables.d/*.nft"
)",
                                 "/etc/nftables.conf", errors);
  EXPECT_TRUE(errors.empty()) << errors[0].to_string();
  ASSERT_EQ(rs.chains.size(), 2u);
  EXPECT_EQ(rs.chains[0].family, "inet");
  EXPECT_EQ(rs.chains[0].hook, "input");
  EXPECT_EQ(rs.chains[0].policy, "drop");
  EXPECT_TRUE(rs.chains[0].filters_input());
  EXPECT_FALSE(rs.chains[1].filters_input());
  ASSERT_EQ(rs.includes.size(), 1u);
  EXPECT_EQ(rs.includes[0].first, "/etc/nftables.d/*.nft");
}

TEST(NftablesParser, DebianDefaultAcceptsAndFinalDropCounts) {
  std::vector<Error> errors;
  auto def = scan::parse_nftables(
      "table inet filter {\n chain input {\n  type filter hook input priority filter;\n }\n}\n",
      "/etc/nftables.conf", errors);
  ASSERT_EQ(def.chains.size(), 1u);
  EXPECT_FALSE(def.chains[0].filters_input());
  auto fin = scan::parse_nftables(
      "table ip fw {\n chain in {\n  type filter hook input priority 0\n  iif lo accept\n"
      "  counter drop\n }\n}\n",
      "/etc/nftables.conf", errors);
  ASSERT_EQ(fin.chains.size(), 1u);
  EXPECT_EQ(fin.chains[0].family, "ip");
  EXPECT_TRUE(fin.chains[0].final_drop);
  EXPECT_EQ(fin.chains[0].line, 5);
  EXPECT_TRUE(errors.empty());
}

TEST(NftablesParser, UnbalancedBracesAreReported) {
  std::vector<Error> errors;
  auto rs = scan::parse_nftables("}\ntable inet x {\n chain y {\n", "/etc/nftables.conf", errors);
  EXPECT_EQ(errors.size(), 2u);
  EXPECT_EQ(rs.chains.size(), 1u);
}

TEST(IptablesSaveParser, PolicyAndFinalDrop) {
  std::vector<Error> errors;
  auto a = scan::parse_iptables_save(
      "*nat\n:INPUT ACCEPT [0:0]\nCOMMIT\n*filter\n:INPUT DROP [0:0]\n:FORWARD DROP [0:0]\n"
      "-A INPUT -i lo -j ACCEPT\nCOMMIT\n",
      "/etc/iptables/rules.v4", errors);
  EXPECT_TRUE(a.filters_input());
  EXPECT_EQ(a.line, 5);
  auto b = scan::parse_iptables_save(
      "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport 22 -j ACCEPT\n-A INPUT -j REJECT "
      "--reject-with icmp-host-prohibited\nCOMMIT\n",
      "/etc/iptables/rules.v4", errors);
  EXPECT_TRUE(b.final_drop);
  auto c = scan::parse_iptables_save(
      "*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport 23 -j DROP\nCOMMIT\n",
      "/etc/iptables/rules.v4", errors);
  EXPECT_FALSE(c.filters_input());
  EXPECT_TRUE(errors.empty());
}

}  // namespace
}  // namespace sw::test
