// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.accounts.password_hash_method";
constexpr const char* kPasswd =
    "root:x:0:0:root:/root:/bin/bash\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "alice:x:1000:1000::/home/alice:/bin/bash\n";
constexpr const char* kGroup = "root:x:0:\nshadow:x:42:\nalice:x:1000:\nsudo:x:27:alice\n";

TEST(AccountsPasswordHashMethod, FailsOnWeakLoginDefsAndPam) {
  FixtureRoot root;
  root.write("/etc/login.defs", "ENCRYPT_METHOD SHA512\nENCRYPT_METHOD MD5\n");
  root.write("/etc/pam.d/common-password",
             "password [success=1 default=ignore] pam_unix.so obscure sha256\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 2u);
  EXPECT_NE(r.issues[0].evidence.find("MD5"), std::string::npos);
  EXPECT_EQ(r.issues[0].location.line, 2);
  EXPECT_NE(r.issues[1].evidence.find("SHA256"), std::string::npos);
}

TEST(AccountsPasswordHashMethod, UnsetEncryptMethodMeansDes) {
  FixtureRoot root;
  root.write("/etc/login.defs", "UMASK 022\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("DES"), std::string::npos);
}

TEST(AccountsPasswordHashMethod, PassesWithYescrypt) {
  FixtureRoot root;
  root.write("/etc/login.defs", "ENCRYPT_METHOD YESCRYPT\n");
  root.write("/etc/pam.d/common-password", "password required pam_unix.so obscure yescrypt\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("YESCRYPT"), std::string::npos);
}

TEST(AccountsPasswordHashMethod, NothingConfiguredIsNotApplicable) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
