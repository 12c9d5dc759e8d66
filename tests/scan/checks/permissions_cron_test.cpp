// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.permissions.cron";

void cron(FixtureRoot& root, mode_t file_mode, mode_t dir_mode) {
  root.write("/usr/sbin/cron", "elf", 0755);
  root.write("/etc/crontab", "SHELL=/bin/sh\n", file_mode);
  for (const char* d : {"/etc/cron.hourly", "/etc/cron.daily", "/etc/cron.weekly",
                        "/etc/cron.monthly", "/etc/cron.d"}) {
    root.mkdir(d, dir_mode);
  }
}

TEST(PermissionsCron, PassesWhenOnlyRootHasAccess) {
  if (!running_as_root()) GTEST_SKIP() << "files must be root-owned";
  FixtureRoot root;
  cron(root, 0600, 0700);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(PermissionsCron, DebianDefaultsAreLowFindings) {
  FixtureRoot root;
  cron(root, 0644, 0755);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 6u);
  if (running_as_root()) {
    for (const auto& i : r.issues) EXPECT_EQ(i.severity, Severity::kLow) << i.evidence;
  }
}

TEST(PermissionsCron, WritableByOthersIsHigh) {
  FixtureRoot root;
  cron(root, 0600, 0700);
  root.chmod("/etc/cron.d", 0777);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  bool found = false;
  for (const auto& i : r.issues) {
    if (i.subject == "/etc/cron.d") {
      found = true;
      EXPECT_EQ(i.severity, Severity::kHigh);
    }
  }
  EXPECT_TRUE(found);
}

TEST(PermissionsCron, NotApplicableWithoutCron) {
  FixtureRoot root;
  root.mkdir("/etc");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
