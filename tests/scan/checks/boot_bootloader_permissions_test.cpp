// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.boot.bootloader_permissions";

TEST(BootBootloaderPermissions, Mode0400Passes) {
  if (!running_as_root()) GTEST_SKIP() << "needs root to own the file as root";
  FixtureRoot root;
  root.write("/boot/grub/grub.cfg", "menuentry x {}\n", 0400);
  root.chown("/boot/grub/grub.cfg", 0, 0);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(BootBootloaderPermissions, WorldReadableFails) {
  FixtureRoot root;
  root.write("/boot/grub/grub.cfg", "menuentry x {}\n", 0644);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  bool mode_issue = false;
  for (const auto& i : r.issues) {
    if (i.evidence.find("0644") != std::string::npos) mode_issue = true;
  }
  EXPECT_TRUE(mode_issue);
}

TEST(BootBootloaderPermissions, NotOwnedByRootFails) {
  if (running_as_root()) GTEST_SKIP() << "files written by root are owned by root";
  FixtureRoot root;
  root.write("/boot/grub/grub.cfg", "x\n", 0600);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("not root"), std::string::npos);
}

TEST(BootBootloaderPermissions, SystemdBootSeedReadableFails) {
  FixtureRoot root;
  root.write("/boot/efi/loader/loader.conf", "timeout 3\n", 0600);
  root.write("/boot/efi/loader/random-seed", "xxxx", 0644);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].subject, "/boot/efi/loader/random-seed");
}

TEST(BootBootloaderPermissions, SystemdBootPrivatePasses) {
  FixtureRoot root;
  root.write("/boot/loader/loader.conf", "timeout 3\n", 0600);
  root.write("/boot/loader/entries/debian.conf", "title Debian\n", 0600);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(BootBootloaderPermissions, NoBootLoaderIsNotApplicable) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

TEST(BootBootloaderPermissions, ContainerIsNotApplicable) {
  FixtureRoot root;
  root.write("/run/.containerenv", "");
  root.write("/boot/grub/grub.cfg", "x\n", 0644);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
