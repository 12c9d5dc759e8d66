// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/service_configs.h"

#include <gtest/gtest.h>

namespace sw::scan {
namespace {

TEST(ServiceConfigs, VsftpdBool) {
  std::vector<Error> errors;
  auto v = vsftpd_bool("anonymous_enable=true\nanonymous_enable=maybe\n", "anonymous_enable",
                       "/etc/vsftpd.conf", errors);
  EXPECT_EQ(v.value, true);
  EXPECT_EQ(v.line, 1);
  EXPECT_EQ(errors.size(), 1u);
}

TEST(ServiceConfigs, GrubKeepsNoHash) {
  auto g = parse_grub_passwords(
      "set superusers=\"root,admin\"\npassword_pbkdf2 root grub.pbkdf2.sha512.1.AA.BB\n");
  EXPECT_EQ(g.superusers, (std::vector<std::string>{"root", "admin"}));
  ASSERT_EQ(g.users.size(), 1u);
  EXPECT_TRUE(g.users[0].pbkdf2);
}

TEST(ServiceConfigs, Snmpd) {
  std::vector<Error> errors;
  auto c = parse_snmpd(
      "rocommunity public default -V systemonly\ncom2sec -Cn ctx name default private\n"
      "rwcommunity\nincludeFile /x\n",
      "/etc/snmp/snmpd.conf", errors);
  ASSERT_EQ(c.communities.size(), 2u);
  EXPECT_EQ(c.communities[1].community, "private");
  EXPECT_EQ(c.include_files, std::vector<std::string>{"/x"});
  EXPECT_EQ(errors.size(), 1u);
}

TEST(ServiceConfigs, Proftpd) {
  auto p = parse_proftpd("#<Anonymous ~ftp>\n  <anonymous /srv>\nInclude /etc/proftpd/conf.d/\n");
  EXPECT_EQ(p.anonymous_lines, std::vector<int>{2});
  EXPECT_EQ(p.includes.size(), 1u);
}

}  // namespace
}  // namespace sw::scan
