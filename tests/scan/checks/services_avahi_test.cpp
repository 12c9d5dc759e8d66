// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.services.avahi";

void enabled_avahi(FixtureRoot& root, const std::string& extra) {
  root.write("/var/lib/dpkg/status",
             "Package: avahi-daemon\nStatus: install ok installed\nVersion: 0.8\n\n" + extra);
  root.write("/lib/systemd/system/avahi-daemon.service", "[Service]\n");
  root.symlink("/lib/systemd/system/avahi-daemon.service",
               "/etc/systemd/system/multi-user.target.wants/avahi-daemon.service");
}

TEST(ServicesAvahi, EnabledOnServerFails) {
  FixtureRoot root;
  enabled_avahi(root, "");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kFail);
}

TEST(ServicesAvahi, EnabledOnDesktopPasses) {
  FixtureRoot root;
  enabled_avahi(root, "Package: gdm3\nStatus: install ok installed\n\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(ServicesAvahi, MaskedPasses) {
  FixtureRoot root;
  enabled_avahi(root, "");
  root.symlink("/dev/null", "/etc/systemd/system/avahi-daemon.service");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

}  // namespace
}  // namespace sw::test
