// SPDX-License-Identifier: Apache-2.0
// End to end: `shieldwall graph analyze|check|export` on models written here. The main model is
// the worked example of the graph spec (../shared/specs/graph.md, 2.7), told in our own words as
// a YAML file: an internet-facing web server whose config holds the database password, and a
// phishable employee whose workstation holds helpdesk credentials. Its answers (most likely
// single path 0.7695; cheapest complete fix 6 = f-web-secret + r-sess-helpdesk, half each for
// team-web and team-helpdesk; 3 from the network alone, 3 from phishing alone) were worked out by
// hand in the spec. JSON output is checked against docs/graph-result.schema.json.
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/cli_support.h"
#include "support/fixture.h"

namespace sw::test {
namespace {

using nlohmann::json;

// The flows of the worked example: what the network team keeps.
constexpr const char* kFlows = R"(schema: shieldwall.graph/v1
flows:
  - {id: fw-1, from: [internet], to: [dmz], ports: [tcp/443], owner: team-net, fix_cost: null,
     p: 1.0, note: "the public web site; the business needs it"}
  - {id: fw-app-db, from: [srv-app], to: [srv-db], ports: [tcp/1433], owner: team-net,
     fix_cost: 50, p: 1.0}
)";

// Everything else of the worked example.
constexpr const char* kEstate = R"(schema: shieldwall.graph/v1
org: Worked example
owners:
  - {id: team-web, kind: team}
  - {id: team-dba, kind: team}
  - {id: team-desktop, kind: team}
  - {id: team-helpdesk, kind: team}
  - {id: team-app, kind: team}
  - {id: team-net, kind: team}
  - {id: alice, kind: person}
zones: [{id: internet}, {id: dmz}, {id: corp}, {id: srv-app}, {id: srv-db}]
assets:
  - id: web01
    kind: host
    zone: dmz
    owner: team-web
    services: [{port: tcp/443, product: "apache httpd 2.4.49", runs_as: user}]
  - {id: ws-alice, kind: host, zone: corp, owner: team-desktop}
  - id: app01
    kind: host
    zone: srv-app
    owner: team-app
    services: [{port: tcp/8443, product: inventory, runs_as: user}]
  - id: db01
    kind: host
    zone: srv-db
    owner: team-dba
    crown_jewel: true
    services: [{port: tcp/1433, product: mssql, runs_as: admin}]
identities:
  - {id: u.alice, kind: user, owner: alice}
  - {id: u.helpdesk, kind: user, owner: team-helpdesk}
  - {id: svc_db, kind: service_account, owner: team-dba}
people:
  - {id: alice, identity: u.alice, workstation: ws-alice, owner: alice, phish_p: 0.2,
     phish_fix_cost: 6}
findings:
  - {id: f-web-rce, kind: vuln, asset: web01, port: tcp/443, cve: CVE-2021-41773,
     effect: code_exec, owner: team-web, fix_cost: 4, p: 0.9, fix: upgrade httpd}
  - {id: f-web-secret, kind: secret, asset: web01, grants: svc_db, requires: user,
     owner: team-web, fix_cost: 3, p: 0.9, fix: "take the DB password out of the app config, rotate it"}
  - {id: f-ws-privesc, kind: vuln, asset: ws-alice, cve: CVE-2023-00001, effect: priv_esc,
     owner: team-desktop, fix_cost: 4, p: 0.6}
  - {id: f-db-rce, kind: vuln, asset: db01, port: tcp/1433, cve: CVE-2023-00002,
     effect: code_exec, owner: team-dba, fix_cost: 2, p: 0.6}
relations:
  - {id: r-svcdb-admin, kind: admin_to, from: svc_db, to: db01, owner: team-dba, fix_cost: 5,
     p: 0.95}
  - {id: r-sess-helpdesk, kind: session, identity: u.helpdesk, host: ws-alice,
     owner: team-helpdesk, fix_cost: 3, p: 0.8}
  - {id: r-hd-admin-app01, kind: admin_to, from: u.helpdesk, to: app01, owner: team-app,
     fix_cost: 4, p: 0.95}
  - {id: r-sess-svcdb-app01, kind: session, identity: svc_db, host: app01, owner: team-app,
     fix_cost: 2, p: 0.8}
entry_points:
  - {id: e-internet, kind: network, zone: internet}
  - {id: e-phish, kind: phishing}
)";

class GraphE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    root_.write("/flows.yaml", kFlows);
    root_.write("/estate.yaml", kEstate);
  }
  std::string file(const std::string& name) const { return root_.real("/" + name); }
  std::string write(const std::string& name, const std::string& text) {
    root_.write("/" + name, text);
    return file(name);
  }
  std::vector<std::string> model() const { return {file("flows.yaml"), file("estate.yaml")}; }

  json analyze_json(std::vector<std::string> extra, int expected_exit = 1) {
    std::vector<std::string> args{"graph", "analyze", "-f", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    for (const auto& m : model()) args.push_back(m);
    test::Run r = run_shieldwall(args);
    EXPECT_EQ(r.exit_code, expected_exit) << r.err;
    expect_valid_result(r.out);
    return json::parse(r.out);
  }

  void expect_valid_result(const std::string& text) {
    const std::string doc = write("result.json", text);
    test::Run v =
        run_program({"/usr/bin/python3", std::string(SW_SOURCE_DIR) + "/tools/validate-json.py",
                     std::string(SW_SOURCE_DIR) + "/docs/graph-result.schema.json", doc});
    EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  }

  FixtureRoot root_;
};

std::set<std::string> cut_ids(const json& cut) {
  std::set<std::string> out;
  for (const auto& item : cut["items"]) out.insert(item["id"].get<std::string>());
  return out;
}

const json& entry_kind(const json& result, const std::string& kind) {
  for (const auto& e : result["cuts_by_entry_kind"]) {
    if (e["kind"] == kind) return e;
  }
  static const json none;
  ADD_FAILURE() << "no cut for entry kind " << kind;
  return none;
}

TEST_F(GraphE2e, WorkedExampleAllEntries) {
  json j = analyze_json({});
  EXPECT_EQ(j["schema"], "shieldwall.graph.result/v1");
  EXPECT_EQ(j["reachable_targets"], json::array({"admin@db01"}));
  EXPECT_NEAR(j["most_likely_path"]["probability"].get<double>(), 0.7695, 1e-9);
  // The path: internet, then fw-1, f-web-rce, f-web-secret, r-svcdb-admin.
  std::vector<std::string> gates;
  for (const auto& s : j["most_likely_path"]["steps"]) {
    if (s.contains("gate")) gates.push_back(s["gate"]);
  }
  EXPECT_EQ(gates,
            (std::vector<std::string>{"fw-1", "f-web-rce", "f-web-secret", "r-svcdb-admin"}));
  EXPECT_EQ(j["most_likely_path"]["steps"][0]["state"], "net:internet");

  const json& cut = j["min_cut"];
  EXPECT_FALSE(cut["unbounded"].get<bool>());
  EXPECT_DOUBLE_EQ(cut["value"].get<double>(), 6);
  EXPECT_EQ(cut_ids(cut), (std::set<std::string>{"f-web-secret", "r-sess-helpdesk"}));
  ASSERT_EQ(cut["by_owner"].size(), 2u);
  std::set<std::string> owners;
  for (const auto& o : cut["by_owner"]) {
    owners.insert(o["owner"].get<std::string>());
    EXPECT_DOUBLE_EQ(o["cost"].get<double>(), 3);
    EXPECT_DOUBLE_EQ(o["share"].get<double>(), 0.5);
  }
  EXPECT_EQ(owners, (std::set<std::string>{"team-web", "team-helpdesk"}));

  // Three simple paths, best first (Yen).
  ASSERT_EQ(j["top_paths"].size(), 3u);
  EXPECT_NEAR(j["top_paths"][1]["probability"].get<double>(), 0.069312, 1e-9);
  EXPECT_NEAR(j["top_paths"][2]["probability"].get<double>(), 0.05472, 1e-9);

  // Each kind of entry point on its own.
  EXPECT_DOUBLE_EQ(entry_kind(j, "network")["min_cut"]["value"].get<double>(), 3);
  EXPECT_DOUBLE_EQ(entry_kind(j, "phishing")["min_cut"]["value"].get<double>(), 3);

  const json& t = j["targets"][0];
  EXPECT_EQ(t["state"], "admin@db01");
  EXPECT_EQ(t["exposure"]["identities"], 2);
  EXPECT_EQ(t["exposure"]["assets"], 3);
  EXPECT_EQ(j["stats"]["nodes"], 31);
  EXPECT_EQ(j["stats"]["gates"], 11);
  EXPECT_EQ(j["stats"]["edges"], 33);
  EXPECT_EQ(j["model_digest"].get<std::string>().rfind("sha256:", 0), 0u);
  EXPECT_EQ(j["model_digest"].get<std::string>().size(), 7u + 64u);
  EXPECT_TRUE(j["errors"].empty());
}

TEST_F(GraphE2e, EntryKindsOnTheirOwn) {
  json net = analyze_json({"--entry", "network"});
  EXPECT_EQ(net["entries"], json::array({"e-internet"}));
  EXPECT_DOUBLE_EQ(net["min_cut"]["value"].get<double>(), 3);
  EXPECT_EQ(cut_ids(net["min_cut"]), (std::set<std::string>{"f-web-secret"}));
  EXPECT_NEAR(net["most_likely_path"]["probability"].get<double>(), 0.7695, 1e-9);
  EXPECT_EQ(net["stats"]["selected"]["nodes"], 30);  // no phishing gate without phishing
  EXPECT_EQ(net["stats"]["selected"]["edges"], 30);

  json phish = analyze_json({"--entry", "phishing"});
  EXPECT_DOUBLE_EQ(phish["min_cut"]["value"].get<double>(), 3);
  EXPECT_EQ(cut_ids(phish["min_cut"]), (std::set<std::string>{"r-sess-helpdesk"}));
  EXPECT_NEAR(phish["most_likely_path"]["probability"].get<double>(), 0.069312, 1e-9);
  ASSERT_EQ(phish["min_cut"]["by_owner"].size(), 1u);
  EXPECT_DOUBLE_EQ(phish["min_cut"]["by_owner"][0]["share"].get<double>(), 1.0);

  json by_id = analyze_json({"--entry-id", "e-internet"});
  EXPECT_DOUBLE_EQ(by_id["min_cut"]["value"].get<double>(), 3);
}

TEST_F(GraphE2e, WhatIfFixingTheSecret) {
  json j = analyze_json({"--fix", "f-web-secret"});
  EXPECT_EQ(j["removed"], json::array({"f-web-secret"}));
  // Still reachable through phishing; the best path is now the phishing one.
  EXPECT_EQ(j["reachable_targets"], json::array({"admin@db01"}));
  EXPECT_NEAR(j["most_likely_path"]["probability"].get<double>(), 0.069312, 1e-9);
  EXPECT_DOUBLE_EQ(j["min_cut"]["value"].get<double>(), 3);
  EXPECT_EQ(cut_ids(j["min_cut"]), (std::set<std::string>{"r-sess-helpdesk"}));

  // Both fixes of the cut: nothing reaches the crown jewel, exit 0.
  json both = analyze_json({"--fix", "f-web-secret,r-sess-helpdesk"}, 0);
  EXPECT_TRUE(both["reachable_targets"].empty());
  EXPECT_FALSE(both["min_cut"]["reachable"].get<bool>());
  EXPECT_TRUE(both["most_likely_path"].is_null());

  test::Run bad = run_shieldwall(
      {"graph", "analyze", "--fix", "no-such-gate", file("flows.yaml"), file("estate.yaml")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("no-such-gate"), std::string::npos) << bad.err;
}

TEST_F(GraphE2e, TextPutsTheWeakestLinksFirstPerOwner) {
  test::Run r = run_shieldwall({"graph", "analyze", file("flows.yaml"), file("estate.yaml")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const std::string& out = r.out;
  const auto weakest = out.find("THE WEAKEST LINKS");
  const auto path = out.find("MOST LIKELY SINGLE PATH");
  ASSERT_NE(weakest, std::string::npos) << out;
  ASSERT_NE(path, std::string::npos) << out;
  EXPECT_LT(weakest, path);
  EXPECT_NE(out.find("team-web: 1 fix, cost 3, 50% of the cheapest complete fix"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("team-helpdesk: 1 fix, cost 3, 50% of the cheapest complete fix"),
            std::string::npos);
  EXPECT_NE(out.find("take the DB password out of the app config, rotate it"), std::string::npos);
  EXPECT_NE(out.find("probability 0.7695"), std::string::npos);
  EXPECT_NE(out.find("network only (e-internet): cheapest complete fix costs 3"),
            std::string::npos);
  EXPECT_NE(out.find("phishing only (e-phish): cheapest complete fix costs 3"), std::string::npos);
  // Every value of this model is given: no product default is claimed.
  EXPECT_EQ(out.find("PRODUCT DEFAULTS USED"), std::string::npos);
}

TEST_F(GraphE2e, UnboundedCutShowsTheUnfixablePath) {
  const std::string m = write("open.yaml", R"(schema: shieldwall.graph/v1
zones: [{id: internet}, {id: dmz}]
assets:
  - {id: kiosk, zone: dmz, owner: team-shop, crown_jewel: true,
     services: [{port: tcp/80, product: kiosk-web, runs_as: admin}]}
flows:
  - {id: fw-kiosk, from: [internet], to: [dmz], ports: [tcp/80], fix_cost: null}
findings:
  - {id: f-kiosk, kind: vuln, asset: kiosk, port: tcp/80, effect: code_exec, fix_cost: null}
entry_points: [{id: e-net, kind: network, zone: internet}]
)");
  test::Run r = run_shieldwall({"graph", "analyze", "-f", "json", m});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  expect_valid_result(r.out);
  json j = json::parse(r.out);
  EXPECT_TRUE(j["min_cut"]["unbounded"].get<bool>());
  EXPECT_TRUE(j["min_cut"]["value"].is_null());
  ASSERT_EQ(j["unfixable_paths"].size(), 1u);
  std::vector<std::string> gates;
  for (const auto& s : j["unfixable_paths"][0]["steps"]) {
    if (s.contains("gate")) gates.push_back(s["gate"]);
  }
  EXPECT_EQ(gates, (std::vector<std::string>{"fw-kiosk", "f-kiosk"}));
  // The vuln's p is the product default; it is said so.
  bool vuln_default = false;
  for (const auto& d : j["defaults_used"]) vuln_default = vuln_default || d["gate"] == "f-kiosk";
  EXPECT_TRUE(vuln_default);

  test::Run text = run_shieldwall({"graph", "analyze", m});
  EXPECT_NE(text.out.find("No fix possible within the model"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("PRODUCT DEFAULTS USED"), std::string::npos);
  EXPECT_NE(text.out.find("f-kiosk: p 0.7 (the default for its kind)"), std::string::npos)
      << text.out;

  test::Run quiet = run_shieldwall({"graph", "analyze", "--fail-on", "none", m});
  EXPECT_EQ(quiet.exit_code, 0);
}

TEST_F(GraphE2e, CheckNamesFilesAndItems) {
  const std::string a = write("a.yaml", R"(schema: shieldwall.graph/v1
zones: [{id: dmz}]
assets:
  - {id: web01, zone: dmz, owner: team-web}
)");
  const std::string b = write("b.json", R"({"schema": "shieldwall.graph/v1",
  "assets": [{"id": "web01", "zone": "dmz", "owner": "team-other"}],
  "findings": [{"id": "f-orphan", "kind": "secret", "asset": "db99", "grants": "svc"}]
})");
  test::Run r = run_shieldwall({"graph", "check", a, b});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  // The conflicting id names both files and the item.
  bool conflict = false, dangling = false;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("web01") != std::string::npos && line.find("a.yaml") != std::string::npos &&
        line.find("b.json") != std::string::npos) {
      conflict = true;
    }
    if (line.find("f-orphan") != std::string::npos && line.find("db99") != std::string::npos &&
        line.find("b.json:3") != std::string::npos) {
      dangling = true;
    }
  }
  EXPECT_TRUE(conflict) << r.out;
  EXPECT_TRUE(dangling) << r.out;
  EXPECT_NE(r.out.find("NOT valid"), std::string::npos);

  test::Run ok = run_shieldwall({"graph", "check", file("flows.yaml"), file("estate.yaml")});
  EXPECT_EQ(ok.exit_code, 0) << ok.out;
  EXPECT_NE(ok.out.find("compiled: 20 states, 11 gates, 33 edges"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("the model is valid"), std::string::npos);
}

TEST_F(GraphE2e, ErrorsStillAnalyseTheRest) {
  const std::string bad = write("bad.yaml", R"(schema: shieldwall.graph/v1
findings:
  - {id: f-broken, kind: vuln, asset: web01, effect: code_exec, p: 7}
)");
  test::Run r = run_shieldwall(
      {"graph", "analyze", "-f", "json", file("flows.yaml"), file("estate.yaml"), bad});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.yaml:3"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("f-broken"), std::string::npos) << r.err;
  json j = json::parse(r.out);
  EXPECT_DOUBLE_EQ(j["min_cut"]["value"].get<double>(), 6);
  EXPECT_FALSE(j["errors"].empty());

  test::Run missing = run_shieldwall({"graph", "analyze", file("nope.yaml")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("nope.yaml"), std::string::npos);
}

TEST_F(GraphE2e, SplitFilesGiveTheSameModel) {
  // One file holding both parts, in another order, has the same digest.
  std::string estate = kEstate;
  std::string flows = kFlows;
  flows = flows.substr(flows.find("flows:"));
  const std::string one = write("one.yaml", estate + flows);
  json split = analyze_json({});
  test::Run r = run_shieldwall({"graph", "analyze", "-f", "json", one});
  json joined = json::parse(r.out);
  EXPECT_EQ(split["model_digest"], joined["model_digest"]);
  EXPECT_EQ(split["min_cut"], joined["min_cut"]);

  test::Run exported =
      run_shieldwall({"graph", "export", "-f", "json", file("flows.yaml"), file("estate.yaml")});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  json model = json::parse(exported.out);
  EXPECT_EQ(model["schema"], "shieldwall.graph/v1");
  ASSERT_EQ(model["flows"].size(), 2u);
  EXPECT_EQ(model["flows"][0]["id"], "fw-1");  // sorted by id
  EXPECT_EQ(model["flows"][1]["id"], "fw-app-db");
  // The export loads again to the same model.
  const std::string again = write("again.json", exported.out);
  test::Run re = run_shieldwall({"graph", "analyze", "-f", "json", again});
  EXPECT_EQ(json::parse(re.out)["model_digest"], split["model_digest"]);
}

TEST_F(GraphE2e, SvgHtmlAndDot) {
  test::Run svg =
      run_shieldwall({"graph", "analyze", "-f", "svg", file("flows.yaml"), file("estate.yaml")});
  EXPECT_EQ(svg.exit_code, 1) << svg.err;
  EXPECT_NE(svg.out.find("<svg"), std::string::npos);
  EXPECT_NE(svg.out.find("</svg>"), std::string::npos);
  EXPECT_NE(svg.out.find("f&#45;web&#45;secret"), std::string::npos);  // Graphviz escapes -

  test::Run dot =
      run_shieldwall({"graph", "analyze", "-f", "dot", file("flows.yaml"), file("estate.yaml")});
  EXPECT_EQ(dot.out.rfind("digraph", 0), 0u);
  EXPECT_NE(dot.out.find("color=red"), std::string::npos);

  // The organisation's name is shown, escaped.
  std::string estate = kEstate;
  estate.replace(estate.find("org: Worked example"), 19, "org: \"Acme <script>x</script>\"");
  const std::string hostile = write("hostile.yaml", estate);
  const std::string out = file("report.html");
  test::Run html =
      run_shieldwall({"graph", "analyze", "-f", "html", "-o", out, file("flows.yaml"), hostile});
  EXPECT_EQ(html.exit_code, 1) << html.err;
  const std::string page = read_text(out);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("<table class=\"owners\">"), std::string::npos);
  EXPECT_NE(page.find("<table class=\"cut\">"), std::string::npos);
  EXPECT_NE(page.find("<table class=\"paths\">"), std::string::npos);
  EXPECT_NE(page.find("<svg"), std::string::npos);
  EXPECT_NE(page.find("Acme &lt;script&gt;"), std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos);
}

TEST_F(GraphE2e, ExportOpenGraphAndDot) {
  test::Run og = run_shieldwall(
      {"graph", "export", "--format", "opengraph", file("flows.yaml"), file("estate.yaml")});
  ASSERT_EQ(og.exit_code, 0) << og.err;
  json j = json::parse(og.out);
  EXPECT_FALSE(j["graph"]["nodes"].empty());
  EXPECT_FALSE(j["graph"]["edges"].empty());
  EXPECT_EQ(j["metadata"]["source_kind"], "ShieldWall");

  test::Run dot =
      run_shieldwall({"graph", "export", "-f", "dot", file("flows.yaml"), file("estate.yaml")});
  ASSERT_EQ(dot.exit_code, 0) << dot.err;
  EXPECT_EQ(dot.out.rfind("digraph", 0), 0u);
  // Every gate of the whole graph is drawn, not only the relevant subgraph.
  EXPECT_NE(dot.out.find("fw-app-db"), std::string::npos);
  EXPECT_NE(dot.out.find("phish.alice"), std::string::npos);
}

TEST_F(GraphE2e, ScanReportFindingsBecomeGates) {
  const std::string m = write("web.yaml", R"(schema: shieldwall.graph/v1
zones: [{id: internet}, {id: dmz}]
assets:
  - {id: web01, zone: dmz, owner: team-web, services: [{port: tcp/443, product: "apache2 2.4.49"}]}
flows:
  - {id: fw-web, from: [internet], to: [dmz], ports: [tcp/443], fix_cost: null}
entry_points: [{id: e-net, kind: network, zone: internet}]
targets: [user@web01]
)");
  json finding = {
      {"id", "SW-00000000000000a1"},
      {"check", "host.updates.vulnerable_packages"},
      {"title", "upgrade apache2 from 2.4.49 to 2.4.51: one actively exploited"},
      {"severity", "critical"},
      {"risk", 9.5},
      {"category", "updates"},
      {"subject", "apache2"},
      {"evidence", "DSA-5000-1 (CVE-2021-41773): critical [ACTIVELY EXPLOITED: CISA KEV]"},
      {"why", "a known exploited hole in the web server"},
      {"fix", "apt-get install --only-upgrade apache2"},
      {"references", json::array()},
      {"responsible", {{"role", "admin"}, {"name", nullptr}}},
      {"host", "web01"},
      {"location", nullptr},
      {"package", "apache2"}};
  json report = {{"schema", "shieldwall/report/v1"},
                 {"tool", {{"name", "shieldwall"}, {"version", "0.1.0"}}},
                 {"command", "scan"},
                 {"host", "web01"},
                 {"root", "/"},
                 {"started_at", "2026-01-01T00:00:00Z"},
                 {"duration_ms", 1},
                 {"environment", json::array()},
                 {"findings", json::array({finding})},
                 {"checks", json::array()},
                 {"errors", json::array()},
                 {"notes", json::array()}};
  // The report is named first: inputs are sorted by content, model files merge first.
  const std::string rep = write("web01-scan.json", report.dump());
  test::Run r = run_shieldwall({"graph", "analyze", "-f", "json", rep, m});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  json j = json::parse(r.out);
  EXPECT_EQ(j["reachable_targets"], json::array({"user@web01"}));
  ASSERT_EQ(j["min_cut"]["items"].size(), 1u);
  EXPECT_EQ(j["min_cut"]["items"][0]["id"], "SW-00000000000000a1");
  EXPECT_EQ(j["min_cut"]["items"][0]["owner"], "team-web");  // inherited from the asset
  EXPECT_NEAR(j["most_likely_path"]["probability"].get<double>(), 0.9, 1e-9);  // KEV default
  bool kev = false;
  for (const auto& d : j["defaults_used"]) kev = kev || d.value("p_source", "") == "kev";
  EXPECT_TRUE(kev);
}

TEST_F(GraphE2e, CutAsOwnerRoutedReport) {
  const std::string out = file("report.json");
  test::Run r = run_shieldwall({"graph", "analyze", "-f", "report-json", "-o", out,
                                file("flows.yaml"), file("estate.yaml")});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const std::string text = read_text(out);
  test::Run v =
      run_program({"/usr/bin/python3", std::string(SW_SOURCE_DIR) + "/tools/validate-json.py",
                   std::string(SW_SOURCE_DIR) + "/docs/report.schema.json", out});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  json j = json::parse(text);
  EXPECT_EQ(j["command"], "graph");
  std::map<std::string, std::string> owner_of;
  for (const auto& f : j["findings"]) {
    owner_of[f["subject"].get<std::string>()] = f["responsible"]["role"].get<std::string>();
    EXPECT_EQ(f["severity"], "high");  // risk 7.7: 10 x the most likely path's 0.7695
  }
  EXPECT_EQ(owner_of,
            (std::map<std::string, std::string>{{"f-web-secret", "team:team-web"},
                                                {"r-sess-helpdesk", "team:team-helpdesk"}}));
}

TEST_F(GraphE2e, TargetAndAlgorithmOptions) {
  json j = analyze_json(
      {"--target", "admin@app01", "--target", "admin@db01", "--algorithm", "bk", "--k", "2"});
  ASSERT_EQ(j["targets"].size(), 2u);
  EXPECT_EQ(j["top_paths"].size(), 2u);
  for (const auto& t : j["targets"]) {
    ASSERT_TRUE(t.contains("min_cut")) << t.dump();
    if (t["state"] == "admin@app01") {
      // Only through phishing: r-sess-helpdesk (3) is the cheapest single fix.
      EXPECT_DOUBLE_EQ(t["min_cut"]["value"].get<double>(), 3);
    }
  }
  test::Run bad = run_shieldwall(
      {"graph", "analyze", "--target", "admin@nowhere", file("flows.yaml"), file("estate.yaml")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("admin@nowhere"), std::string::npos);

  json hops = analyze_json({"--fewest-hops"});
  EXPECT_EQ(hops["options"]["paths"], "fewest_hops");
  EXPECT_EQ(hops["most_likely_path"]["hops"], 4);
}

}  // namespace
}  // namespace sw::test
