// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/pam.h"

#include <gtest/gtest.h>

#include "scan/context.h"
#include "support/fixture.h"

namespace sw::scan {
namespace {

TEST(PamParse, ModulesControlsArgsAndLines) {
  auto f = parse_pam_file(
      "# comment\n"
      "auth\t[success=1 default=ignore]\tpam_unix.so nullok\n"
      "-session optional pam_systemd.so\n"
      "password requisite /lib/x86_64-linux-gnu/security/pam_pwquality.so retry=3 minlen=12\n"
      "AUTH required pam_deny.so # trailing comment\n",
      "/etc/pam.d/x");
  ASSERT_EQ(f.entries.size(), 4u);
  EXPECT_TRUE(f.parse_errors.empty());
  EXPECT_EQ(f.entries[0].type, "auth");
  EXPECT_EQ(f.entries[0].control, "[success=1 default=ignore]");
  EXPECT_EQ(f.entries[0].module, "pam_unix");
  EXPECT_TRUE(f.entries[0].has_arg("nullok"));
  EXPECT_EQ(f.entries[0].line, 2);
  EXPECT_TRUE(f.entries[1].optional_module);
  EXPECT_EQ(f.entries[1].type, "session");
  EXPECT_EQ(f.entries[2].module, "pam_pwquality");
  EXPECT_EQ(f.entries[2].arg_value("minlen"), "12");
  EXPECT_EQ(f.entries[3].type, "auth");
  EXPECT_EQ(f.entries[3].args.size(), 0u);
}

TEST(PamParse, ContinuationBracketArgsAndControlWithBlanks) {
  auto f = parse_pam_file(
      "auth [success=done \\\n"
      "# a comment inside the continued line is skipped\n"
      "   default=bad] pam_x.so [a b\\]c] d\n"
      "auth required\n"
      "bogus required pam_x.so\n"
      "auth required pam_x.so [unterminated\n",
      "/p");
  ASSERT_EQ(f.entries.size(), 1u);
  EXPECT_EQ(f.entries[0].control, "[success=done default=bad]");
  ASSERT_EQ(f.entries[0].args.size(), 2u);
  EXPECT_EQ(f.entries[0].args[0], "a b]c");
  EXPECT_EQ(f.entries[0].line, 1);
  EXPECT_EQ(f.parse_errors.size(), 3u);
}

TEST(PamParse, CommentCutsAContinuedLine) {
  auto f = parse_pam_file("auth required pam_a.so x \\ # c\nauth required pam_b.so\n", "/p");
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].module, "pam_a");
}

TEST(PamStack, IncludesAreFlattenedByType) {
  Pam pam;
  pam.files.emplace("/etc/pam.d/common-auth",
                    parse_pam_file("auth required pam_unix.so nullok\n", "/etc/pam.d/common-auth"));
  pam.files.emplace("/etc/pam.d/system",
                    parse_pam_file("auth required pam_env.so\npassword required pam_unix.so\n",
                                   "/etc/pam.d/system"));
  pam.files.emplace("/etc/pam.d/login",
                    parse_pam_file("@include common-auth\nauth include system\n"
                                   "password substack system\nsession required pam_loop.so\n"
                                   "@include login\n",
                                   "/etc/pam.d/login"));
  auto auth = pam.stack("login", "auth");
  ASSERT_GE(auth.size(), 2u);
  EXPECT_EQ(auth[0].module, "pam_unix");
  EXPECT_EQ(auth[0].where(), "/etc/pam.d/common-auth:1");
  EXPECT_EQ(auth[1].module, "pam_env");
  auto pw = pam.stack("login", "password");
  ASSERT_FALSE(pw.empty());
  EXPECT_EQ(pw[0].module, "pam_unix");
  EXPECT_EQ(pw[0].file, "/etc/pam.d/system");
  EXPECT_TRUE(pam.stack("nonexistent").empty());
}

TEST(PamLoad, ReadsPamDirAndVendorDir) {
  test::FixtureRoot root;
  root.write("/etc/pam.d/su", "auth required pam_wheel.so use_uid\n@include common-auth\n");
  root.write("/usr/lib/pam.d/common-auth", "auth required pam_unix.so\nnot a line\n");
  Host host = root.host();
  ScanContext ctx(host, {});
  const auto& pam = ctx.fact<Pam>();
  ASSERT_TRUE(pam);
  EXPECT_TRUE(pam->present);
  auto st = pam->stack("su", "auth");
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(st[1].file, "/usr/lib/pam.d/common-auth");
  EXPECT_EQ(ctx.input_errors().size(), 1u);
}

}  // namespace
}  // namespace sw::scan
