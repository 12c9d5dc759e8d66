// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/sudoers.h"

#include <gtest/gtest.h>

#include "scan/context.h"
#include "support/fixture.h"

namespace sw::scan {
namespace {

Sudoers parse(std::string_view text) {
  Sudoers s;
  parse_sudoers(text, "/etc/sudoers", s);
  return s;
}

TEST(SudoersParse, UserSpecWithRunasAndTags) {
  auto s =
      parse("root ALL=(ALL:ALL) ALL\n%sudo ALL=(ALL) NOPASSWD: /usr/bin/apt update, /bin/ls\n");
  ASSERT_EQ(s.specs.size(), 2u);
  EXPECT_TRUE(s.parse_errors.empty());
  const auto& r = s.specs[0].privileges[0].commands[0];
  EXPECT_EQ(r.cmnd.text, "ALL");
  EXPECT_EQ(r.runas_users, std::vector<std::string>{"ALL"});
  EXPECT_EQ(r.runas_groups, std::vector<std::string>{"ALL"});
  EXPECT_FALSE(r.nopasswd.has_value());
  const auto& p = s.specs[1].privileges[0];
  EXPECT_EQ(s.specs[1].users[0].text, "%sudo");
  ASSERT_EQ(p.commands.size(), 2u);
  EXPECT_EQ(p.commands[0].cmnd.text, "/usr/bin/apt update");
  EXPECT_EQ(p.commands[0].nopasswd, true);
  EXPECT_EQ(p.commands[1].nopasswd, true);  // carried over
  EXPECT_EQ(p.commands[1].runas_users, std::vector<std::string>{"ALL"});
  EXPECT_EQ(s.specs[1].line, 2);
}

TEST(SudoersParse, TagsAreOverriddenAndPrivilegesSplitOnColon) {
  auto s =
      parse("alice host1 = NOPASSWD: NOEXEC: /bin/a, PASSWD: /bin/b, EXEC: ALL : host2 = /bin/c\n");
  ASSERT_EQ(s.specs.size(), 1u);
  ASSERT_EQ(s.specs[0].privileges.size(), 2u);
  const auto& c = s.specs[0].privileges[0].commands;
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].nopasswd, true);
  EXPECT_EQ(c[1].nopasswd, false);
  EXPECT_EQ(c[2].nopasswd, false);
  EXPECT_NE(std::find(c[2].tags.begin(), c[2].tags.end(), "EXEC"), c[2].tags.end());
  EXPECT_EQ(std::find(c[2].tags.begin(), c[2].tags.end(), "NOEXEC"), c[2].tags.end());
  EXPECT_FALSE(s.specs[0].privileges[1].commands[0].nopasswd.has_value());
}

TEST(SudoersParse, AliasesDefaultsContinuationAndComments) {
  auto s = parse(
      "# comment\n"
      "User_Alias ADMINS = alice, \\\n"
      "   %wheel : OPS = bob\n"
      "Cmnd_Alias EVERYTHING = /bin/ls, ALL\n"
      "Defaults env_reset, secure_path=\"/usr/sbin:/usr/bin\"\n"
      "Defaults:ADMINS !authenticate\n"
      "Defaults env_keep += \"LANG LC_ALL\"\n"
      "ADMINS ALL = (root) EVERYTHING # trailing\n"
      "#1000 ALL = ALL\n");
  EXPECT_TRUE(s.parse_errors.empty()) << s.parse_errors[0].to_string();
  ASSERT_EQ(s.aliases.size(), 3u);
  EXPECT_EQ(s.aliases[0].name, "ADMINS");
  EXPECT_EQ(s.aliases[0].members.size(), 2u);
  EXPECT_EQ(s.aliases[1].name, "OPS");
  ASSERT_EQ(s.defaults.size(), 3u);
  EXPECT_EQ(s.defaults[0].settings.size(), 2u);
  EXPECT_EQ(s.defaults[1].binding, ':');
  EXPECT_EQ(s.defaults[1].settings[0], "!authenticate");
  ASSERT_EQ(s.specs.size(), 2u);
  EXPECT_EQ(s.specs[0].line, 8);
  EXPECT_TRUE(s.is_all_commands(s.specs[0].privileges[0].commands[0].cmnd));
  EXPECT_EQ(s.expand("User_Alias", s.specs[0].users),
            (std::vector<std::string>{"alice", "%wheel"}));
  EXPECT_FALSE(s.authenticate_by_default(s.specs[0].users));
  EXPECT_TRUE(s.authenticate_by_default(s.specs[1].users));
  EXPECT_EQ(s.specs[1].users[0].text, "#1000");
}

TEST(SudoersParse, DebianDefaultsWithTabsAndCloudInitRule) {
  auto s = parse(
      "Defaults\tenv_reset\nDefaults\tsecure_path=\"/usr/sbin:/usr/bin\"\n"
      "Defaults:%sudo env_keep += \"SSH_AUTH_SOCK\"\n"
      "root\tALL=(ALL:ALL) ALL\n%sudo\tALL=(ALL:ALL) ALL\n"
      "ubuntu ALL=(ALL) NOPASSWD:ALL\n");
  EXPECT_TRUE(s.parse_errors.empty()) << s.parse_errors[0].to_string();
  ASSERT_EQ(s.defaults.size(), 3u);
  EXPECT_EQ(s.defaults[2].settings[0], "env_keep += \"SSH_AUTH_SOCK\"");
  ASSERT_EQ(s.specs.size(), 3u);
  EXPECT_EQ(s.specs[2].privileges[0].commands[0].nopasswd, true);
  EXPECT_TRUE(s.is_all_commands(s.specs[2].privileges[0].commands[0].cmnd));
}

TEST(SudoersParse, MalformedLinesAreReportedAndSkipped) {
  auto s = parse("alice ALL\nbob ALL = (root /bin/x\ncarol ALL = ALL\nDefaults\n");
  EXPECT_EQ(s.parse_errors.size(), 3u);
  ASSERT_EQ(s.specs.size(), 1u);
  EXPECT_EQ(s.specs[0].users[0].text, "carol");
}

TEST(SudoersParse, IncludesAreReportedInPlace) {
  Sudoers s;
  std::vector<SudoInclude> inc;
  parse_sudoers("@includedir /etc/sudoers.d\n#include local\n#includex\n", "/etc/sudoers", s,
                [&](const SudoInclude& i) { inc.push_back(i); });
  ASSERT_EQ(inc.size(), 2u);
  EXPECT_TRUE(inc[0].is_dir);
  EXPECT_EQ(inc[1].path, "/etc/local");
  EXPECT_TRUE(s.specs.empty());
}

TEST(SudoersLoad, IncludedirSkipsNamesWithDotOrTilde) {
  test::FixtureRoot root;
  root.write("/etc/sudoers", "root ALL=(ALL) ALL\n@includedir /etc/sudoers.d\n", 0440);
  root.write("/etc/sudoers.d/b", "bob ALL=(ALL) NOPASSWD: ALL\n", 0440);
  root.write("/etc/sudoers.d/a", "alice ALL=(ALL) NOPASSWD: ALL\n", 0440);
  root.write("/etc/sudoers.d/c.conf", "carol ALL=(ALL) NOPASSWD: ALL\n", 0440);
  root.write("/etc/sudoers.d/d~", "dave ALL=(ALL) NOPASSWD: ALL\n", 0440);
  Host host = root.host();
  ScanContext ctx(host, {});
  const auto& s = ctx.fact<Sudoers>();
  ASSERT_TRUE(s);
  ASSERT_EQ(s->specs.size(), 3u);
  EXPECT_EQ(s->specs[1].users[0].text, "alice");
  EXPECT_EQ(s->specs[1].file, "/etc/sudoers.d/a");
  EXPECT_EQ(s->specs[2].users[0].text, "bob");
}

}  // namespace
}  // namespace sw::scan
