// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.kernel.suid_core_dumps";

void write_good(FixtureRoot& root) {
  root.write("/etc/sysctl.d/60-core.conf", "fs.suid_dumpable = 0\n");
  root.write("/etc/security/limits.conf",
             "# defaults\n*               hard    core            0\n");
}

TEST(KernelSuidCoreDumps, PassesWithLimitAndNoCoredump) {
  FixtureRoot root;
  write_good(root);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("/etc/security/limits.conf:2"), std::string::npos) << r.detail;
}

TEST(KernelSuidCoreDumps, FailsOnSuidDumpable) {
  FixtureRoot root;
  write_good(root);
  root.write("/etc/sysctl.d/90-dev.conf", "fs.suid_dumpable = 2\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "fs.suid_dumpable");
  EXPECT_EQ(r.issues[0].location.path, "/etc/sysctl.d/90-dev.conf");
}

TEST(KernelSuidCoreDumps, FailsWithoutHardCoreLimit) {
  FixtureRoot root;
  root.write("/etc/security/limits.conf", "* soft core 0\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.issues[0].evidence.find("* hard core 0"), std::string::npos);
}

TEST(KernelSuidCoreDumps, LimitsDOverridesAndUserLinesAreReported) {
  FixtureRoot root;
  write_good(root);
  root.write("/etc/security/limits.d/90-dev.conf", "*  -  core  unlimited\nalice hard core 100\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].location.line, 1);
  EXPECT_NE(r.issues[1].evidence.find("alice"), std::string::npos);
}

TEST(KernelSuidCoreDumps, SystemdCoredumpDefaultsFail) {
  FixtureRoot root;
  write_good(root);
  root.write("/usr/lib/systemd/systemd-coredump", "", 0755);
  root.write("/etc/systemd/coredump.conf", "[Coredump]\n#Storage=external\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "systemd-coredump");
  EXPECT_NE(r.issues[0].evidence.find("Storage=external (default)"), std::string::npos)
      << r.issues[0].evidence;
}

TEST(KernelSuidCoreDumps, SystemdCoredumpDropinDisablesStorage) {
  FixtureRoot root;
  write_good(root);
  root.write("/usr/lib/systemd/systemd-coredump", "", 0755);
  root.write("/etc/systemd/coredump.conf", "[Coredump]\nStorage=external\n");
  root.write("/etc/systemd/coredump.conf.d/60-off.conf",
             "[Coredump]\nStorage=none\nProcessSizeMax=0\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(KernelSuidCoreDumps, LiveWeakValueFails) {
  FixtureRoot root;
  write_good(root);
  root.write("/proc/sys/fs/suid_dumpable", "1\n");
  auto r = root.run_check(kId, /*live=*/true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_NE(r.issues[0].evidence.find("live 1"), std::string::npos);
}

TEST(KernelSuidCoreDumps, NotApplicableInContainer) {
  FixtureRoot root;
  root.write("/run/.containerenv", "");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable) << r.detail;
}

}  // namespace
}  // namespace sw::test
