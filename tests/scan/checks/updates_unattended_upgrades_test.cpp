// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.updates.unattended_upgrades";
constexpr const char* kStatus =
    "Package: unattended-upgrades\nStatus: install ok installed\nVersion: 2.9.1+nmu3\n"
    "Architecture: all\n\n";
constexpr const char* kAuto =
    "APT::Periodic::Update-Package-Lists \"1\";\nAPT::Periodic::Unattended-Upgrade \"1\";\n";
constexpr const char* kOrigins =
    "Unattended-Upgrade::Origins-Pattern {\n"
    "  \"origin=Debian,codename=${distro_codename},label=Debian-Security\";\n};\n";

TEST(UpdatesUnattendedUpgrades, PassesWhenConfigured) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", kStatus);
  root.write("/etc/apt/apt.conf.d/20auto-upgrades", kAuto);
  root.write("/etc/apt/apt.conf.d/50unattended-upgrades", kOrigins);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(UpdatesUnattendedUpgrades, LaterFileTurnsItOff) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", kStatus);
  root.write("/etc/apt/apt.conf.d/20auto-upgrades", kAuto);
  root.write("/etc/apt/apt.conf.d/50unattended-upgrades", kOrigins);
  root.write("/etc/apt/apt.conf.d/99off", "APT::Periodic::Unattended-Upgrade \"0\";\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].location.path, "/etc/apt/apt.conf.d/99off");
  EXPECT_EQ(r.issues[0].location.line, 1);
}

TEST(UpdatesUnattendedUpgrades, FailsWhenNotInstalled) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status",
             "Package: unattended-upgrades\nStatus: deinstall ok config-files\nVersion: 1\n\n");
  root.write("/etc/apt/apt.conf.d/20auto-upgrades", kAuto);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].package, "unattended-upgrades");
}

TEST(UpdatesUnattendedUpgrades, FailsWithoutSecurityOrigin) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", kStatus);
  root.write("/etc/apt/apt.conf.d/20auto-upgrades", kAuto);
  root.write("/etc/apt/apt.conf.d/50unattended-upgrades",
             "Unattended-Upgrade::Origins-Pattern { \"origin=Example\"; };\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].subject, "Unattended-Upgrade::Origins-Pattern");
}

TEST(UpdatesUnattendedUpgrades, NotApplicableWithoutApt) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
