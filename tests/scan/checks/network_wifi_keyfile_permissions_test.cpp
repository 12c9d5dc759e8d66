// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.network.wifi_keyfile_permissions";
constexpr const char* kPath = "/etc/NetworkManager/system-connections/Home.nmconnection";
constexpr const char* kProfile =
    "[connection]\nid=Home\ntype=wifi\n[wifi]\nssid=Home\n[wifi-security]\nkey-mgmt=wpa-psk\n"
    "psk=secret\n";

TEST(NetworkWifiKeyfilePermissions, FailsWhenWorldReadable) {
  FixtureRoot root;
  root.write(kPath, kProfile, 0644);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].subject, kPath);
  EXPECT_EQ(r.issues[0].severity, Severity::kHigh);
  EXPECT_EQ(r.issues[0].evidence.find("secret,"), std::string::npos);
}

TEST(NetworkWifiKeyfilePermissions, PassesWhenRootOnly) {
  if (!running_as_root()) GTEST_SKIP() << "needs root to chown the fixture";
  FixtureRoot root;
  root.write(kPath, kProfile, 0600);
  root.chown(kPath, 0, 0);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(NetworkWifiKeyfilePermissions, NotApplicableWithoutSecrets) {
  FixtureRoot root;
  root.write(kPath, "[connection]\nid=Open\ntype=wifi\n[wifi]\nssid=Open\n", 0644);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
