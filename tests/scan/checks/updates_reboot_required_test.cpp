// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.updates.reboot_required";

TEST(UpdatesRebootRequired, FailsWithRebootRequiredAndPackages) {
  FixtureRoot root;
  root.write("/run/reboot-required", "*** System restart required ***\n");
  root.write("/run/reboot-required.pkgs", "linux-image-6.1.0-18-amd64\nlibc6\nlibc6\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("linux-image-6.1.0-18-amd64, libc6"), std::string::npos);
}

TEST(UpdatesRebootRequired, LiveFailsOnNewerInstalledKernel) {
  FixtureRoot root;
  root.write("/proc/sys/kernel/osrelease", "6.1.0-9-amd64\n");
  root.write("/boot/vmlinuz-6.1.0-9-amd64", "");
  root.write("/boot/vmlinuz-6.1.0-18-amd64", "");
  root.write("/boot/vmlinuz-6.1.0-20-cloud-amd64", "");  // another flavour: ignored
  auto r = root.run_check(kId, true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_EQ(
      r.issues[0].evidence,
      "running kernel 6.1.0-9-amd64, installed 6.1.0-18-amd64 (/boot/vmlinuz-6.1.0-18-amd64)");
}

TEST(UpdatesRebootRequired, LivePassesOnNewestKernel) {
  FixtureRoot root;
  root.write("/proc/sys/kernel/osrelease", "6.1.0-18-amd64\n");
  root.write("/boot/vmlinuz-6.1.0-9-amd64", "");
  root.write("/boot/vmlinuz-6.1.0-18-amd64", "");
  EXPECT_EQ(root.run_check(kId, true).status, CheckStatus::kPass);
}

TEST(UpdatesRebootRequired, ImageWithoutFlagIsNotApplicable) {
  FixtureRoot root;
  root.write("/boot/vmlinuz-6.1.0-18-amd64", "");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
