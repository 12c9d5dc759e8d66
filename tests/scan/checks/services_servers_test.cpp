// SPDX-License-Identifier: Apache-2.0
// Tests of the "this server should not be here" checks: telnet, rsh, tftp, talk, nis.
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

std::string stanza(const std::string& name, const std::string& status = "install ok installed") {
  return "Package: " + name + "\nStatus: " + status + "\nVersion: 1.0-1\n\n";
}

TEST(ServicesTelnetServer, PackageFails) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", stanza("bash") + stanza("telnetd"));
  auto r = root.run_check("host.services.telnet_server");
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].package, "telnetd");
}

TEST(ServicesTelnetServer, TriggersPendingStillCounts) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", stanza("inetutils-telnetd", "install ok triggers-pending"));
  EXPECT_EQ(root.run_check("host.services.telnet_server").status, CheckStatus::kFail);
}

TEST(ServicesTelnetServer, InetdLineFailsButCommentedLineDoesNot) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", stanza("openbsd-inetd"));
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
  root.write("/var/lib/dpkg/status", stanza("xinetd"));
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

TEST(ServicesRshServer, PackageAndInetdShellFail) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", stanza("bash"));
  EXPECT_EQ(root.run_check("host.services.rsh_server").status, CheckStatus::kPass);
  root.write("/var/lib/dpkg/status", stanza("rsh-server"));
  root.write("/etc/inetd.conf", "shell stream tcp nowait root /usr/sbin/tcpd /usr/sbin/in.rshd\n");
  auto r = root.run_check("host.services.rsh_server");
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues.size(), 2u);
}

TEST(ServicesTftpServer, FailsAndPasses) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", stanza("tftpd-hpa"));
  EXPECT_EQ(root.run_check("host.services.tftp_server").status, CheckStatus::kFail);
  root.write("/var/lib/dpkg/status", stanza("tftpd-hpa", "deinstall ok config-files"));
  EXPECT_EQ(root.run_check("host.services.tftp_server").status, CheckStatus::kPass);
}

TEST(ServicesTalk, FailsAndPasses) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", stanza("openbsd-inetd"));
  root.write("/etc/inetd.conf", "ntalk dgram udp wait nobody.tty /usr/sbin/in.ntalkd in.ntalkd\n");
  EXPECT_EQ(root.run_check("host.services.talk").status, CheckStatus::kFail);
  root.write("/etc/inetd.conf", "# nothing\n");
  EXPECT_EQ(root.run_check("host.services.talk").status, CheckStatus::kPass);
}

TEST(ServicesNis, FailsAndPasses) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", stanza("nis"));
  EXPECT_EQ(root.run_check("host.services.nis").status, CheckStatus::kFail);
  root.write("/var/lib/dpkg/status", stanza("bash"));
  EXPECT_EQ(root.run_check("host.services.nis").status, CheckStatus::kPass);
}

TEST(ServicesLegacyInetd, EnabledServiceFails) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", stanza("openbsd-inetd"));
  root.write("/etc/inetd.conf",
             "echo stream tcp nowait root internal\n#discard stream tcp nowait root internal\n");
  auto r = root.run_check("host.services.legacy_inetd");
  ASSERT_EQ(r.status, CheckStatus::kFail);
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].location.line, 1);
}

TEST(ServicesLegacyInetd, InstalledWithNothingEnabledPasses) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", stanza("openbsd-inetd"));
  root.write("/etc/inetd.conf", "# empty\n");
  EXPECT_EQ(root.run_check("host.services.legacy_inetd").status, CheckStatus::kPass);
}

TEST(ServicesLegacyInetd, MalformedLineIsReported) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", stanza("openbsd-inetd"));
  root.write("/etc/inetd.conf", "telnet stream\n");
  auto r = root.run_check("host.services.legacy_inetd");
  EXPECT_EQ(r.status, CheckStatus::kPass);
  ASSERT_EQ(r.input_errors.size(), 1u);
  EXPECT_NE(r.input_errors[0].find("/etc/inetd.conf:1"), std::string::npos);
}

}  // namespace
}  // namespace sw::test
