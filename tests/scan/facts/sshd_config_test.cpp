// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/sshd_config.h"

#include <map>

#include <gtest/gtest.h>

#include "scan/context.h"
#include "support/fixture.h"

namespace sw::scan {
namespace {

constexpr const char* kMain = "/etc/ssh/sshd_config";

// A resolver over an in-memory map of path -> text; patterns match by sw glob on full paths.
SshdIncludeResolver map_resolver(const std::map<std::string, std::string>& files) {
  return [files](std::string_view pattern) {
    std::vector<SshdIncludedFile> out;
    for (const auto& [path, text] : files) {
      if (path == pattern ||
          (pattern.ends_with("*.conf") && path.starts_with(pattern.substr(0, pattern.size() - 6)) &&
           path.ends_with(".conf"))) {
        out.push_back(SshdIncludedFile{path, text, std::nullopt});
      }
    }
    return out;
  };
}

TEST(SshdConfigParse, FirstValueWinsAndKeywordsAreCaseInsensitive) {
  auto c = parse_sshd_config("permitrootlogin yes\nPermitRootLogin no\n", kMain);
  ASSERT_NE(c.get("permitrootlogin"), nullptr);
  EXPECT_EQ(c.get("permitrootlogin")->value(), "yes");
  EXPECT_EQ(c.get("permitrootlogin")->line, 1);
  EXPECT_EQ(c.get("permitrootlogin")->evidence(), "permitrootlogin yes (/etc/ssh/sshd_config:1)");
  EXPECT_TRUE(c.problems.empty());
}

TEST(SshdConfigParse, KeyEqualsValueQuotesAndComments) {
  auto c = parse_sshd_config(
      "  # comment\n\nLogLevel=VERBOSE\nMaxAuthTries = 3 # trailing\nBanner \"/etc/my "
      "banner\"\nSetEnv A='b c' D=e\r\n",
      kMain);
  EXPECT_TRUE(c.problems.empty()) << c.problems.front().to_string();
  EXPECT_EQ(c.get("loglevel")->value(), "VERBOSE");
  EXPECT_EQ(c.global("loglevel").value, "verbose");
  EXPECT_EQ(c.get("maxauthtries")->args.size(), 1u);
  EXPECT_EQ(c.get("banner")->args.front(), "/etc/my banner");
  ASSERT_EQ(c.get("setenv")->args.size(), 2u);
  EXPECT_EQ(c.get("setenv")->args[0], "A=b c");
}

TEST(SshdConfigParse, AccumulatingKeywordsKeepEveryLine) {
  auto c = parse_sshd_config(
      "Port 22\nPort 2222\nHostKey /k1\nHostDSAKey /k2\nAcceptEnv LANG\nAcceptEnv LC_*\n"
      "Subsystem sftp /a\nSubsystem sftp /b\n",
      kMain);
  EXPECT_EQ(c.all("port").size(), 2u);
  EXPECT_EQ(c.all("hostkey").size(), 2u);
  EXPECT_EQ(c.all("acceptenv").size(), 2u);
  ASSERT_EQ(c.all("subsystem").size(), 1u);
  EXPECT_EQ(c.all("subsystem")[0].args[1], "/a");
  ASSERT_EQ(c.problems.size(), 1u);  // duplicate Subsystem is an error in 9.2
  EXPECT_EQ(c.problems[0].line(), 8);
}

TEST(SshdConfigParse, AliasesShareTheirOption) {
  auto c = parse_sshd_config(
      "ChallengeResponseAuthentication yes\nKbdInteractiveAuthentication no\n", kMain);
  ASSERT_NE(c.get("kbdinteractiveauthentication"), nullptr);
  EXPECT_EQ(c.global("kbdinteractiveauthentication").value, "yes");
}

TEST(SshdConfigParse, MalformedLinesAreReportedAndSkipped) {
  auto c = parse_sshd_config(
      "Bogus yes\nPermitRootLogin maybe\nMaxAuthTries -1\nLoginGraceTime 2x\nX11Forwarding\n"
      "Banner \"unterminated\nPasswordAuthentication yes no\nProtocol 2\nUsePrivilegeSeparation "
      "sandbox\nPermitRootLogin no\n",
      kMain);
  ASSERT_EQ(c.problems.size(), 7u);
  EXPECT_EQ(c.problems[0].to_string(), "/etc/ssh/sshd_config:1: bad configuration option: Bogus");
  EXPECT_EQ(c.problems[4].line(), 5);
  EXPECT_EQ(c.get("permitrootlogin")->value(), "no");  // the invalid line did not set it
  EXPECT_EQ(c.get("passwordauthentication"), nullptr);
}

TEST(SshdConfigParse, DefaultsApplyWhenUnset) {
  auto c = parse_sshd_config("", kMain);
  EXPECT_EQ(c.global("permitrootlogin").value, "prohibit-password");
  EXPECT_EQ(c.global("passwordauthentication").value, "yes");
  EXPECT_EQ(c.global("maxauthtries").value, "6");
  EXPECT_EQ(c.global("logingracetime").value, "120");
  EXPECT_EQ(c.global("loglevel").value, "info");
  EXPECT_EQ(c.global("permitrootlogin").evidence(),
            "PermitRootLogin not set (OpenSSH default prohibit-password)");
  EXPECT_EQ(c.algorithms("ciphers").size(), 6u);
}

TEST(SshdConfigParse, MatchBlocksAreKeptApart) {
  auto c = parse_sshd_config(
      "PermitRootLogin no\nMatch Address 10.0.0.0/8\n  PermitRootLogin yes\n  PermitRootLogin "
      "no\nMatch User bob\n  X11Forwarding yes\n  Ciphers aes128-cbc\n",
      kMain);
  EXPECT_EQ(c.get("permitrootlogin")->value(), "no");
  EXPECT_EQ(c.get("x11forwarding"), nullptr);
  ASSERT_EQ(c.matches.size(), 2u);
  EXPECT_EQ(c.matches[0].criteria, "Address 10.0.0.0/8");
  EXPECT_EQ(c.matches[0].find("permitrootlogin")->value(), "yes");  // first in the block
  ASSERT_EQ(c.problems.size(), 1u);  // Ciphers is not allowed in Match
  EXPECT_EQ(c.problems[0].line(), 7);
  auto sites = c.sites("permitrootlogin");
  ASSERT_EQ(sites.size(), 2u);
  EXPECT_EQ(sites[1].subject(), "sshd Match Address 10.0.0.0/8: PermitRootLogin");
  EXPECT_EQ(sites[1].evidence(),
            "PermitRootLogin yes (/etc/ssh/sshd_config:3) in Match Address 10.0.0.0/8 "
            "(/etc/ssh/sshd_config:2)");
}

TEST(SshdConfigParse, IncludeIsProcessedInPlaceAndDropInsWin) {
  std::map<std::string, std::string> files{
      {"/etc/ssh/sshd_config.d/50-cloud.conf", "PasswordAuthentication yes\n"},
      {"/etc/ssh/sshd_config.d/10-first.conf", "# nothing\nPermitRootLogin yes\n"},
  };
  auto c = parse_sshd_config(
      "Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication no\nPermitRootLogin no\n",
      kMain, map_resolver(files));
  EXPECT_EQ(c.get("passwordauthentication")->file, "/etc/ssh/sshd_config.d/50-cloud.conf");
  EXPECT_EQ(c.get("permitrootlogin")->evidence(),
            "PermitRootLogin yes (/etc/ssh/sshd_config.d/10-first.conf:2)");
  ASSERT_EQ(c.files.size(), 3u);
  EXPECT_EQ(c.files[1], "/etc/ssh/sshd_config.d/10-first.conf");  // lexical order
}

TEST(SshdConfigParse, RelativeIncludeIsUnderEtcSsh) {
  std::map<std::string, std::string> files{{"/etc/ssh/extra.conf", "LogLevel QUIET\n"}};
  auto c = parse_sshd_config("Include extra.conf\n", kMain, map_resolver(files));
  EXPECT_EQ(c.include_patterns.front(), "/etc/ssh/extra.conf");
  EXPECT_EQ(c.global("loglevel").value, "quiet");
}

TEST(SshdConfigParse, MatchInIncludedFileEndsWithThatFile) {
  std::map<std::string, std::string> files{
      {"/etc/ssh/m.conf", "Match User alice\nX11Forwarding yes\n"}};
  auto c =
      parse_sshd_config("Include /etc/ssh/m.conf\nX11Forwarding no\n", kMain, map_resolver(files));
  EXPECT_EQ(c.global("x11forwarding").value, "no");
  ASSERT_EQ(c.matches.size(), 1u);
  EXPECT_EQ(c.matches[0].find("x11forwarding")->value(), "yes");
}

TEST(SshdConfigParse, IncludeInsideMatchBelongsToTheBlock) {
  std::map<std::string, std::string> files{{"/etc/ssh/inner.conf", "PermitRootLogin yes\n"}};
  auto c = parse_sshd_config("Match Group admins\nInclude /etc/ssh/inner.conf\n", kMain,
                             map_resolver(files));
  EXPECT_EQ(c.get("permitrootlogin"), nullptr);
  ASSERT_EQ(c.matches.size(), 1u);
  EXPECT_NE(c.matches[0].find("permitrootlogin"), nullptr);
}

TEST(SshdConfigParse, RecursiveIncludeStopsAtDepthLimit) {
  std::map<std::string, std::string> files{{"/etc/ssh/loop.conf", "Include /etc/ssh/loop.conf\n"}};
  auto c = parse_sshd_config("Include /etc/ssh/loop.conf\n", kMain, map_resolver(files));
  ASSERT_FALSE(c.problems.empty());
  EXPECT_NE(c.problems[0].message().find("too many recursive"), std::string::npos);
}

TEST(SshdConfigParse, UnreadableIncludeIsAReadError) {
  SshdIncludeResolver r = [](std::string_view) {
    return std::vector<SshdIncludedFile>{
        {"/etc/ssh/x.conf", std::nullopt, Error(Errc::kPermission, "denied", "/etc/ssh/x.conf")}};
  };
  auto c = parse_sshd_config("Include x.conf\n", kMain, r);
  ASSERT_EQ(c.read_errors.size(), 1u);
}

// The non-comment lines of Debian 12's shipped /etc/ssh/sshd_config, with some of its comments.
TEST(SshdConfigParse, DebianStockFileIsClean) {
  auto c = parse_sshd_config(
      "# This is the sshd server system-wide configuration file.\n"
      "Include /etc/ssh/sshd_config.d/*.conf\n#Port 22\n#PermitRootLogin prohibit-password\n"
      "KbdInteractiveAuthentication no\nUsePAM yes\nX11Forwarding yes\nPrintMotd no\n"
      "AcceptEnv LANG LC_*\nSubsystem\tsftp\t/usr/lib/openssh/sftp-server\n"
      "#Match User anoncvs\n#\tX11Forwarding no\n",
      kMain);
  EXPECT_TRUE(c.problems.empty());
  EXPECT_TRUE(c.matches.empty());
  EXPECT_EQ(c.global("usepam").value, "yes");
  EXPECT_EQ(c.global("x11forwarding").value, "yes");
  EXPECT_EQ(c.global("permitrootlogin").value, "prohibit-password");
  ASSERT_EQ(c.all("subsystem").size(), 1u);
  EXPECT_EQ(c.all("subsystem")[0].args[1], "/usr/lib/openssh/sftp-server");
  EXPECT_EQ(c.all("acceptenv")[0].args.size(), 2u);
}

TEST(SshdConfigParse, MatchInsideIncludeInsideMatchCombinesCriteria) {
  std::map<std::string, std::string> files{
      {"/etc/ssh/inner.conf", "LogLevel VERBOSE\nMatch User bob\nLogLevel QUIET\n"}};
  auto c = parse_sshd_config("Match Address 10.0.0.0/8\nInclude inner.conf\nMaxAuthTries 2\n",
                             kMain, map_resolver(files));
  ASSERT_EQ(c.matches.size(), 2u);
  EXPECT_EQ(c.matches[1].criteria, "Address 10.0.0.0/8 + User bob");
  EXPECT_NE(c.matches[0].find("loglevel"), nullptr);
  // After the included file, lines again belong to the outer block.
  EXPECT_NE(c.matches[0].find("maxauthtries"), nullptr);
  EXPECT_EQ(c.matches[1].find("maxauthtries"), nullptr);
}

TEST(SshdConfigAlgorithms, PrefixesAppendRemovePrepend) {
  EXPECT_EQ(sshd_assemble_algorithms("+x", "a,b"), (std::vector<std::string>{"a", "b", "x"}));
  EXPECT_EQ(sshd_assemble_algorithms("^x,a", "a,b"), (std::vector<std::string>{"x", "a", "b"}));
  EXPECT_EQ(sshd_assemble_algorithms("-b*", "a,b1,b2"), (std::vector<std::string>{"a"}));
  EXPECT_EQ(sshd_assemble_algorithms("-*,!a", "a,b"), (std::vector<std::string>{"a"}));
  EXPECT_EQ(sshd_assemble_algorithms("y,z", "a,b"), (std::vector<std::string>{"y", "z"}));
  auto c = parse_sshd_config("Ciphers -chacha20*\n", kMain);
  EXPECT_EQ(c.algorithms("ciphers").front(), "aes128-ctr");
}

TEST(SshdConfigTime, ConvtimeFormats) {
  EXPECT_EQ(sshd_parse_time("90"), 90);
  EXPECT_EQ(sshd_parse_time("2m"), 120);
  EXPECT_EQ(sshd_parse_time("1h30m"), 5400);
  EXPECT_EQ(sshd_parse_time("1W"), 604800);
  EXPECT_EQ(sshd_parse_time("0"), 0);
  EXPECT_FALSE(sshd_parse_time(""));
  EXPECT_FALSE(sshd_parse_time("-5"));
  EXPECT_FALSE(sshd_parse_time("5x"));
  EXPECT_FALSE(sshd_parse_time("m"));
  EXPECT_FALSE(sshd_parse_time("99999999999"));
}

TEST(SshdConfigLoad, ReadsIncludesThroughTheHost) {
  test::FixtureRoot root;
  root.write("/etc/ssh/sshd_config",
             "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin no\nBogus 1\n");
  root.write("/etc/ssh/sshd_config.d/20-b.conf", "PermitRootLogin yes\n");
  root.write("/etc/ssh/sshd_config.d/10-a.conf", "LogLevel VERBOSE\n");
  root.write("/etc/ssh/sshd_config.d/30-c.txt", "LogLevel QUIET\n");
  root.write("/etc/ssh/sshd_config.d/.hidden.conf", "LogLevel QUIET\n");
  Host host = root.host();
  ScanContext ctx(host, {});
  const auto& c = ctx.fact<SshdConfig>();
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->config_present);
  EXPECT_EQ(c->global("permitrootlogin").value, "yes");
  EXPECT_EQ(c->global("loglevel").value, "verbose");
  EXPECT_EQ(c->files.size(), 3u);
  ASSERT_EQ(ctx.input_errors().size(), 1u);
  EXPECT_EQ(ctx.input_errors()[0], "/etc/ssh/sshd_config:3: bad configuration option: Bogus");
}

TEST(SshdConfigLoad, NotInstalled) {
  test::FixtureRoot root;
  Host host = root.host();
  ScanContext ctx(host, {});
  const auto& c = ctx.fact<SshdConfig>();
  ASSERT_TRUE(c);
  EXPECT_FALSE(c->config_present);
  EXPECT_FALSE(c->binary_present);
}

}  // namespace
}  // namespace sw::scan
