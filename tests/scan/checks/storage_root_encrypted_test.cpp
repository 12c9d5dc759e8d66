// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.storage.root_encrypted";

TEST(StorageRootEncrypted, MapperInCrypttabPasses) {
  FixtureRoot root;
  root.write("/etc/fstab", "/dev/mapper/root_crypt / ext4 defaults 0 1\n");
  root.write("/etc/crypttab", "root_crypt UUID=1234 none luks,discard\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(StorageRootEncrypted, LvmBesideCrypttabIsLikely) {
  FixtureRoot root;
  root.write("/etc/fstab", "/dev/mapper/debian--vg-root / ext4 errors=remount-ro 0 1\n");
  root.write("/etc/crypttab", "sda3_crypt UUID=1234 none luks,discard\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass);
  EXPECT_NE(r.detail.find("likely"), std::string::npos);
}

TEST(StorageRootEncrypted, PlainUuidWithoutCrypttabFails) {
  FixtureRoot root;
  root.write("/etc/fstab", "UUID=abcd / ext4 defaults 0 1\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_FALSE(r.issues[0].severity.has_value());
}

TEST(StorageRootEncrypted, LiveSysfsCryptBelowLvmPasses) {
  FixtureRoot root;
  root.write("/proc/self/mounts", "/dev/mapper/vg-root / ext4 rw 0 0\n");
  root.write("/sys/block/dm-1/dm/name", "vg-root\n");
  root.write("/sys/block/dm-1/dm/uuid", "LVM-abc\n");
  root.mkdir("/sys/block/dm-1/slaves/dm-0");
  root.write("/sys/block/dm-0/dm/name", "nvme0n1p3_crypt\n");
  root.write("/sys/block/dm-0/dm/uuid", "CRYPT-LUKS2-abc-nvme0n1p3_crypt\n");
  auto r = root.run_check(kId, true);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("nvme0n1p3_crypt"), std::string::npos);
}

TEST(StorageRootEncrypted, LivePlainDmInVmIsLow) {
  FixtureRoot root;
  root.write("/proc/self/mounts", "/dev/mapper/vg-root / ext4 rw 0 0\n");
  root.write("/sys/block/dm-0/dm/name", "vg-root\n");
  root.write("/sys/block/dm-0/dm/uuid", "LVM-abc\n");
  root.mkdir("/sys/block/dm-0/slaves/sda2");
  root.write("/sys/class/dmi/id/sys_vendor", "QEMU\n");
  auto r = root.run_check(kId, true);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kLow);
}

TEST(StorageRootEncrypted, ContainerIsNotApplicable) {
  FixtureRoot root;
  root.write("/.dockerenv", "");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
