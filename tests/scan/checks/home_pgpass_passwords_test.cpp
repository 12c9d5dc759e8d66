// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "scan/home_fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.home.pgpass_passwords";

TEST(HomePgpassPasswords, PrivateFileWithPasswordsFails) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.pgpass", "# db\nlocalhost:5432:*:alice:s3cr3t\n", 0600);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].evidence,
            "password for alice@localhost:5432/* (/home/alice/.pgpass:2), 6 characters; mode "
            "0600, used by libpq");
  EXPECT_FALSE(r.issues[0].severity.has_value());
}

TEST(HomePgpassPasswords, ReadableFileIsIgnoredByLibpqAndHigh) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.pgpass", "db:5432:app:app:pw\n", 0644);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kHigh);
  EXPECT_NE(r.issues[0].evidence.find("readable by every user, and libpq ignores the file"),
            std::string::npos)
      << r.issues[0].evidence;
}

TEST(HomePgpassPasswords, PersonalGroupBitsOnlyMakeLibpqIgnoreIt) {
  if (!running_as_root()) GTEST_SKIP() << "needs root for chown";
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.pgpass", "db:5432:app:app:pw\n", 0660);
  root.chown("/home/alice/.pgpass", alice_uid(), alice_uid());
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_FALSE(r.issues[0].severity.has_value());
  EXPECT_NE(r.issues[0].evidence.find("mode 0660, and libpq ignores the file"), std::string::npos)
      << r.issues[0].evidence;
}

TEST(HomePgpassPasswords, PassesWithoutPasswords) {
  FixtureRoot root;
  add_alice(root);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
  root.write("/home/alice/.pgpass", "db:5432:app:app:\nshort:line\n", 0600);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass);
  EXPECT_EQ(r.input_errors.size(), 1u);
}

}  // namespace
}  // namespace sw::test
