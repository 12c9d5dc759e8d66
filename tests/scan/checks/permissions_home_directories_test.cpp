// SPDX-License-Identifier: Apache-2.0
#include <unistd.h>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.permissions.home_directories";

// alice's UID: 1000 when we can chown, else ours (tests need it to own the directory).
uint32_t alice_uid() { return running_as_root() ? 1000 : ::getuid(); }

// Without root, alice must be us, and we must look like a person (UID >= 1000, not nobody).
bool can_be_alice() { return running_as_root() || (::getuid() >= 1000 && ::getuid() != 65534); }

void with_alice(FixtureRoot& root, mode_t mode) {
  root.write("/etc/passwd",
             fmt::format("root:x:0:0::/root:/bin/sh\nalice:x:{0}:{0}::/home/alice:/bin/bash\n",
                         alice_uid()));
  root.mkdir("/home/alice", mode);
  if (running_as_root()) root.chown("/home/alice", 1000, 1000);
}

TEST(PermissionsHomeDirectories, PassesFor0750And0700) {
  if (!can_be_alice()) GTEST_SKIP() << "needs root or a personal UID";
  for (mode_t mode : {0750, 0700}) {
    FixtureRoot root;
    with_alice(root, mode);
    auto r = root.run_check(kId);
    EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  }
}

TEST(PermissionsHomeDirectories, ReadableByOthersIsMediumAndTheUsersPart) {
  if (!can_be_alice()) GTEST_SKIP() << "needs root or a personal UID";
  FixtureRoot root;
  with_alice(root, 0755);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "/home/alice");
  EXPECT_EQ(r.issues[0].severity, Severity::kMedium);
  EXPECT_EQ(r.issues[0].role, Role::kUser);
  EXPECT_EQ(r.issues[0].owner_name, "alice");
}

TEST(PermissionsHomeDirectories, WritableByOthersIsHigh) {
  if (!can_be_alice()) GTEST_SKIP() << "needs root or a personal UID";
  FixtureRoot root;
  with_alice(root, 0777);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kHigh);
}

TEST(PermissionsHomeDirectories, FailsWhenAnotherAccountOwnsIt) {
  if (!running_as_root()) GTEST_SKIP() << "needs chown";
  FixtureRoot root;
  with_alice(root, 0700);
  root.chown("/home/alice", 0, 0);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("not owned by alice"), std::string::npos);
  EXPECT_EQ(r.issues[0].role, Role::kAdmin);
}

TEST(PermissionsHomeDirectories, MissingHomeFails) {
  FixtureRoot root;
  root.write("/etc/passwd", "alice:x:1000:1000::/home/alice:/bin/bash\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].location.path, "/etc/passwd");
}

TEST(PermissionsHomeDirectories, NoPeopleIsNotApplicable) {
  FixtureRoot root;
  root.write("/etc/passwd", "root:x:0:0::/root:/bin/sh\ndaemon:x:1:1::/:/usr/sbin/nologin\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
