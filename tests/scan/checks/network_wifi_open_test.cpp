// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.network.wifi_open";
constexpr const char* kDir = "/etc/NetworkManager/system-connections/";

TEST(NetworkWifiOpen, FailsOnOpenAutoconnectNetwork) {
  FixtureRoot root;
  root.write(std::string(kDir) + "Cafe.nmconnection",
             "[connection]\nid=Cafe\ntype=wifi\npermissions=user:bob:;\n[wifi]\nssid=CafeFree\n",
             0600);
  root.write(std::string(kDir) + "Home.nmconnection",
             "[connection]\nid=Home\ntype=wifi\n[wifi]\nssid=Home\n[wifi-security]\n"
             "key-mgmt=sae\npsk=secret\n",
             0600);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "Wi-Fi CafeFree");
  EXPECT_EQ(r.issues[0].owner_name, "bob");
  EXPECT_EQ(r.issues[0].severity, Severity::kMedium);
  EXPECT_GT(r.issues[0].risk_delta, 0.0);
}

TEST(NetworkWifiOpen, OweAndWpaPass) {
  FixtureRoot root;
  root.write(std::string(kDir) + "Owe.nmconnection",
             "[connection]\nid=Owe\ntype=wifi\n[wifi]\nssid=Owe\n[wifi-security]\nkey-mgmt=owe\n",
             0600);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(NetworkWifiOpen, NotApplicableWithoutWifi) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
  root.write(std::string(kDir) + "Wired.nmconnection", "[connection]\nid=W\ntype=ethernet\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
