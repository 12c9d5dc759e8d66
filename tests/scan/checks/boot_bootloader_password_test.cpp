// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.boot.bootloader_password";
constexpr const char* kHash = "grub.pbkdf2.sha512.10000.ABCDEF0123456789.FEDCBA9876543210";

TEST(BootBootloaderPassword, PassesWithSuperuserAndPbkdf2) {
  FixtureRoot root;
  root.write("/boot/grub/grub.cfg",
             std::string("set superusers=\"admin\"\npassword_pbkdf2 admin ") + kHash +
                 "\nmenuentry x {}\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_EQ(r.detail.find("pbkdf2.sha512"), std::string::npos);
}

TEST(BootBootloaderPassword, FailsWithoutPassword) {
  FixtureRoot root;
  root.write("/boot/grub/grub.cfg", "menuentry x {}\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
}

TEST(BootBootloaderPassword, SaysUpdateGrubWhenOnlyInGrubD) {
  FixtureRoot root;
  root.write("/boot/grub/grub.cfg", "menuentry x {}\n");
  root.write("/etc/grub.d/40_custom",
             std::string("#!/bin/sh\nexec tail -n +3 $0\n"
                         "set superusers=\"root\"\npassword_pbkdf2 root ") +
                 kHash + "\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("update-grub"), std::string::npos);
}

TEST(BootBootloaderPassword, PlainPasswordIsHighAndNotPrinted) {
  FixtureRoot root;
  root.write("/boot/grub/grub.cfg", "set superusers=\"root\"\npassword root hunter2secret\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].severity, Severity::kHigh);
  EXPECT_EQ(r.issues[0].evidence.find("hunter2"), std::string::npos);
}

TEST(BootBootloaderPassword, SystemdBootEditorDefaultOnFails) {
  FixtureRoot root;
  root.write("/boot/efi/loader/loader.conf", "timeout 3\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kFail);
  root.write("/boot/efi/loader/loader.conf", "timeout 3\neditor no\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(BootBootloaderPassword, NoBootLoaderIsNotApplicable) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
