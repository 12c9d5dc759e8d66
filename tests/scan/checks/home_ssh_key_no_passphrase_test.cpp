// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "scan/home_fixture.h"
#include "scan/home_test_keys.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.home.ssh_key_no_passphrase";

TEST(HomeSshKeyNoPassphrase, FailsOnUnprotectedKeysWhateverTheirName) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.ssh/id_ed25519", keys::kEd25519Encrypted, 0600);
  root.write("/home/alice/.ssh/deploy-prod", keys::kPemRsa1024, 0600);
  root.write("/home/alice/.ssh/work.ppk", keys::kPuttyPlain, 0600);
  root.write("/home/alice/.ssh/known_hosts", "example.com ssh-ed25519 AAAA\n", 0644);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_EQ(r.issues[0].subject, "/home/alice/.ssh/deploy-prod");
  EXPECT_EQ(r.issues[0].owner_name, "alice");
  EXPECT_NE(r.issues[0].evidence.find("ssh-rsa key of 1024 bits in PEM format"), std::string::npos)
      << r.issues[0].evidence;
  EXPECT_EQ(r.issues[1].subject, "/home/alice/.ssh/work.ppk");
}

TEST(HomeSshKeyNoPassphrase, PassesWhenEveryKeyIsEncrypted) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.ssh/id_ed25519", keys::kEd25519Encrypted, 0600);
  root.write("/home/alice/.ssh/id_ed25519.pub", keys::kEd25519Pub, 0644);
  root.write("/root/.ssh/legacy", keys::kPemRsaEncrypted, 0600);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("2 private key(s)"), std::string::npos) << r.detail;
}

TEST(HomeSshKeyNoPassphrase, NotApplicableWithoutKeys) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.ssh/authorized_keys", keys::kEd25519Pub, 0600);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable) << r.detail;
}

TEST(HomeSshKeyNoPassphrase, UnparsableKeyIsAnErrorBesideFailures) {
  FixtureRoot root;
  add_alice(root);
  root.write("/home/alice/.ssh/id_rsa", keys::kRsa1024Plain, 0600);
  root.write("/home/alice/.ssh/broken",
             "-----BEGIN OPENSSH PRIVATE KEY-----\n!!!\n-----END OPENSSH PRIVATE KEY-----\n", 0600);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues.size(), 1u);
  EXPECT_NE(r.detail.find("/home/alice/.ssh/broken"), std::string::npos) << r.detail;
  ASSERT_EQ(r.input_errors.size(), 1u);
}

TEST(HomeSshKeyNoPassphrase, OnlyTheSelectedHome) {
  FixtureRoot root;
  add_alice(root);
  root.write("/root/.ssh/id_rsa", keys::kRsa1024Plain, 0600);
  auto r = root.run_check(kId, false, {.all_homes = false, .home_uid = alice_uid()});
  EXPECT_EQ(r.status, CheckStatus::kNotApplicable) << r.detail;
}

}  // namespace
}  // namespace sw::test
