// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.storage.swap_encrypted";

TEST(StorageSwapEncrypted, NoSwapPasses) {
  FixtureRoot root;
  root.write("/etc/fstab", "UUID=a / ext4 defaults 0 1\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass);
  EXPECT_NE(r.detail.find("no swap"), std::string::npos);
}

TEST(StorageSwapEncrypted, PlainSwapPartitionFails) {
  FixtureRoot root;
  root.write("/etc/fstab", "UUID=a / ext4 defaults 0 1\n/dev/sda5 none swap sw 0 0\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].location.line, 2);
}

TEST(StorageSwapEncrypted, RandomKeyCryptSwapPasses) {
  FixtureRoot root;
  root.write("/etc/fstab", "/dev/mapper/cswap none swap sw 0 0\n");
  root.write("/etc/crypttab", "cswap /dev/sda5 /dev/urandom swap,cipher=aes-xts-plain64\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass);
  EXPECT_NE(r.detail.find("random key"), std::string::npos);
}

TEST(StorageSwapEncrypted, LiveZramPasses) {
  FixtureRoot root;
  root.write("/proc/self/mounts", "/dev/sda1 / ext4 rw 0 0\n");
  root.write("/proc/swaps",
             "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n/dev/zram0 partition 1000 0 100\n");
  EXPECT_EQ(root.run_check(kId, true).status, CheckStatus::kPass);
}

TEST(StorageSwapEncrypted, SwapFileOnPlainRootFails) {
  FixtureRoot root;
  root.write("/etc/fstab", "/dev/sda1 / ext4 defaults 0 1\n/swap\\040file none swap sw 0 0\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].subject, "swap /swap file");
}

}  // namespace
}  // namespace sw::test
