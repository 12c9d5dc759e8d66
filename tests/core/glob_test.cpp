// SPDX-License-Identifier: Apache-2.0
#include "core/glob.h"

#include <gtest/gtest.h>

namespace sw {
namespace {

struct Case {
  const char* pattern;
  const char* text;
  bool path_mode;
  bool want;
};

TEST(Glob, Table) {
  const Case cases[] = {
      {"host.ssh.*", "host.ssh.permit_root_login", false, true},
      {"host.ssh.*", "host.accounts.extra_uid0", false, false},
      {"*", "", false, true},
      {"", "", false, true},
      {"", "a", false, false},
      {"a?c", "abc", false, true},
      {"a?c", "ac", false, false},
      {"[a-c]x", "bx", false, true},
      {"[!a-c]x", "bx", false, false},
      {"[^a-c]x", "dx", false, true},
      {"[]]", "]", false, true},
      {"[", "[", false, true},
      {"\\*", "*", false, true},
      {"\\*", "a", false, false},
      {"web-*", "web-01.example.com", false, true},
      // path mode: '*' stops at '/', '**' crosses it, "**/" matches zero directories
      {"/home/*", "/home/alice", true, true},
      {"/home/*", "/home/alice/.ssh/id_rsa", true, false},
      {"/home/**", "/home/alice/.ssh/id_rsa", true, true},
      {"/srv/**/secrets.env", "/srv/secrets.env", true, true},
      {"/srv/**/secrets.env", "/srv/a/b/secrets.env", true, true},
      {"/srv/**/secrets.env", "/srv/a/b/secrets.envx", true, false},
      {"/etc/?", "/etc//", true, false},
      {"*.conf", "a/b.conf", true, false},
      {"*.conf", "a/b.conf", false, true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(glob_match(c.pattern, c.text, c.path_mode), c.want)
        << c.pattern << " vs " << c.text << " path_mode=" << c.path_mode;
  }
}

TEST(Glob, PathologicalPatternStaysFast) {
  std::string text(2000, 'a');
  std::string pattern;
  for (int i = 0; i < 30; ++i) pattern += "*a";
  pattern += "b";
  EXPECT_FALSE(glob_match(pattern, text));  // memoised: quadratic, not exponential
}

}  // namespace
}  // namespace sw
