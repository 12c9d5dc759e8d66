// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.network.wifi_wep";
constexpr const char* kDir = "/etc/NetworkManager/system-connections/";

TEST(NetworkWifiWep, FailsOnWepKeys) {
  FixtureRoot root;
  root.write(std::string(kDir) + "Old.nmconnection",
             "[connection]\nid=Old\ntype=802-11-wireless\n[802-11-wireless]\nssid=Legacy\n"
             "[802-11-wireless-security]\nkey-mgmt=none\nwep-key0=abcdef0123\n",
             0600);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].subject, "Wi-Fi Legacy");
  EXPECT_EQ(r.issues[0].location.line, 7);
  EXPECT_EQ(r.issues[0].evidence.find("abcdef"), std::string::npos);  // no secret in evidence
}

TEST(NetworkWifiWep, PassesWithWpa) {
  FixtureRoot root;
  root.write(std::string(kDir) + "Home.nmconnection",
             "[connection]\nid=Home\ntype=wifi\n[wifi]\nssid=Home\n[wifi-security]\n"
             "key-mgmt=wpa-psk\npsk=secret\n",
             0600);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

}  // namespace
}  // namespace sw::test
