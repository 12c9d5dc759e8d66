// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/apt_conf.h"

#include <gtest/gtest.h>

namespace sw::test {
namespace {

TEST(AptConfParser, ScalarsScopesAndLists) {
  scan::AptConf conf;
  std::vector<Error> errors;
  scan::parse_apt_conf(R"(// auto upgrades
APT::Periodic::Update-Package-Lists "1";
APT { Periodic { Unattended-Upgrade "1"; }; };
# a comment line
/* block
   comment */
Unattended-Upgrade::Origins-Pattern {
        "origin=Debian,codename=${distro_codename},label=Debian";
        "origin=Debian,codename=${distro_codename},label=Debian-Security";
};
Unattended-Upgrade::Allowed-Origins:: "Ubuntu:jammy-security";
)",
                       "/etc/apt/apt.conf.d/50x", conf, errors);
  EXPECT_TRUE(errors.empty()) << errors[0].to_string();
  EXPECT_EQ(conf.get("apt::periodic::update-package-lists"), "1");
  EXPECT_EQ(conf.get("APT::Periodic::Unattended-Upgrade"), "1");
  const auto* op = conf.find("Unattended-Upgrade::Origins-Pattern");
  ASSERT_NE(op, nullptr);
  ASSERT_EQ(op->list.size(), 2u);
  EXPECT_EQ(op->line, 9);
  ASSERT_NE(conf.find("Unattended-Upgrade::Allowed-Origins"), nullptr);
  EXPECT_EQ(conf.find("Unattended-Upgrade::Allowed-Origins")->list.size(), 1u);
}

TEST(AptConfParser, LaterFileWinsAndClear) {
  scan::AptConf conf;
  std::vector<Error> errors;
  scan::parse_apt_conf("APT::Periodic::Unattended-Upgrade \"1\";\nX::L { \"a\"; };\n", "/a", conf,
                       errors);
  scan::parse_apt_conf("APT::Periodic::Unattended-Upgrade \"0\";\n#clear X::L;\n", "/b", conf,
                       errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(conf.get("APT::Periodic::Unattended-Upgrade"), "0");
  EXPECT_EQ(conf.find("APT::Periodic::Unattended-Upgrade")->file, "/b");
  EXPECT_EQ(conf.find("X::L"), nullptr);
}

TEST(AptConfParser, MalformedInputIsReported) {
  scan::AptConf conf;
  std::vector<Error> errors;
  scan::parse_apt_conf("A \"1\" \"2\" \"3\";\n}\nB \"x\";\nC { D \"1\";\n", "/f", conf, errors);
  EXPECT_EQ(errors.size(), 3u);
  EXPECT_EQ(conf.get("B"), "x");
  EXPECT_EQ(conf.get("C::D"), "1");
}

TEST(AptConfParser, PartNames) {
  EXPECT_TRUE(scan::apt_conf_part_name_ok("20auto-upgrades"));
  EXPECT_TRUE(scan::apt_conf_part_name_ok("50unattended-upgrades"));
  EXPECT_FALSE(scan::apt_conf_part_name_ok("20auto-upgrades.dpkg-old"));
  EXPECT_FALSE(scan::apt_conf_part_name_ok("x.bak"));
  EXPECT_FALSE(scan::apt_conf_part_name_ok("with space"));
}

}  // namespace
}  // namespace sw::test
