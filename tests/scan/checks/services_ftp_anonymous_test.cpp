// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kId = "host.services.ftp_anonymous";

TEST(ServicesFtpAnonymous, VsftpdLastValueWins) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", dpkg_stanza("vsftpd"));
  root.write("/etc/vsftpd.conf", "anonymous_enable=NO\nlisten=YES\nanonymous_enable=YES\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].location.line, 3);
  root.write("/etc/vsftpd.conf", "anonymous_enable=YES\nanonymous_enable=no\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(ServicesFtpAnonymous, VsftpdUnsetUsesCompiledDefaultYes) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", dpkg_stanza("vsftpd"));
  root.write("/etc/vsftpd.conf", "listen=YES\n#anonymous_enable=NO\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_NE(r.issues[0].evidence.find("default is YES"), std::string::npos);
}

TEST(ServicesFtpAnonymous, ProftpdAnonymousInInclude) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", dpkg_stanza("proftpd-core"));
  root.write("/etc/proftpd/proftpd.conf",
             "ServerName x\n# <Anonymous ~ftp>\nInclude /etc/proftpd/conf.d/\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
  root.write("/etc/proftpd/conf.d/anon.conf", "<Anonymous ~ftp>\n User ftp\n</Anonymous>\n");
  auto r = root.run_check(kId);
  ASSERT_EQ(r.status, CheckStatus::kFail);
  EXPECT_EQ(r.issues[0].location.path, "/etc/proftpd/conf.d/anon.conf");
}

TEST(ServicesFtpAnonymous, PureFtpdNeedsNoAnonymous) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", dpkg_stanza("pure-ftpd"));
  root.write("/etc/passwd",
             "root:x:0:0::/root:/bin/sh\nftp:x:107:65534::/srv/ftp:/usr/sbin/nologin\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kFail);
  root.write("/etc/pure-ftpd/conf/NoAnonymous", "yes\n");
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

TEST(ServicesFtpAnonymous, NoServerPasses) {
  FixtureRoot root;
  root.write("/var/lib/dpkg/status", dpkg_stanza("bash"));
  EXPECT_EQ(root.run_check(kId).status, CheckStatus::kPass);
}

}  // namespace
}  // namespace sw::test
