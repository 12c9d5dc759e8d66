// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.accounts.empty_password";
constexpr const char* kPasswd =
    "root:x:0:0:root:/root:/bin/bash\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "alice:x:1000:1000::/home/alice:/bin/bash\n";
constexpr const char* kGroup = "root:x:0:\nshadow:x:42:\nalice:x:1000:\nsudo:x:27:alice\n";

TEST(AccountsEmptyPassword, FailsAndMentionsNullok) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswd);
  root.write("/etc/shadow",
             "root:$6$abc$def:19000:0:99999:7:::\ndaemon:*:19000::::::\nalice::19000::::::\n");
  root.write("/etc/pam.d/common-auth", "auth [success=1 default=ignore] pam_unix.so nullok\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail) << r.detail;
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "account alice");
  EXPECT_EQ(r.issues[0].location.line, 3);
  EXPECT_NE(r.issues[0].evidence.find("nullok at /etc/pam.d/common-auth:1"), std::string::npos);
}

TEST(AccountsEmptyPassword, PassesWhenAllHaveHashesOrAreLocked) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswd);
  root.write("/etc/shadow",
             "root:$y$j9T$a$b:19000::::::\ndaemon:*:19000::::::\nalice:!:19000::::::\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(AccountsEmptyPassword, UnreadableShadowIsAnError) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswd);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kError);
  EXPECT_NE(r.detail.find("/etc/shadow"), std::string::npos);
}

}  // namespace
}  // namespace sw::test
