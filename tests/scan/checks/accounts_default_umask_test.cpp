// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.accounts.default_umask";
constexpr const char* kPasswd =
    "root:x:0:0:root:/root:/bin/bash\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "alice:x:1000:1000::/home/alice:/bin/bash\n";
constexpr const char* kGroup = "root:x:0:\nshadow:x:42:\nalice:x:1000:\nsudo:x:27:alice\n";
constexpr const char* kShadow = "root:*:1::::::\ndaemon:*:1::::::\nalice:$y$a$b:1::::::\n";

TEST(AccountsDefaultUmask, Debian022IsLowAndMentionsUsergroups) {
  FixtureRoot root;
  root.write("/etc/login.defs", "UMASK\t\t022\nUSERGROUPS_ENAB yes\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kLow);
  EXPECT_NE(r.issues[0].evidence.find("002"), std::string::npos);
  EXPECT_EQ(r.issues[0].location.line, 1);
}

TEST(AccountsDefaultUmask, PamUmaskOverridesLoginDefs) {
  FixtureRoot root;
  root.write("/etc/login.defs", "UMASK 077\n");
  root.write("/etc/pam.d/common-session", "session optional pam_umask.so umask=0002\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kMedium);
  EXPECT_EQ(r.issues[0].location.path, "/etc/pam.d/common-session");
}

TEST(AccountsDefaultUmask, PassesWith027) {
  FixtureRoot root;
  root.write("/etc/login.defs", "UMASK 027\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(AccountsDefaultUmask, NothingSetIsKernelDefault022) {
  FixtureRoot root;
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kLow);
}

}  // namespace
}  // namespace sw::test
