// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.time.sync";

void add_unit(FixtureRoot& root, const std::string& unit, bool enable) {
  root.write("/lib/systemd/system/" + unit, "[Service]\n");
  if (enable) {
    root.symlink("/lib/systemd/system/" + unit,
                 "/etc/systemd/system/multi-user.target.wants/" + unit);
  }
}

TEST(TimeSync, OneDaemonPasses) {
  FixtureRoot root;
  add_unit(root, "systemd-timesyncd.service", true);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(TimeSync, NoneIsMedium) {
  FixtureRoot root;
  add_unit(root, "chrony.service", false);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_FALSE(r.issues[0].severity.has_value());
  EXPECT_NE(r.issues[0].evidence.find("chrony"), std::string::npos);
}

TEST(TimeSync, TwoAtOnceIsLow) {
  FixtureRoot root;
  add_unit(root, "systemd-timesyncd.service", true);
  add_unit(root, "chrony.service", true);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kLow);
}

TEST(TimeSync, SysvScriptCounts) {
  FixtureRoot root;
  root.write("/etc/init.d/ntp", "#!/bin/sh\n");
  root.symlink("../init.d/ntp", "/etc/rc2.d/S01ntp");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(TimeSync, ContainerIsNotApplicable) {
  FixtureRoot root;
  root.write("/.dockerenv", "");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
