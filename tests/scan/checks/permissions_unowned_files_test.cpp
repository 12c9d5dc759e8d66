// SPDX-License-Identifier: Apache-2.0
#include <unistd.h>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.permissions.unowned_files";

TEST(PermissionsUnownedFiles, PassesWhenEveryOwnerIsKnown) {
  FixtureRoot root;
  root.write("/etc/passwd", fmt::format("me:x:{}:{}::/:/bin/sh\n", ::getuid(), ::getgid()));
  root.write("/etc/group", fmt::format("me:x:{}:\n", ::getgid()));
  root.write("/srv/data", "x");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(PermissionsUnownedFiles, FailsOnUnknownUserAndGroup) {
  FixtureRoot root;
  uint32_t other = ::getuid() == 4242 ? 4343 : 4242;
  root.write("/etc/passwd", fmt::format("ghost:x:{}:{}::/:/bin/sh\n", other, other));
  root.write("/etc/group", fmt::format("ghost:x:{}:\n", other));
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 4u);  // /, /etc, /etc/group, /etc/passwd
  EXPECT_EQ(r.issues[3].subject, "/etc/passwd");
  EXPECT_NE(r.issues[3].evidence.find(fmt::format("user ID {} has no passwd entry", ::getuid())),
            std::string::npos)
      << r.issues[3].evidence;
  EXPECT_NE(r.issues[3].evidence.find("has no group entry"), std::string::npos);
}

TEST(PermissionsUnownedFiles, UnreadablePasswdIsAnError) {
  FixtureRoot root;
  root.write("/srv/data", "x");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kError);
}

TEST(PermissionsUnownedFiles, NotApplicableWithoutWalk) {
  FixtureRoot root;
  auto r = root.run_check(kId, false, scan::ScanOptions{.walk = false});
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
