// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.accounts.extra_uid0";

TEST(AccountsExtraUid0, PassesWithOnlyRoot) {
  FixtureRoot root;
  root.write("/etc/passwd",
             "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/bash\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(AccountsExtraUid0, FailsOnSecondUid0EvenWhenRootIsFine) {
  FixtureRoot root;
  root.write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\ntoor:x:0:0::/root:/bin/sh\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].subject, "account toor");
  EXPECT_EQ(r.issues[0].location.line, 2);
}

TEST(AccountsExtraUid0, MissingPasswdIsAnErrorNotAPass) {
  FixtureRoot root;
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kError);
  EXPECT_NE(r.detail.find("/etc/passwd"), std::string::npos);
}

TEST(AccountsExtraUid0, MalformedLineIsReportedAndSkipped) {
  FixtureRoot root;
  root.write("/etc/passwd",
             "root:x:0:0:root:/root:/bin/bash\nbroken line\nevil:x:0:0::/:/bin/sh\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.input_errors.size(), 1u);
  EXPECT_EQ(r.input_errors[0], "/etc/passwd:2: 1 fields, expected 7");
}

}  // namespace
}  // namespace sw::test
