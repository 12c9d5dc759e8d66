// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "scan/home_fixture.h"
#include "scan/home_test_keys.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.home.authorized_keys_permissions";

TEST(HomeAuthorizedKeysPermissions, FailsWhenOthersCanWrite) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.ssh/authorized_keys", keys::kEd25519Pub, 0666);
  root.write("/home/alice/.ssh/authorized_keys2", keys::kEd25519Pub, 0600);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "/home/alice/.ssh/authorized_keys");
  EXPECT_EQ(r.issues[0].evidence,
            "/home/alice/.ssh/authorized_keys: mode 0666: writable by every user");
  EXPECT_EQ(r.issues[0].owner_name, "alice");
}

TEST(HomeAuthorizedKeysPermissions, GroupWriteIsFineOnlyForThePersonalGroup) {
  if (!running_as_root()) GTEST_SKIP() << "needs root for chown";
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.ssh/authorized_keys", keys::kEd25519Pub, 0664);
  root.chown("/home/alice/.ssh/authorized_keys", alice_uid(), alice_uid());
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
  root.chown("/home/alice/.ssh/authorized_keys", alice_uid(), 1);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("writable by group daemon (gid 1)"), std::string::npos);
}

TEST(HomeAuthorizedKeysPermissions, FailsWhenOwnedByAnotherAccount) {
  if (!running_as_root()) GTEST_SKIP() << "needs root for chown";
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.ssh/authorized_keys", keys::kEd25519Pub, 0600);
  root.chown("/home/alice/.ssh/authorized_keys", 1, 1);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("owned by daemon (uid 1)"), std::string::npos);
}

// The files come from sshd's effective AuthorizedKeysFile, with its %h / %u tokens.
TEST(HomeAuthorizedKeysPermissions, FollowsSshdAuthorizedKeysFile) {
  FixtureRoot root;
  add_alice(root);
  root.write("/usr/sbin/sshd", "", 0755);
  root.write("/etc/ssh/sshd_config",
             "AuthorizedKeysFile %h/.ssh/keys_%u /etc/ssh/authorized_keys/%u\n", 0600);
  root.write("/home/alice/.ssh/authorized_keys", keys::kEd25519Pub, 0666);  // not read by sshd
  root.write("/home/alice/.ssh/keys_alice", keys::kEd25519Pub, 0600);
  root.write("/etc/ssh/authorized_keys/alice", keys::kEd25519Pub, 0666);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "/etc/ssh/authorized_keys/alice");

  root.write("/etc/ssh/sshd_config", "AuthorizedKeysFile none\n", 0600);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

TEST(HomeAuthorizedKeysPermissions, PassesWhenPrivate) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.ssh/authorized_keys", keys::kEd25519Pub, 0600);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(HomeAuthorizedKeysPermissions, NotApplicableWithoutTheFile) {
  FixtureRoot root;
  add_alice(root);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
