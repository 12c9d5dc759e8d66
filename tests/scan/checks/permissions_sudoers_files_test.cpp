// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.permissions.sudoers_files";

void sudo(FixtureRoot& root) {
  root.write("/usr/bin/sudo", "elf", 04755);
  root.write("/etc/sudoers", "root ALL=(ALL:ALL) ALL\n@includedir /etc/sudoers.d\n", 0440);
  root.mkdir("/etc/sudoers.d", 0755);
  root.write("/etc/sudoers.d/README", "#\n", 0440);
}

TEST(PermissionsSudoersFiles, PassesForRootOwnedReadOnlyFiles) {
  if (!running_as_root()) GTEST_SKIP() << "files must be root-owned";
  FixtureRoot root;
  sudo(root);
  root.write("/etc/sudoers.d/ops", "%ops ALL=(ALL) ALL\n", 0400);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(PermissionsSudoersFiles, FailsOnWorldWritableDropIn) {
  FixtureRoot root;
  sudo(root);
  root.write("/etc/sudoers.d/ops", "%ops ALL=(ALL) ALL\n", 0666);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  bool found = false;
  for (const auto& i : r.issues) {
    if (i.subject == "/etc/sudoers.d/ops") {
      found = true;
      EXPECT_EQ(i.severity, Severity::kHigh);
    }
  }
  EXPECT_TRUE(found);
}

TEST(PermissionsSudoersFiles, ReadableByOthersIsMedium) {
  if (!running_as_root()) GTEST_SKIP() << "owner must be root to isolate the mode";
  FixtureRoot root;
  sudo(root);
  root.chmod("/etc/sudoers", 0644);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].severity, Severity::kMedium);
}

TEST(PermissionsSudoersFiles, NotApplicableWithoutSudo) {
  FixtureRoot root;
  root.mkdir("/etc");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
