// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.permissions.world_writable_files";

TEST(PermissionsWorldWritableFiles, PassesWithoutWorldWritableFiles) {
  FixtureRoot root;
  root.write("/etc/motd", "hi", 0644);
  root.mkdir("/tmp", 01777);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(PermissionsWorldWritableFiles, FailsPerFileHighInSystemPaths) {
  FixtureRoot root;
  root.write("/etc/cron.daily/job", "#!/bin/sh\n", 0777);
  root.write("/tmp/shared.log", "", 0666);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].subject, "/etc/cron.daily/job");
  EXPECT_EQ(r.issues[0].severity, Severity::kHigh);
  EXPECT_EQ(r.issues[1].subject, "/tmp/shared.log");
  EXPECT_FALSE(r.issues[1].severity.has_value());
}

TEST(PermissionsWorldWritableFiles, FileInAPersonsHomeIsTheirs) {
  FixtureRoot root;
  root.write("/etc/passwd", "root:x:0:0::/root:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\n");
  root.write("/home/alice/notes.txt", "", 0666);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].role, Role::kUser);
  EXPECT_EQ(r.issues[0].owner_name, "alice");
}

TEST(PermissionsWorldWritableFiles, ListsAFewThenCounts) {
  FixtureRoot root;
  for (int i = 0; i < 60; ++i) root.write(fmt::format("/data/f{:02}", i), "", 0666);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 51u);
  EXPECT_NE(r.issues.back().evidence.find("10 more"), std::string::npos);
}

TEST(PermissionsWorldWritableFiles, NotApplicableWithoutWalk) {
  FixtureRoot root;
  root.write("/data/f", "", 0666);
  auto r = root.run_check(kId, false, scan::ScanOptions{.walk = false});
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable);
  EXPECT_EQ(r.detail, "filesystem walk disabled (--no-walk)");
}

TEST(PermissionsWorldWritableFiles, UnreadableDirectoriesMakeItUndecided) {
  if (running_as_root()) GTEST_SKIP() << "root reads every directory";
  FixtureRoot root;
  root.write("/data/locked/f", "", 0644);
  root.chmod("/data/locked", 0);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kError);
  EXPECT_NE(r.detail.find("could not read 1 directory"), std::string::npos) << r.detail;
}

}  // namespace
}  // namespace sw::test
