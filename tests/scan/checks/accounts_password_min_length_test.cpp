// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.accounts.password_min_length";
constexpr const char* kPasswd =
    "root:x:0:0:root:/root:/bin/bash\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "alice:x:1000:1000::/home/alice:/bin/bash\n";
constexpr const char* kGroup = "root:x:0:\nshadow:x:42:\nalice:x:1000:\nsudo:x:27:alice\n";

TEST(AccountsPasswordMinLength, DefaultPwqualityIsMediumWithoutMfa) {
  FixtureRoot root;
  root.write("/etc/pam.d/common-password",
             "password requisite pam_pwquality.so retry=3\n"
             "password [success=1 default=ignore] pam_unix.so obscure use_authtok yescrypt\n");
  root.write("/etc/pam.d/common-auth", "auth required pam_unix.so\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kMedium);
  EXPECT_NE(r.issues[0].evidence.find("8 characters"), std::string::npos) << r.issues[0].evidence;
}

TEST(AccountsPasswordMinLength, ArgumentOverridesFileAndShortIsHigh) {
  FixtureRoot root;
  root.write("/etc/security/pwquality.conf", "minlen = 16\n");
  root.write("/etc/pam.d/common-password", "password requisite pam_pwquality.so minlen=6\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kHigh);
  EXPECT_EQ(r.issues[0].location.path, "/etc/pam.d/common-password");
}

TEST(AccountsPasswordMinLength, MfaMakesItLow) {
  FixtureRoot root;
  root.write("/etc/security/pwquality.conf", "minlen = 12\n");
  root.write("/etc/pam.d/common-password", "password requisite pam_pwquality.so\n");
  root.write("/etc/pam.d/common-auth", "auth required pam_google_authenticator.so\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kLow);
}

TEST(AccountsPasswordMinLength, PassesWith15FromDropIn) {
  FixtureRoot root;
  root.write("/etc/security/pwquality.conf", "# nothing\n");
  root.write("/etc/security/pwquality.conf.d/50-len.conf", "minlen = 15\n");
  root.write("/etc/pam.d/common-password", "password requisite pam_pwquality.so\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(AccountsPasswordMinLength, NoPasswordStackIsNotApplicable) {
  FixtureRoot root;
  root.write("/etc/pam.d/login", "auth required pam_unix.so\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
