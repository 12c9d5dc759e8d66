// SPDX-License-Identifier: Apache-2.0
// End-to-end tests of `shieldwall vuln` (and the vulnerability part of `scan`): a store imported
// from records the tests write, projects and roots built in temporary directories.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"
#include "support/fixture.h"

namespace sw::test {
namespace {

const char* kDjango = R"({"id":"PYSEC-2021-9","modified":"2024-01-01T00:00:00Z",
"aliases":["CVE-2021-0009"],"summary":"SQL injection in QuerySet",
"severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
"affected":[{"package":{"ecosystem":"PyPI","name":"Django"},
"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"3.0"},{"fixed":"3.2.5"}]}]}]})";

const char* kYaml = R"({"id":"PYSEC-2020-1","modified":"2024-01-01T00:00:00Z",
"aliases":["CVE-2020-0001"],"summary":"code execution in full_load",
"affected":[{"package":{"ecosystem":"PyPI","name":"pyyaml"},
"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"5.4"}]}]}]})";

const char* kOpenssl = R"({"id":"DSA-5000-1","modified":"2024-01-01T00:00:00Z",
"aliases":["CVE-2024-5000"],"summary":"openssl flaw",
"affected":[{"package":{"ecosystem":"Debian:12","name":"openssl"},
"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"3.0.13-1~deb12u1"}]}]}]})";

const char* kKev = R"({"catalogVersion":"2025.01.01","dateReleased":"2025-01-01T00:00:00Z",
"vulnerabilities":[{"cveID":"CVE-2020-0001","vendorProject":"V","product":"P",
"vulnerabilityName":"N","dateAdded":"2024-02-01","dueDate":"2024-02-22",
"knownRansomwareCampaignUse":"Known"}]})";

class VulnE2E : public ::testing::Test {
 protected:
  void SetUp() override {
    src_.write("/osv/django.json", kDjango);
    src_.write("/osv/pyyaml.json", kYaml);
    src_.write("/osv/openssl.json", kOpenssl);
    src_.write("/kev.json", kKev);
    auto imp = run_shieldwall({"db", "import", "--data-dir", data_.path(), src_.real("/osv"),
                               src_.real("/kev.json")});
    ASSERT_EQ(imp.exit_code, 0) << imp.out << imp.err;
  }
  sw::test::Run vuln(std::vector<std::string> args) {
    std::vector<std::string> all = {"vuln", "--data-dir", data_.path()};
    all.insert(all.end(), args.begin(), args.end());
    return run_shieldwall(all);
  }
  FixtureRoot data_, src_, project_;
};

void expect_valid_json_report(const std::string& text) {
  FixtureRoot tmp;
  tmp.write("/report.json", text);
  auto v = run_program({"/usr/bin/python3", std::string(SW_SOURCE_DIR) + "/tools/validate-json.py",
                        std::string(SW_SOURCE_DIR) + "/docs/report.schema.json",
                        tmp.real("/report.json")});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

TEST_F(VulnE2E, LockfileFindingsWorstFirstWithEveryPackageListed) {
  project_.write("/requirements.txt", "django==3.2.1\npyyaml==5.3\nrequests==2.31.0\nflask>=2\n");
  auto r = vuln({"-f", "json", project_.path()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  expect_valid_json_report(r.out);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["command"], "vuln");
  ASSERT_EQ(j["findings"].size(), 2u);
  // The actively exploited one first, though its CVSS score is not given.
  EXPECT_EQ(j["findings"][0]["title"],
            "upgrade pyyaml from 5.3 to 5.4: fixes one advisory, actively exploited");
  EXPECT_EQ(j["findings"][0]["severity"], "critical");
  EXPECT_EQ(j["findings"][1]["title"], "upgrade django from 3.2.1 to 3.2.5: fixes one advisory");
  EXPECT_EQ(j["findings"][1]["location"]["line"], 1);
  EXPECT_EQ(j["findings"][1]["responsible"]["role"], "developer");
  ASSERT_EQ(j["packages"].size(), 4u);
  EXPECT_EQ(j["packages"][2]["name"], "requests");
  EXPECT_TRUE(j["packages"][2]["advisories"].empty());  // checked, clean
  EXPECT_EQ(j["packages"][3]["problem"], "no version given");

  auto sarif = vuln({"-f", "sarif", project_.path()});
  auto s = nlohmann::json::parse(sarif.out);
  const auto& loc = s["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
  EXPECT_NE(loc["artifactLocation"]["uri"].get<std::string>().find("requirements.txt"),
            std::string::npos);
}

TEST_F(VulnE2E, FailOnKev) {
  project_.write("/requirements.txt", "django==3.2.1\n");
  EXPECT_EQ(vuln({"--fail-on", "kev", project_.path()}).exit_code, 0);
  project_.write("/requirements.txt", "django==3.2.1\npyyaml==5.3\n");
  EXPECT_EQ(vuln({"--fail-on", "kev", project_.path()}).exit_code, 1);
  EXPECT_EQ(vuln({"--fail-on", "nonsense", project_.path()}).exit_code, 2);
}

TEST_F(VulnE2E, IgnoreFileHidesUntilItExpires) {
  project_.write("/requirements.txt", "django==3.2.1\n");
  project_.write("/ignore.toml",
                 "[[ignore]]\nid = \"CVE-2021-0009\"\nreason = \"ORM not used\"\n"
                 "owner = \"alice@example.com\"\nexpires = 2999-01-01\n");
  auto r = vuln({"-f", "json", "--ignore", project_.real("/ignore.toml"),
                 project_.real("/requirements.txt")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["findings"].empty());
  EXPECT_EQ(j["packages"][0]["ignored"][0], "PYSEC-2021-9");

  project_.write("/ignore.toml",
                 "[[ignore]]\nid = \"CVE-2021-0009\"\nreason = \"ORM not used\"\n"
                 "owner = \"alice@example.com\"\nexpires = 2001-01-01\n");
  r = vuln({"-f", "json", "--ignore", project_.real("/ignore.toml"),
            project_.real("/requirements.txt")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("expired on 2001-01-01"), std::string::npos);

  project_.write("/ignore.toml", "[[ignore]]\nid = \"CVE-2021-0009\"\n");
  r = vuln({"--ignore", project_.real("/ignore.toml"), project_.real("/requirements.txt")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("ignore.toml:1: ignore entry for CVE-2021-0009 has no reason"),
            std::string::npos)
      << r.err;
}

TEST_F(VulnE2E, MalformedLockfileIsAnErrorTheOthersStillCount) {
  project_.write("/a/requirements.txt", "django==3.2.1\n");
  project_.write("/b/Pipfile.lock", "{ not json");
  auto r = vuln({"-f", "json", project_.path()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("Pipfile.lock"), std::string::npos) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["findings"].size(), 1u);
}

TEST_F(VulnE2E, NoDatabaseIsNotAClean) {
  FixtureRoot empty;
  project_.write("/requirements.txt", "django==3.2.1\n");
  auto r = run_shieldwall({"vuln", "--data-dir", empty.path(), project_.path()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("shieldwall db update"), std::string::npos) << r.err;
}

TEST_F(VulnE2E, OsPackagesOfARootGoToTheAdministrator) {
  FixtureRoot root;
  root.write("/etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n");
  root.write("/var/lib/dpkg/status",
             "Package: libssl3\nStatus: install ok installed\nVersion: 3.0.11-1~deb12u2\n"
             "Source: openssl\nArchitecture: amd64\n\n");
  auto r = vuln({"-f", "json", "--root", root.path()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["check"], "host.updates.vulnerable_packages");
  EXPECT_EQ(j["findings"][0]["responsible"]["role"], "admin");
  EXPECT_EQ(j["packages"][0]["ecosystem"], "Debian:12");

  // The same weakness found by `scan` has the same id.
  auto s = run_shieldwall({"scan", "--root", root.path(), "--data-dir", data_.path(), "--only",
                           "host.updates.vulnerable_packages", "-f", "json"});
  auto sj = nlohmann::json::parse(s.out);
  ASSERT_EQ(sj["findings"].size(), 1u) << s.out;
  EXPECT_EQ(sj["findings"][0]["id"], j["findings"][0]["id"]);
}

TEST_F(VulnE2E, NothingCheckableIsAnError) {
  FixtureRoot root;
  root.write("/etc/os-release", "ID=alpine\nVERSION_ID=3.19.1\n");
  root.write("/lib/apk/db/installed", "P:musl\nV:1.2.4-r2\nA:x86_64\no:musl\n\n");
  auto r = vuln({"--root", root.path()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no Alpine advisories"), std::string::npos) << r.err;
}

TEST_F(VulnE2E, Sbom) {
  project_.write("/bom.json",
                 R"({"bomFormat":"CycloneDX","specVersion":"1.5","components":[
{"type":"library","name":"django","version":"3.2.1","purl":"pkg:pypi/django@3.2.1"}]})");
  auto r = vuln({"-f", "json", "--sbom", project_.real("/bom.json")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["findings"].size(), 1u);
}

TEST_F(VulnE2E, ScanPathChecksLockfilesToo) {
  FixtureRoot root;
  project_.write("/requirements.txt", "django==3.2.1\n");
  auto r = run_shieldwall({"scan", "--root", root.path(), "--data-dir", data_.path(), "--only",
                           "host.updates.vulnerable_dependencies", "-f", "json", project_.path()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["findings"].size(), 1u);
  EXPECT_EQ(j["findings"][0]["title"], "upgrade django from 3.2.1 to 3.2.5: fixes one advisory");
}

}  // namespace
}  // namespace sw::test
