// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.accounts.duplicate_ids";
constexpr const char* kPasswd =
    "root:x:0:0:root:/root:/bin/bash\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "alice:x:1000:1000::/home/alice:/bin/bash\n";
constexpr const char* kGroup = "root:x:0:\nshadow:x:42:\nalice:x:1000:\nsudo:x:27:alice\n";
constexpr const char* kShadow = "root:*:1::::::\ndaemon:*:1::::::\nalice:$y$a$b:1::::::\n";

TEST(AccountsDuplicateIds, FindsDuplicateUidNameAndGid) {
  FixtureRoot root;
  root.write("/etc/passwd", std::string(kPasswd) +
                                "bob:x:1000:1001::/home/bob:/bin/bash\n"
                                "bob:x:1002:1002::/:/bin/sh\n");
  root.write("/etc/group", std::string(kGroup) + "staff:x:27:\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 3u);
  EXPECT_EQ(r.issues[0].subject, "UID 1000");
  EXPECT_EQ(r.issues[1].subject, "user name bob");
  EXPECT_EQ(r.issues[2].subject, "GID 27");
}

TEST(AccountsDuplicateIds, PassesWhenUnique) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswd);
  root.write("/etc/group", kGroup);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(AccountsDuplicateIds, MissingGroupIsAnError) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswd);
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kError);
}

}  // namespace
}  // namespace sw::test
