// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

TEST(ServicesTelnetServer, PackageFails) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", dpkg_stanza("bash") + dpkg_stanza("telnetd"));
  auto r = root.run_check("host.services.telnet_server");
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].package, "telnetd");
}

TEST(ServicesTelnetServer, TriggersPendingStillCounts) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status",
             dpkg_stanza("inetutils-telnetd", "install ok triggers-pending"));
  EXPECT_EQ(root.run_check("host.services.telnet_server").status, CheckStatus::kFail);
}

TEST(ServicesTelnetServer, InetdLineFailsButCommentedLineDoesNot) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", dpkg_stanza("openbsd-inetd"));
  root.write("/etc/inetd.conf",
             "#<off># telnet stream tcp nowait root /usr/sbin/tcpd /usr/sbin/in.telnetd\n");
  EXPECT_EQ(root.run_check("host.services.telnet_server").status, CheckStatus::kPass);
  root.write("/etc/inetd.conf",
             "telnet stream tcp nowait root /usr/sbin/tcpd /usr/sbin/in.telnetd\n");
  auto r = root.run_check("host.services.telnet_server");
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].location.path, "/etc/inetd.conf");
  EXPECT_EQ(r.issues[0].location.line, 1);
}

TEST(ServicesTelnetServer, XinetdServiceUnlessDisabled) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", dpkg_stanza("xinetd"));
  root.write("/etc/xinetd.conf", "defaults\n{\n}\nincludedir /etc/xinetd.d\n");
  root.write("/etc/xinetd.d/telnet",
             "service telnet\n{\n  disable = yes\n  server = /usr/sbin/in.telnetd\n}\n");
  EXPECT_EQ(root.run_check("host.services.telnet_server").status, CheckStatus::kPass);
  root.write("/etc/xinetd.d/telnet",
             "service telnet\n{\n  disable = no\n  server = /usr/sbin/in.telnetd\n}\n");
  EXPECT_EQ(root.run_check("host.services.telnet_server").status, CheckStatus::kFail);
}

TEST(ServicesTelnetServer, NoDpkgIsNotApplicable) {
  FixtureRoot root;
  EXPECT_EQ(root.run_check("host.services.telnet_server").status, CheckStatus::kNotApplicable);
}

}  // namespace
}  // namespace sw::test
