// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/inetd.h"

#include <gtest/gtest.h>

namespace sw::scan {
namespace {

TEST(InetdParse, InetdConf) {
  std::vector<Error> errors;
  auto s = parse_inetd_conf(
      "#<off># telnet stream tcp nowait root /usr/sbin/tcpd /usr/sbin/in.telnetd\n"
      "127.0.0.1:tftp dgram udp wait nobody /usr/sbin/tcpd /usr/sbin/in.tftpd /srv\n"
      "short line\n",
      "/etc/inetd.conf", errors);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].name, "tftp");
  EXPECT_TRUE(s[0].mentions("tftp"));
  EXPECT_FALSE(s[0].mentions("telnet"));
  EXPECT_EQ(errors.size(), 1u);
}

TEST(InetdParse, Xinetd) {
  std::vector<Error> errors;
  auto f = parse_xinetd(
      "defaults\n{\n disabled = echo\n}\nincludedir /etc/xinetd.d\n"
      "service telnet { \n disable = no # comment\n server = /usr/sbin/in.telnetd\n}\n"
      "service x\n{\n disable = yes\n}\nservice y\n",
      "/etc/xinetd.conf", errors);
  ASSERT_EQ(f.services.size(), 2u);
  EXPECT_FALSE(f.services[0].disabled);
  EXPECT_TRUE(f.services[1].disabled);
  EXPECT_EQ(f.defaults_disabled, std::vector<std::string>{"echo"});
  EXPECT_EQ(f.includedirs, std::vector<std::string>{"/etc/xinetd.d"});
  EXPECT_EQ(errors.size(), 1u);  // unterminated "service y"
}

}  // namespace
}  // namespace sw::scan
