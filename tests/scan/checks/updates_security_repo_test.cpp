// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.updates.security_repo";

TEST(UpdatesSecurityRepo, FailsWithoutSecuritySuite) {
  FixtureRoot root;
  root.write("/etc/debian_version", "12.5\n");
  root.write("/etc/os-release", "ID=debian\nVERSION_CODENAME=bookworm\n");
  root.write("/etc/apt/sources.list",
             "deb http://deb.debian.org/debian bookworm main\n"
             "deb-src http://security.debian.org/debian-security bookworm-security main\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("bookworm-security"), std::string::npos);
}

TEST(UpdatesSecurityRepo, PassesWithDeb822SecuritySuite) {
  FixtureRoot root;
  root.write("/etc/debian_version", "12.5\n");
  root.write("/etc/apt/sources.list.d/debian.sources",
             "Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\n"
             "Components: main\n\nTypes: deb\nURIs: http://security.debian.org/debian-security\n"
             "Suites: bookworm-security\nComponents: main\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(UpdatesSecurityRepo, NotApplicableOffDebianAndOnSid) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
  root.write("/etc/debian_version", "trixie/sid\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
