// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.accounts.pam_nullok";
constexpr const char* kPasswd =
    "root:x:0:0:root:/root:/bin/bash\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "alice:x:1000:1000::/home/alice:/bin/bash\n";
constexpr const char* kGroup = "root:x:0:\nshadow:x:42:\nalice:x:1000:\nsudo:x:27:alice\n";

TEST(AccountsPamNullok, FailsAndIsCriticalWithEmptyPasswordAccount) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswd);
  root.write("/etc/shadow", "root:*:1::::::\nalice::1::::::\n");
  root.write("/etc/pam.d/common-auth", "auth [success=1 default=ignore] pam_unix.so nullok\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].severity, Severity::kCritical);
  EXPECT_NE(r.issues[0].evidence.find("alice"), std::string::npos);
}

TEST(AccountsPamNullok, FailsMediumWithoutEmptyAccounts) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswd);
  root.write("/etc/shadow", "root:*:1::::::\n");
  root.write("/etc/pam.d/common-auth", "auth required pam_unix.so nullok\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_FALSE(r.issues[0].severity.has_value());
}

TEST(AccountsPamNullok, PassesWithoutNullok) {
  FixtureRoot root;
  root.write("/etc/pam.d/common-auth", "auth required pam_unix.so\n");
  root.write("/etc/pam.d/common-password", "password required pam_unix.so nullok\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(AccountsPamNullok, NoPamIsNotApplicable) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
