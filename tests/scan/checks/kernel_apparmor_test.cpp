// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.kernel.apparmor";

void debian_with_apparmor(FixtureRoot& root) {
  root.write("/var/lib/dpkg/status", dpkg_stanza("apparmor"));
  root.write("/etc/default/grub",
             "GRUB_CMDLINE_LINUX_DEFAULT=\"quiet\"\nGRUB_CMDLINE_LINUX=\"\"\n");
}

TEST(KernelApparmor, PassesWhenInstalledEnabledAndEnforcing) {
  FixtureRoot root;
  debian_with_apparmor(root);
  root.write("/sys/module/apparmor/parameters/enabled", "Y\n");
  root.write("/sys/kernel/security/apparmor/profiles",
             "/usr/sbin/cupsd (enforce)\nnvidia_modprobe (enforce)\n");
  auto r = root.run_check(kId, /*live=*/true);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("2 profiles enforcing"), std::string::npos);
}

TEST(KernelApparmor, FailsWhenPackageMissingOrBootDisablesIt) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", dpkg_stanza("bash"));
  root.write("/etc/default/grub", "GRUB_CMDLINE_LINUX=\"apparmor=0 quiet\"\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].subject, "package apparmor");
  EXPECT_NE(r.issues[1].evidence.find("apparmor=0"), std::string::npos);
}

TEST(KernelApparmor, LsmListWithoutApparmorFails) {
  FixtureRoot root;
  debian_with_apparmor(root);
  root.write("/etc/default/grub.d/lsm.cfg",
             "GRUB_CMDLINE_LINUX=\"$GRUB_CMDLINE_LINUX lsm=landlock,yama\"\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("lsm=landlock,yama"), std::string::npos);
}

TEST(KernelApparmor, LiveKernelWithoutApparmorAndComplainProfiles) {
  FixtureRoot root;
  debian_with_apparmor(root);
  auto none = root.run_check(kId, true);
  ASSERT_EQ(none.status, CheckStatus::kFail);
  EXPECT_EQ(none.issues[0].subject, "running kernel");

  root.write("/sys/module/apparmor/parameters/enabled", "Y\n");
  root.write("/sys/kernel/security/apparmor/profiles", "a (enforce)\nb (complain)\n");
  auto complain = root.run_check(kId, true);
  ASSERT_EQ(complain.status, CheckStatus::kFail);
  EXPECT_EQ(complain.issues[0].severity, Severity::kLow);
}

TEST(KernelApparmor, SelinuxEnforcingCountsAndContainersAreNotApplicable) {
  FixtureRoot root;
  root.write("/sys/fs/selinux/enforce", "1");
  EXPECT_EQ(root.run_check(kId, true).status, CheckStatus::kPass);
  FixtureRoot container;
  container.write("/.dockerenv", "");
  EXPECT_EQ(container.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
