// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.accounts.su_restricted";
constexpr const char* kPasswd =
    "root:x:0:0:root:/root:/bin/bash\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "alice:x:1000:1000::/home/alice:/bin/bash\n";
constexpr const char* kGroup = "root:x:0:\nshadow:x:42:\nalice:x:1000:\nsudo:x:27:alice\n";
constexpr const char* kShadow = "root:*:1::::::\ndaemon:*:1::::::\nalice:$y$a$b:1::::::\n";

TEST(AccountsSuRestricted, FailsWhenPamWheelIsCommentedOut) {
  FixtureRoot root;
  root.write("/etc/pam.d/su",
             "auth sufficient pam_rootok.so\n# auth required pam_wheel.so\n"
             "@include common-auth\n");
  root.write("/etc/pam.d/common-auth", "auth required pam_unix.so\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].subject, "/etc/pam.d/su");
}

TEST(AccountsSuRestricted, MissingGroupIsLow) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswd);
  root.write("/etc/group", kGroup);
  root.write("/etc/pam.d/su", "auth required pam_wheel.so use_uid group=sugroup\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kLow);
}

TEST(AccountsSuRestricted, PassesWithExistingGroup) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswd);
  root.write("/etc/group", std::string(kGroup) + "sugroup:x:1500:\n");
  root.write("/etc/pam.d/su", "auth required pam_wheel.so use_uid group=sugroup\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(AccountsSuRestricted, NoSuIsNotApplicable) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
