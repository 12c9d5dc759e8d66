// SPDX-License-Identifier: Apache-2.0
// Import of shieldwall's own JSON reports as model findings (src/graph/import_report.h), with
// small reports written by the tests in the shape of docs/report.schema.json.
#include "graph/import_report.h"

#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/fixture.h"

namespace sw::graph {
namespace {

using nlohmann::json;

json finding(std::string_view id, std::string_view check, json extra = json::object()) {
  json f = {{"id", id},
            {"check", check},
            {"title", fmt::format("title of {}", id)},
            {"severity", "high"},
            {"risk", 7.5},
            {"category", "updates"},
            {"subject", "subject"},
            {"evidence", ""},
            {"why", "why"},
            {"fix", fmt::format("fix {}", id)},
            {"references", json::array()},
            {"responsible", {{"role", "admin"}, {"name", nullptr}}},
            {"host", "web01"},
            {"location", nullptr},
            {"package", nullptr}};
  for (auto& [k, v] : extra.items()) f[k] = v;
  return f;
}

std::string report(std::string_view command, std::string_view host, json findings) {
  json r = {{"schema", "shieldwall/report/v1"},
            {"tool", {{"name", "shieldwall"}, {"version", "0.1.0"}}},
            {"command", command},
            {"host", host},
            {"root", "/"},
            {"started_at", "2026-01-01T00:00:00Z"},
            {"duration_ms", 1},
            {"environment", json::array()},
            {"findings", std::move(findings)},
            {"checks", json::array()},
            {"errors", json::array()},
            {"notes", json::array()}};
  return r.dump();
}

const Finding* find(const Model& m, std::string_view id) {
  for (const Finding& f : m.findings) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

Model model_with_web01() {
  Model m;
  Asset web;
  web.id = "web01";
  web.kind = "host";
  web.zone = "dmz";
  web.owner = "team-web";
  web.services.push_back(Service{"tcp/443", "apache2 2.4.49", false});
  m.assets.push_back(web);
  return m;
}

TEST(ReportImport, KevVulnInAListeningServiceIsRemoteCodeExecution) {
  Model m = model_with_web01();
  std::vector<Error> errors;
  json f = finding(
      "SW-00000000000000a1", "host.updates.vulnerable_packages",
      {{"package", "apache2"},
       {"title",
        "upgrade apache2 from 2.4.49 to 2.4.51: fixes two advisories, one actively "
        "exploited"},
       {"evidence",
        "DSA-5000-1 (CVE-2021-41773): critical [ACTIVELY EXPLOITED: CISA KEV since 2021-11-03]\n"
        "DSA-5001-1 (CVE-2021-42013): critical"},
       {"references", {"CWE-1104", "DSA-5000-1", "https://example.invalid/CVE-2021-99999"}}});
  auto r = import_report_text(report("scan", "web01", json::array({f})), "web01.json", m, errors);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(m.assets.size(), 1u);  // the existing asset is used
  EXPECT_EQ(r->assets_created, 0u);
  const Finding* v = find(m, "SW-00000000000000a1");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->kind, "vuln");
  EXPECT_EQ(v->asset, "web01");
  EXPECT_EQ(v->cve, "CVE-2021-41773");
  EXPECT_EQ(v->extra["cves"], json::array({"CVE-2021-41773", "CVE-2021-42013", "CVE-2021-99999"}));
  ASSERT_TRUE(v->kev.has_value());
  EXPECT_TRUE(*v->kev);
  EXPECT_EQ(v->effect, Effect::kCodeExec);
  EXPECT_EQ(v->port, "tcp/443");
  EXPECT_FALSE(v->gate.p.has_value());  // p from KEV via the defaults table
  EXPECT_EQ(v->gate.fix, "fix SW-00000000000000a1");
  EXPECT_EQ(v->origin.file, "web01.json");
  EXPECT_EQ(r->vulns_with_effect, 1u);
}

TEST(ReportImport, ServiceProductNamesThePackage) {
  Model m;
  Asset h;
  h.id = "h1";
  h.services = {Service{"tcp/55000", "github.com/wazuh/wazuh 4.5.0", false},
                Service{"tcp/80", "NGINX/1.25", true}, Service{"tcp/8080", "apache2-utils", false}};
  m.assets.push_back(h);
  std::vector<Error> errors;
  auto kev = [](std::string_view id, std::string_view package) {
    return finding(id, "host.updates.vulnerable_dependencies",
                   {{"package", package}, {"host", "h1"}, {"title", "x: one actively exploited"}});
  };
  ASSERT_TRUE(
      import_report_text(report("vuln", "h1",
                                json::array({kev("SW-0000000000000011", "github.com/wazuh/wazuh"),
                                             kev("SW-0000000000000012", "nginx"),
                                             kev("SW-0000000000000013", "apache2")})),
                         "h.json", m, errors));
  EXPECT_EQ(find(m, "SW-0000000000000011")->port, "tcp/55000");
  EXPECT_EQ(find(m, "SW-0000000000000012")->port, "tcp/80");
  EXPECT_EQ(find(m, "SW-0000000000000012")->effect, Effect::kCodeExec);
  EXPECT_EQ(find(m, "SW-0000000000000013")->effect, Effect::kNone);  // apache2-utils is not it
}

TEST(ReportImport, VulnWithoutKnownEffectMakesNoEdge) {
  Model m = model_with_web01();
  std::vector<Error> errors;
  json not_kev = finding("SW-00000000000000b1", "host.updates.vulnerable_dependencies",
                         {{"package", "apache2"}, {"evidence", "PYSEC-1 (CVE-2020-1234): high"}});
  json kev_no_service = finding(
      "SW-00000000000000b2", "host.updates.vulnerable_packages",
      {{"package", "openssl"}, {"evidence", "X (CVE-2022-0001) [ACTIVELY EXPLOITED: CISA KEV]"}});
  json kernel = finding("SW-00000000000000b3", "host.updates.vulnerable_packages",
                        {{"package", "linux"}, {"title", "upgrade linux: one actively exploited"}});
  auto r = import_report_text(
      report("vuln", "web01", json::array({not_kev, kev_no_service, kernel})), "v.json", m, errors);
  ASSERT_TRUE(r);
  const Finding* a = find(m, "SW-00000000000000b1");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->effect, Effect::kNone);
  EXPECT_FALSE(a->kev.has_value());
  EXPECT_TRUE(a->extra.contains("effect_unknown"));
  const Finding* b = find(m, "SW-00000000000000b2");
  EXPECT_EQ(b->effect, Effect::kNone);
  EXPECT_TRUE(b->kev.value_or(false));
  const Finding* k = find(m, "SW-00000000000000b3");
  EXPECT_EQ(k->effect, Effect::kPrivEsc);
  EXPECT_TRUE(k->cve.empty());
  EXPECT_EQ(r->vulns, 3u);
  EXPECT_EQ(r->vulns_with_effect, 1u);
}

TEST(ReportImport, SecretsAndOtherChecks) {
  Model m;
  std::vector<Error> errors;
  json leaked = finding("SW-00000000000000c1", "secrets.aws-access-token",
                        {{"details", {{"rule", "aws-access-token"}, {"commit", "abc"}}}});
  json aws = finding("SW-00000000000000c2", "host.home.aws_credentials");
  json ssh = finding("SW-00000000000000c3", "host.ssh.permit_root_login");
  auto r = import_report_text(report("scan", "db 01", json::array({leaked, aws, ssh})), "s.json", m,
                              errors);
  ASSERT_TRUE(r);
  // The asset of the finding's host ("web01"), created.
  ASSERT_EQ(m.assets.size(), 1u);
  EXPECT_EQ(m.assets[0].id, "web01");
  EXPECT_EQ(m.assets[0].kind, "host");
  EXPECT_EQ(r->assets_created, 1u);
  EXPECT_EQ(find(m, "SW-00000000000000c1")->kind, "secret");
  EXPECT_TRUE(find(m, "SW-00000000000000c1")->grants.empty());
  EXPECT_EQ(find(m, "SW-00000000000000c1")->extra["rule"], "aws-access-token");
  EXPECT_EQ(find(m, "SW-00000000000000c2")->kind, "secret");
  EXPECT_EQ(find(m, "SW-00000000000000c3")->kind, "check");
  EXPECT_EQ(find(m, "SW-00000000000000c3")->extra["check"], "host.ssh.permit_root_login");
  EXPECT_EQ(r->secrets, 2u);
  EXPECT_EQ(r->other, 1u);
}

TEST(ReportImport, HostFromTheReportMadeValidAndTeamOwners) {
  Model m;
  std::vector<Error> errors;
  json f = finding("SW-00000000000000d1", "host.ssh.permit_root_login",
                   {{"host", ""}, {"responsible", {{"role", "team:web ops"}, {"name", "Ops"}}}});
  ASSERT_TRUE(import_report_text(report("scan", "db 01", json::array({f})), "d.json", m, errors));
  ASSERT_EQ(m.assets.size(), 1u);
  EXPECT_EQ(m.assets[0].id, "db_01");
  EXPECT_EQ(m.assets[0].extra["name"], "db 01");
  const Finding* got = find(m, "SW-00000000000000d1");
  EXPECT_EQ(got->asset, "db_01");
  EXPECT_EQ(got->gate.owner, "web_ops");
  ASSERT_EQ(m.owners.size(), 1u);
  EXPECT_EQ(m.owners[0].id, "web_ops");
  EXPECT_EQ(m.owners[0].kind, "team");
  EXPECT_EQ(got->extra["responsible"], "team:web ops (Ops)");
}

TEST(ReportImport, BadFindingsAreNamedAndTheRestKept) {
  Model m;
  std::vector<Error> errors;
  json no_id = finding("", "host.ssh.permit_root_login");
  json ok = finding("SW-00000000000000e1", "host.ssh.permit_root_login");
  auto r =
      import_report_text(report("scan", "h", json::array({no_id, 42, ok})), "e.json", m, errors);
  ASSERT_TRUE(r);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].file(), "e.json");
  EXPECT_NE(errors[0].message().find("findings[0]"), std::string::npos);
  EXPECT_NE(errors[1].message().find("findings[1]"), std::string::npos);
  EXPECT_NE(find(m, "SW-00000000000000e1"), nullptr);
  EXPECT_EQ(m.findings.size(), 1u);
}

TEST(ReportImport, NotAReport) {
  Model m;
  std::vector<Error> errors;
  EXPECT_FALSE(import_report_text("{", "x.json", m, errors));
  auto wrong = import_report_text(R"({"schema": "shieldwall.graph/v1"})", "y.json", m, errors);
  ASSERT_FALSE(wrong);
  EXPECT_EQ(wrong.error().file(), "y.json");
  EXPECT_FALSE(
      import_report_text(R"({"schema": "shieldwall/report/v1", "findings": 3})", "z", m, errors));
  EXPECT_TRUE(looks_like_report(report("scan", "h", json::array())));
  EXPECT_FALSE(looks_like_report(R"({"meta": {"type": "users"}, "data": []})"));
}

TEST(ReportImport, FindingsAlreadyInTheModelAreKeptAndFilesRead) {
  Model m;
  Finding mine;
  mine.id = "SW-00000000000000f1";
  mine.kind = "secret";
  mine.asset = "web01";
  mine.grants = "svc_db";
  m.findings.push_back(mine);
  test::FixtureRoot root;
  root.write("/r.json",
             report("scan", "web01",
                    json::array({finding("SW-00000000000000f1", "host.home.netrc_passwords"),
                                 finding("SW-00000000000000f2", "host.home.netrc_passwords")})));
  std::vector<Error> errors;
  auto r = import_report_file(root.real("/r.json"), m, errors);
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->kept_existing, 1u);
  EXPECT_EQ(find(m, "SW-00000000000000f1")->grants, "svc_db");
  EXPECT_NE(find(m, "SW-00000000000000f2"), nullptr);
  EXPECT_EQ(m.files.back(), root.real("/r.json"));
  EXPECT_FALSE(import_report_file(root.real("/nope.json"), m, errors));
}

}  // namespace
}  // namespace sw::graph
