// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "scan/home_fixture.h"
#include "scan/home_test_keys.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.home.ssh_key_permissions";

TEST(HomeSshKeyPermissions, FailsOnReadableKeyAndWritableDir) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.ssh/id_ed25519", keys::kEd25519Encrypted, 0644);
  root.write("/home/alice/.ssh/id_ed25519.pub", keys::kEd25519Pub, 0644);
  root.write("/home/alice/.ssh/other", keys::kEd25519Plain, 0600);
  root.chmod("/home/alice/.ssh", 0777);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].subject, "/home/alice/.ssh");
  EXPECT_NE(r.issues[0].evidence.find("writable by every user"), std::string::npos);
  EXPECT_EQ(r.issues[1].subject, "/home/alice/.ssh/id_ed25519");
  EXPECT_NE(r.issues[1].evidence.find("mode 0644: readable by every user"), std::string::npos)
      << r.issues[1].evidence;
  EXPECT_EQ(r.issues[1].owner_name, "alice");
}

TEST(HomeSshKeyPermissions, PassesWhenPrivate) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.ssh/id_ed25519", keys::kEd25519Plain, 0600);
  root.write("/home/alice/.ssh/id_ed25519.pub", keys::kEd25519Pub, 0644);
  root.chmod("/home/alice/.ssh", 0700);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(HomeSshKeyPermissions, NotApplicableWithoutSshDir) {
  FixtureRoot root;
  add_alice(root);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable) << r.detail;
}

TEST(HomeSshKeyPermissions, KeyOwnedByAnotherAccount) {
  if (!running_as_root()) GTEST_SKIP() << "needs root for chown";
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.ssh/id_ed25519", keys::kEd25519Plain, 0600);
  root.chown("/home/alice/.ssh/id_ed25519", 4242, 4242);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_NE(r.issues[0].evidence.find("owned by uid 4242"), std::string::npos);
}

}  // namespace
}  // namespace sw::test
