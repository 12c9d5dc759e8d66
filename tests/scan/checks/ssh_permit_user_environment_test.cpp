// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.ssh.permit_user_environment";

TEST(SshPermitUserEnvironment, YesFails) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "PermitUserEnvironment yes\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_FALSE(r.issues[0].severity.has_value());
}

TEST(SshPermitUserEnvironment, DefaultPasses) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "UsePAM yes\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(SshPermitUserEnvironment, NarrowPatternListIsLowWideOneIsNot) {
  FixtureRoot narrow;
  narrow.write("/etc/ssh/sshd_config", "PermitUserEnvironment LANG,LC_*\n");
  auto r = narrow.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kLow);
  FixtureRoot wide;
  wide.write("/etc/ssh/sshd_config", "PermitUserEnvironment LD_*\n");
  auto w = wide.run_check(kId);
  ASSERT_EQ(w.status, CheckStatus::kFail);
  EXPECT_FALSE(w.issues[0].severity.has_value());
  EXPECT_NE(w.issues[0].evidence.find("LD_PRELOAD"), std::string::npos);
}

TEST(SshPermitUserEnvironment, NotAllowedInMatch) {
  FixtureRoot root;
  root.write("/etc/ssh/sshd_config", "Match User x\nPermitUserEnvironment yes\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass);
  ASSERT_EQ(r.input_errors.size(), 1u);
}

}  // namespace
}  // namespace sw::test
