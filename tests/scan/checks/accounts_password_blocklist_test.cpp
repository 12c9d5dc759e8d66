// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.accounts.password_blocklist";
constexpr const char* kPasswd =
    "root:x:0:0:root:/root:/bin/bash\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "alice:x:1000:1000::/home/alice:/bin/bash\n";
constexpr const char* kGroup = "root:x:0:\nshadow:x:42:\nalice:x:1000:\nsudo:x:27:alice\n";

TEST(AccountsPasswordBlocklist, FailsWithOnlyPamUnix) {
  FixtureRoot root;
  root.write("/etc/pam.d/common-password", "password required pam_unix.so yescrypt\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].location.path, "/etc/pam.d/common-password");
}

TEST(AccountsPasswordBlocklist, FailsWhenDictcheckIsOff) {
  FixtureRoot root;
  root.write("/etc/security/pwquality.conf", "dictcheck = 0\n");
  root.write("/etc/pam.d/common-password", "password requisite pam_pwquality.so\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("dictcheck=0"), std::string::npos);
}

TEST(AccountsPasswordBlocklist, PassesWithPwqualityDefault) {
  FixtureRoot root;
  root.write("/etc/pam.d/common-password", "password requisite pam_pwquality.so retry=3\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(AccountsPasswordBlocklist, NoPamIsNotApplicable) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
