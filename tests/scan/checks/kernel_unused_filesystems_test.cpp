// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.kernel.unused_filesystems";

constexpr const char* kDep =
    "kernel/fs/cramfs/cramfs.ko.xz:\n"
    "kernel/fs/hfs/hfs.ko.xz:\n"
    "kernel/fs/squashfs/squashfs.ko.xz:\n"
    "kernel/drivers/usb/storage/usb-storage.ko.xz: kernel/drivers/scsi/scsi_mod.ko.xz\n";

constexpr const char* kDisabled =
    "install cramfs /bin/false\nblacklist cramfs\n"
    "install hfs /bin/true\n"
    "blacklist squashfs\n"
    "install usb-storage /bin/false\n";

TEST(KernelUnusedFilesystems, PassesWhenAllShippedModulesDisabled) {
  FixtureRoot root;
  root.write("/lib/modules/6.1.0-10-amd64/modules.dep", kDep);
  root.write("/etc/modprobe.d/cis.conf", kDisabled);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("usb-storage: install /bin/false"), std::string::npos) << r.detail;
}

TEST(KernelUnusedFilesystems, FailsForShippedModuleNotDisabled) {
  FixtureRoot root;
  root.write("/lib/modules/6.1.0-10-amd64/modules.dep", kDep);
  root.write("/etc/modprobe.d/cis.conf", "install cramfs /bin/false\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 3u);  // hfs, squashfs, usb-storage
  EXPECT_EQ(r.issues[0].subject, "module hfs");
}

TEST(KernelUnusedFilesystems, FirstInstallCommandWins) {
  FixtureRoot root;
  root.write("/lib/modules/6.1.0-10-amd64/modules.dep", "kernel/fs/hfs/hfs.ko.xz:\n");
  root.write("/etc/modprobe.d/10-load.conf", "install hfs /sbin/modprobe --ignore-install hfs\n");
  root.write("/etc/modprobe.d/90-cis.conf", "install hfs /bin/false\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_EQ(r.issues[0].location.path, "/etc/modprobe.d/10-load.conf");
}

TEST(KernelUnusedFilesystems, LoadedModuleFailsLive) {
  FixtureRoot root;
  root.write("/proc/sys/kernel/osrelease", "6.1.0-10-amd64\n");
  root.write("/lib/modules/6.1.0-10-amd64/modules.dep", kDep);
  root.write("/etc/modprobe.d/cis.conf", kDisabled);
  root.write("/proc/modules", "usb_storage 81920 0 - Live 0x0000000000000000\n");
  auto r = root.run_check(kId, /*live=*/true);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "module usb-storage");
}

TEST(KernelUnusedFilesystems, SquashfsSkippedWithSnapd) {
  FixtureRoot root;
  root.write("/lib/modules/6.1.0-10-amd64/modules.dep", "kernel/fs/squashfs/squashfs.ko.xz:\n");
  root.write("/usr/lib/snapd/snapd", "", 0755);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("snapd"), std::string::npos);
}

TEST(KernelUnusedFilesystems, NotApplicableWithoutModuleTree) {
  FixtureRoot root;
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable) << r.detail;
}

}  // namespace
}  // namespace sw::test
