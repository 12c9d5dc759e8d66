// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "scan/home_fixture.h"
#include "scan/home_test_keys.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.home.ssh_weak_key";

TEST(HomeSshWeakKey, FailsOnDsaAndShortRsa) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.ssh/id_dsa", keys::kDsaPlain, 0600);
  root.write("/home/alice/.ssh/id_rsa", keys::kRsa1024Plain, 0600);
  root.write("/home/alice/.ssh/id_ed25519", keys::kEd25519Encrypted, 0600);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].evidence, "DSA (ssh-dss) key of 1024 bits in /home/alice/.ssh/id_dsa");
  EXPECT_EQ(r.issues[1].evidence, "RSA key of 1024 bits in /home/alice/.ssh/id_rsa");
  EXPECT_EQ(r.issues[1].owner_name, "alice");
}

TEST(HomeSshWeakKey, EncryptedPemKeyTakesItsSizeFromThePubFile) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.ssh/legacy", keys::kPemRsaEncrypted, 0600);
  root.write("/home/alice/.ssh/legacy.pub", keys::kRsa1024Pub, 0644);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  EXPECT_NE(r.issues[0].evidence.find("size from /home/alice/.ssh/legacy.pub"), std::string::npos);
}

TEST(HomeSshWeakKey, PassesOnModernKeys) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.ssh/id_ed25519", keys::kEd25519Plain, 0600);
  root.write("/home/alice/.ssh/id_ecdsa", keys::kEcdsa384Plain, 0600);
  root.write("/home/alice/.ssh/legacy", keys::kPemRsaEncrypted, 0600);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("1 of unknown type or size"), std::string::npos) << r.detail;
}

TEST(HomeSshWeakKey, NotApplicableWithoutKeys) {
  FixtureRoot root;
  add_alice(root);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
