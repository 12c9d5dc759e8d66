// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

TEST(ServicesLegacyInetd, EnabledServiceFails) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", dpkg_stanza("openbsd-inetd"));
  root.write("/etc/inetd.conf",
             "echo stream tcp nowait root internal\n#discard stream tcp nowait root internal\n");
  auto r = root.run_check("host.services.legacy_inetd");
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].location.line, 1);
}

TEST(ServicesLegacyInetd, InstalledWithNothingEnabledPasses) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", dpkg_stanza("openbsd-inetd"));
  root.write("/etc/inetd.conf", "# empty\n");
  EXPECT_EQ(root.run_check("host.services.legacy_inetd").status, CheckStatus::kPass);
}

TEST(ServicesLegacyInetd, MalformedLineIsReported) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", dpkg_stanza("openbsd-inetd"));
  root.write("/etc/inetd.conf", "telnet stream\n");
  auto r = root.run_check("host.services.legacy_inetd");
  EXPECT_EQ(r.status, CheckStatus::kPass);
  ASSERT_EQ(r.input_errors.size(), 1u);
  EXPECT_NE(r.input_errors[0].find("/etc/inetd.conf:1"), std::string::npos);
}

}  // namespace
}  // namespace sw::test
