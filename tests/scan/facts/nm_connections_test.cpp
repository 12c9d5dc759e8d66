// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/nm_connections.h"

#include <gtest/gtest.h>

namespace sw::test {
namespace {

TEST(NmKeyfileParser, WpaPskProfile) {
  std::vector<Error> errors;
  auto c = scan::parse_nm_keyfile(
      "[connection]\nid=Home\ntype=wifi\npermissions=user:alice:;\n\n[wifi]\nmode=infrastructure\n"
      "ssid=HomeNet\n\n[wifi-security]\nkey-mgmt=wpa-psk\npsk=correct horse\n",
      "/etc/NetworkManager/system-connections/Home.nmconnection", errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_TRUE(c.is_wifi());
  EXPECT_EQ(c.ssid, "HomeNet");
  EXPECT_EQ(c.owner, "alice");
  EXPECT_TRUE(c.has_security);
  EXPECT_EQ(c.key_mgmt, "wpa-psk");
  EXPECT_TRUE(c.has_secret);
  EXPECT_FALSE(c.wep);
  EXPECT_TRUE(c.autoconnect);
}

TEST(NmKeyfileParser, LongSectionNamesAndWep) {
  std::vector<Error> errors;
  auto c = scan::parse_nm_keyfile(
      "[connection]\nid=Old\ntype=802-11-wireless\nautoconnect=false\n[802-11-wireless]\n"
      "ssid=Legacy\n[802-11-wireless-security]\nkey-mgmt=none\nauth-alg=shared\n"
      "wep-key0=0123456789\nwep-key-type=1\n",
      "x", errors);
  EXPECT_TRUE(c.is_wifi());
  EXPECT_FALSE(c.autoconnect);
  EXPECT_TRUE(c.wep);
  EXPECT_TRUE(c.has_secret);
  EXPECT_EQ(c.auth_alg, "shared");
  EXPECT_EQ(c.key_mgmt_line, 8);
}

TEST(NmKeyfileParser, MalformedLinesAreReported) {
  std::vector<Error> errors;
  auto c = scan::parse_nm_keyfile("stray=1\n[connection\n[connection]\nno equals\ntype=wifi\n", "f",
                                  errors);
  EXPECT_EQ(errors.size(), 3u);
  EXPECT_EQ(c.type, "wifi");
  EXPECT_FALSE(c.has_security);
}

}  // namespace
}  // namespace sw::test
