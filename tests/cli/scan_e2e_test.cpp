// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of `shieldwall scan`: the built binary on fixture roots.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"
#include "scan/check.h"
#include "support/fixture.h"

namespace sw::test {
namespace {

constexpr const char* kPasswdWithBackdoor =
    "root:x:0:0:root:/root:/bin/bash\n"
    "toor:x:0:0::/root:/bin/sh\n"
    "alice:x:1000:1000:Alice:/home/alice:/bin/bash\n";

std::string schema_path() { return std::string(SW_SOURCE_DIR) + "/docs/report.schema.json"; }

void expect_valid_json_report(const std::string& text) {
  FixtureRoot tmp;
  tmp.write("/report.json", text);
  auto v = run_program({"/usr/bin/python3", std::string(SW_SOURCE_DIR) + "/tools/validate-json.py",
                        schema_path(), tmp.real("/report.json")});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

TEST(ScanE2E, FindingsGiveExitOneAndRouteToAdmin) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswdWithBackdoor);
  auto r = run_shieldwall(
      {"scan", "--root", root.path(), "--only", "host.accounts.extra_uid0", "--format", "json"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "shieldwall/report/v1");
  ASSERT_EQ(j["findings"].size(), 1u);
  const auto& f = j["findings"][0];
  EXPECT_EQ(f["check"], "host.accounts.extra_uid0");
  EXPECT_EQ(f["severity"], "critical");
  EXPECT_EQ(f["responsible"]["role"], "admin");
  EXPECT_EQ(f["location"]["path"], "/etc/passwd");
  EXPECT_EQ(f["location"]["line"], 2);
  EXPECT_EQ(j["posture"]["weakest"]["id"], f["id"]);
  ASSERT_EQ(j["checks"].size(), 1u);
  EXPECT_EQ(j["checks"][0]["status"], "fail");
  expect_valid_json_report(r.out);
}

TEST(ScanE2E, CleanRootExitsZeroAndFailOnGates) {
  FixtureRoot root;
  root.write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n");
  auto clean =
      run_shieldwall({"scan", "--root", root.path(), "--only", "host.accounts.extra_uid0"});
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;

  root.write("/etc/passwd", kPasswdWithBackdoor);
  auto below = run_shieldwall(
      {"scan", "--root", root.path(), "--only", "host.accounts.extra_uid0", "--fail-on", "none"});
  EXPECT_EQ(below.exit_code, 0);
  auto at = run_shieldwall({"scan", "--root", root.path(), "--only", "host.accounts.extra_uid0",
                            "--fail-on", "critical"});
  EXPECT_EQ(at.exit_code, 1);
  auto bad = run_shieldwall({"scan", "--root", root.path(), "--fail-on", "severe"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--fail-on"), std::string::npos);
}

TEST(ScanE2E, StableFindingIdAcrossRuns) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswdWithBackdoor);
  auto a = run_shieldwall(
      {"scan", "--root", root.path(), "--only", "host.accounts.extra_uid0", "-f", "json"});
  // Moving the line does not change the id.
  root.write("/etc/passwd",
             "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/bash\n"
             "toor:x:0:0::/root:/bin/sh\n");
  auto b = run_shieldwall(
      {"scan", "--root", root.path(), "--only", "host.accounts.extra_uid0", "-f", "json"});
  auto ja = nlohmann::json::parse(a.out);
  auto jb = nlohmann::json::parse(b.out);
  EXPECT_EQ(ja["findings"][0]["id"], jb["findings"][0]["id"]);
  EXPECT_NE(ja["findings"][0]["location"]["line"], jb["findings"][0]["location"]["line"]);
}

TEST(ScanE2E, MissingRootIsUsageError) {
  auto r = run_shieldwall({"scan", "--root", "/nonexistent/shieldwall-root"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/nonexistent/shieldwall-root"), std::string::npos);
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "one line: " << r.err;
}

TEST(ScanE2E, MalformedInputLineIsNamedAndTheRestIsScanned) {
  FixtureRoot root;
  root.write("/etc/passwd",
             "root:x:0:0:root:/root:/bin/bash\nthis is not a passwd line\n"
             "toor:x:0:0::/root:/bin/sh\n");
  auto r = run_shieldwall(
      {"scan", "--root", root.path(), "--only", "host.accounts.extra_uid0", "-f", "json"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/etc/passwd:2:"), std::string::npos) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["findings"].size(), 1u) << "the line after the bad one is still read";
  ASSERT_EQ(j["errors"].size(), 1u);
  EXPECT_EQ(j["errors"][0], "/etc/passwd:2: 1 fields, expected 7");
}

TEST(ScanE2E, ConfigRoutesToTeamAndBadConfigLineIsReported) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswdWithBackdoor);
  root.write("/cfg/good.toml",
             "[roles]\nadmin = \"Ops <ops@example.com>\"\n\n"
             "[[owner]]\ncheck = \"host.accounts.*\"\nresponsible = \"team:identity\"\n"
             "name = \"Identity team\"\n");
  auto r = run_shieldwall({"scan", "--root", root.path(), "--only", "host.accounts.extra_uid0",
                           "-f", "json", "--config", root.real("/cfg/good.toml")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["findings"][0]["responsible"]["role"], "team:identity");
  EXPECT_EQ(j["findings"][0]["responsible"]["name"], "Identity team");
  EXPECT_EQ(j["parties"][0]["title"], "Team identity's part (Identity team)");

  root.write("/cfg/bad.toml",
             "[roles]\nadmin = \"Ops\"\n\n[[owner]]\ncheck = \"x\"\n"
             "responsible = \"boss\"\n");
  auto bad = run_shieldwall({"scan", "--root", root.path(), "--only", "host.accounts.extra_uid0",
                             "-f", "json", "--config", root.real("/cfg/bad.toml")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.toml:6: unknown responsible 'boss'"), std::string::npos) << bad.err;
  auto jb = nlohmann::json::parse(bad.out);  // the scan still ran, with the rest of the config
  EXPECT_EQ(jb["findings"][0]["responsible"]["name"], "Ops");
}

TEST(ScanE2E, SarifStructure) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswdWithBackdoor);
  auto r = run_shieldwall(
      {"scan", "--root", root.path(), "--only", "host.accounts.extra_uid0", "-f", "sarif"});
  EXPECT_EQ(r.exit_code, 1);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["version"], "2.1.0");
  ASSERT_EQ(j["runs"].size(), 1u);
  const auto& run = j["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "shieldwall");
  ASSERT_EQ(run["tool"]["driver"]["rules"].size(), 1u);
  EXPECT_EQ(run["tool"]["driver"]["rules"][0]["id"], "host.accounts.extra_uid0");
  ASSERT_EQ(run["results"].size(), 1u);
  const auto& res = run["results"][0];
  EXPECT_EQ(res["ruleId"], "host.accounts.extra_uid0");
  EXPECT_EQ(res["ruleIndex"], 0);
  EXPECT_EQ(res["level"], "error");
  const auto& loc = res["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], "etc/passwd");
  EXPECT_EQ(loc["region"]["startLine"], 2);
  EXPECT_TRUE(res["partialFingerprints"].contains("shieldwall/v1"));
}

TEST(ScanE2E, HtmlOpensWithTheWeakestLinkAndIsSelfContained) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswdWithBackdoor);
  std::string out = root.real("/report.html");
  auto r = run_shieldwall({"scan", "--root", root.path(), "--only", "host.accounts.extra_uid0",
                           "-f", "html", "-o", out});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_TRUE(r.out.empty());
  std::string html = read_text(out);
  ASSERT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  auto body = html.find("<main>");
  auto weakest = html.find("<section class=\"weakest\" id=\"weakest-link\">");
  ASSERT_NE(weakest, std::string::npos);
  // The weakest link is the first element of the page body.
  EXPECT_EQ(html.find('<', body + 6), weakest);
  EXPECT_LT(weakest, html.find("account toor", weakest));
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
}

TEST(ScanE2E, TextGroupsByPartyAndOpensWithWeakestLink) {
  FixtureRoot root;
  root.write("/etc/passwd", kPasswdWithBackdoor);
  auto r = run_shieldwall({"scan", "--root", root.path(), "--only", "host.accounts.extra_uid0"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos) << "no colour when piped";
  auto weakest = r.out.find("WEAKEST LINK");
  auto part = r.out.find("Administrator's part");
  ASSERT_NE(weakest, std::string::npos);
  ASSERT_NE(part, std::string::npos);
  EXPECT_LT(weakest, part);
  EXPECT_NE(r.out.find("fix:"), std::string::npos);
}

// Every registered check runs on a bare fixture root, gets a status, and the JSON report is valid:
// no check may crash or stay silent on a root where almost nothing exists.
TEST(ScanE2E, AllChecksOnABareRootGiveAStatus) {
  FixtureRoot root;
  root.write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n");
  auto r = run_shieldwall({"scan", "--root", root.path(), "-f", "json", "--fail-on", "none"});
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 2) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["checks"].size(), scan::Registry::all().size());
  for (const auto& c : j["checks"]) {
    EXPECT_NE(c["detail"], "the check gave no verdict (a bug in shieldwall: please report it)")
        << c["id"];
  }
  expect_valid_json_report(r.out);
}

// A malformed sshd_config line and a malformed shadow line are both named with file and line, the
// exit code is 2, and the rest of both files is still evaluated.
TEST(ScanE2E, MalformedSshdConfigAndShadowLines) {
  FixtureRoot root;
  root.write("/etc/passwd",
             "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/a:/bin/sh\n");
  root.write("/etc/shadow", "root:$6$salt$hash:19000:0:99999:7:::\nalice::19000\n", 0640);
  root.write("/etc/ssh/sshd_config",
             "PermitRootLogin yes\nNoSuchKeyword 1\nPermitEmptyPasswords\n");
  root.write("/usr/sbin/sshd", "", 0755);
  auto r = run_shieldwall({"scan", "--root", root.path(), "--only", "host.ssh.permit_root_login",
                           "--only", "host.accounts.empty_password", "-f", "json"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("/etc/ssh/sshd_config:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/etc/ssh/sshd_config:3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/etc/shadow:2: 3 fields, expected 9"), std::string::npos) << r.err;
  auto j = nlohmann::json::parse(r.out);
  bool root_login = false;
  for (const auto& f : j["findings"]) root_login |= f["check"] == "host.ssh.permit_root_login";
  EXPECT_TRUE(root_login) << "the valid line before the bad ones still counts";
  expect_valid_json_report(r.out);
}

// A file that cannot be read (here: a directory where a file should be) makes the checks that need
// it say "could not decide" naming the file; the other checks still run.
TEST(ScanE2E, UnreadableFileIsAnErrorNamingItNotAPass) {
  FixtureRoot root;
  root.write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\n");
  root.mkdir("/etc/ssh/sshd_config");
  root.write("/usr/sbin/sshd", "", 0755);
  auto r = run_shieldwall({"scan", "--root", root.path(), "--only", "host.ssh.permit_root_login",
                           "--only", "host.accounts.extra_uid0", "-f", "json"});
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["checks"].size(), 2u);
  EXPECT_EQ(j["checks"][0]["id"], "host.accounts.extra_uid0");
  EXPECT_EQ(j["checks"][0]["status"], "pass");
  EXPECT_EQ(j["checks"][1]["status"], "error");
  EXPECT_NE(j["checks"][1]["detail"].get<std::string>().find("/etc/ssh/sshd_config"),
            std::string::npos);
}

TEST(ScanE2E, ExplainKnownAndUnknown) {
  auto ok = run_shieldwall({"explain", "host.accounts.extra_uid0"});
  EXPECT_EQ(ok.exit_code, 0);
  EXPECT_NE(ok.out.find("Why it matters"), std::string::npos);
  EXPECT_NE(ok.out.find("How to fix it"), std::string::npos);
  auto bad = run_shieldwall({"explain", "host.nope"});
  EXPECT_EQ(bad.exit_code, 2);
}

}  // namespace
}  // namespace sw::test
