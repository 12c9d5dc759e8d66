// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.accounts.sudo_use_pty";

TEST(AccountsSudoUsePty, PassesWithDefaultsUsePty) {
  FixtureRoot root;
  root.write("/etc/sudoers",
             "Defaults\tenv_reset\nDefaults\tuse_pty\nroot\tALL=(ALL:ALL) ALL\n"
             "@includedir /etc/sudoers.d\n",
             0440);
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
  EXPECT_NE(r.detail.find("/etc/sudoers:2"), std::string::npos);
}

TEST(AccountsSudoUsePty, LaterNegationInAnIncludeWins) {
  FixtureRoot root;
  root.write("/etc/sudoers", "Defaults use_pty\n@includedir /etc/sudoers.d\n", 0440);
  root.write("/etc/sudoers.d/legacy", "Defaults !use_pty\n", 0440);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].location.path, "/etc/sudoers.d/legacy");
  EXPECT_EQ(r.issues[0].location.line, 1);
}

TEST(AccountsSudoUsePty, UnsetFailsAndUserBoundDoesNotCount) {
  FixtureRoot root;
  root.write("/etc/sudoers", "Defaults:alice use_pty\nroot ALL=(ALL) ALL\n", 0440);
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("no 'Defaults use_pty'"), std::string::npos);
}

TEST(AccountsSudoUsePty, NoSudoIsNotApplicable) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
