// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.updates.apt_sources_secure";

TEST(UpdatesAptSourcesSecure, TrustedYesIsHigh) {
  FixtureRoot root;
  root.write("/etc/apt/sources.list",
             "deb https://deb.debian.org/debian bookworm main\n"
             "deb [trusted=yes] http://repo.example/ stable main\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].location.line, 2);
  EXPECT_FALSE(r.issues[0].severity.has_value());  // the check's high
}

TEST(UpdatesAptSourcesSecure, Deb822AllowInsecureAndGlobalSetting) {
  FixtureRoot root;
  root.write("/etc/apt/sources.list.d/x.sources",
             "Types: deb\nURIs: https://x.example/\nSuites: stable\nComponents: main\n"
             "Allow-Insecure: yes\n");
  root.write("/etc/apt/apt.conf.d/99insecure", "Acquire::AllowInsecureRepositories \"true\";\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues.size(), 2u);
}

TEST(UpdatesAptSourcesSecure, PlainHttpWithoutSignedByIsLow) {
  FixtureRoot root;
  root.write("/etc/apt/sources.list", "deb http://deb.debian.org/debian bookworm main\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].severity, Severity::kLow);
}

TEST(UpdatesAptSourcesSecure, PassesWithSignedSources) {
  FixtureRoot root;
  root.write("/etc/apt/sources.list.d/debian.sources",
             "Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm\n"
             "Components: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n"
             "Types: deb\nURIs: http://x.example/\nSuites: s\nTrusted: yes\nEnabled: no\n");
  auto r = root.run_check(kId);
  EXPECT_EQ(r.status, CheckStatus::kPass) << r.detail;
}

TEST(UpdatesAptSourcesSecure, NotApplicableWithoutApt) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
