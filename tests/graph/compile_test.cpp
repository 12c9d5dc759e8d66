// SPDX-License-Identifier: Apache-2.0
// Tests of compile() (src/graph/compile.cpp, gate_defaults.cpp): each compile rule C1-C15 of
// ../shared/specs/graph.md 2.3 on a tiny model, the default p / fix_cost sources and owner
// inheritance of 2.2, generated titles and fixes, warnings, and the worked example of 2.7 (written
// out below in our own words) with its 11 gates.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "graph/attack_graph.h"
#include "graph/gate_defaults.h"
#include "graph/model.h"

namespace sw::graph {
namespace {

std::string joined(const std::vector<Error>& errors) {
  std::string out;
  for (const auto& e : errors) out += e.to_string() + "\n";
  return out;
}

// Loads one inline YAML model, which must load and validate cleanly, and compiles it.
CompileResult compile_yaml(std::string_view yaml, const Defaults& d = {}) {
  Model m;
  std::vector<Error> errors;
  auto r = load_model_text(yaml, "t.yaml", m, errors);
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().to_string());
  EXPECT_EQ(joined(errors), "");
  EXPECT_EQ(joined(validate(m)), "");
  return compile(m, d);
}

// Edges as "from -> to" in graph order.
std::vector<std::string> edges(const AttackGraph& g) {
  std::vector<std::string> out;
  for (const Edge& e : g.edges) out.push_back(g.nodes[e.from].name + " -> " + g.nodes[e.to].name);
  return out;
}

bool has_edge(const AttackGraph& g, std::string_view from, std::string_view to) {
  auto all = edges(g);
  return std::find(all.begin(), all.end(), std::string(from) + " -> " + std::string(to)) !=
         all.end();
}

const Node& gate(const AttackGraph& g, const std::string& id) {
  static const Node kNone;
  auto it = g.gates.find(id);
  EXPECT_NE(it, g.gates.end()) << "no gate " << id;
  return it == g.gates.end() ? kNone : g.nodes[it->second];
}

bool warned(const CompileResult& c, std::string_view text) {
  return joined(c.warnings).find(text) != std::string::npos;
}

// ---- C1 .. C15 ----

TEST(GraphCompile, SpecialNodesComeFirst) {
  auto c = compile_yaml("zones: [{id: z}]\n");
  const AttackGraph& g = c.graph;
  EXPECT_EQ(g.attacker, 0u);
  EXPECT_EQ(g.target, 1u);
  EXPECT_EQ(g.nodes.size(), 2u);
  EXPECT_EQ(g.state_count(), 0u);     // a zone no rule uses has no state
  EXPECT_EQ(g.out_begin.size(), 3u);  // finish() ran
}

TEST(GraphCompile, C1AssetAdminImpliesUserAndUserGivesTheZone) {
  auto c = compile_yaml("zones: [{id: dmz}]\nassets: [{id: web01, zone: dmz}, {id: saas}]\n");
  EXPECT_EQ(edges(c.graph),
            (std::vector<std::string>{"admin@web01 -> user@web01", "user@web01 -> net:dmz",
                                      "admin@saas -> user@saas"}));
}

TEST(GraphCompile, C2FlowIsOneGateJoiningAllZonesToAllPorts) {
  auto c = compile_yaml(R"(zones: [{id: a}, {id: b}, {id: c}]
assets: [{id: h, zone: c}]
flows: [{id: fw, from: [a, b], to: [c], ports: [tcp/22, tcp/443]}]
)");
  const AttackGraph& g = c.graph;
  EXPECT_EQ(g.gate_count(), 1u);
  NodeId fw = g.gates.at("fw");
  EXPECT_EQ(g.in(fw).end() - g.in(fw).begin(), 2);
  EXPECT_EQ(g.out(fw).end() - g.out(fw).begin(), 2);
  EXPECT_TRUE(has_edge(g, "net:a", "fw"));
  EXPECT_TRUE(has_edge(g, "net:b", "fw"));
  EXPECT_TRUE(has_edge(g, "fw", "reach:c:tcp/22"));
  EXPECT_TRUE(has_edge(g, "fw", "reach:c:tcp/443"));
  const Node& n = gate(g, "fw");
  EXPECT_EQ(n.gate_kind, GateKind::kFlow);
  EXPECT_DOUBLE_EQ(n.p, 1.0);
  EXPECT_EQ(n.cost, 5.0);
  EXPECT_TRUE(n.p_defaulted);
  EXPECT_TRUE(n.cost_defaulted);
}

TEST(GraphCompile, C3CodeExecLandsAsTheServiceUser) {
  auto c = compile_yaml(R"(zones: [{id: z}]
assets:
  - {id: web, zone: z, services: [{port: tcp/80, runs_as: user}, {port: tcp/1433, runs_as: admin}]}
findings:
  - {id: f-web, kind: vuln, asset: web, port: tcp/80, effect: code_exec}
  - {id: f-sql, kind: vuln, asset: web, port: tcp/1433, effect: code_exec}
)");
  EXPECT_TRUE(has_edge(c.graph, "reach:z:tcp/80", "f-web"));
  EXPECT_TRUE(has_edge(c.graph, "f-web", "user@web"));
  EXPECT_TRUE(has_edge(c.graph, "reach:z:tcp/1433", "f-sql"));
  EXPECT_TRUE(has_edge(c.graph, "f-sql", "admin@web"));
  EXPECT_FALSE(has_edge(c.graph, "f-sql", "user@web"));
}

TEST(GraphCompile, C4PrivEsc) {
  auto c = compile_yaml(R"(assets: [{id: ws}]
findings: [{id: lpe, kind: vuln, asset: ws, effect: priv_esc}]
)");
  EXPECT_TRUE(has_edge(c.graph, "user@ws", "lpe"));
  EXPECT_TRUE(has_edge(c.graph, "lpe", "admin@ws"));
}

TEST(GraphCompile, C5SecretNeedsUserByDefaultOrAdmin) {
  auto c = compile_yaml(R"(assets: [{id: h}]
identities: [{id: svc}, {id: root-key}]
findings:
  - {id: s1, kind: secret, asset: h, grants: svc}
  - {id: s2, kind: secret, asset: h, grants: root-key, requires: admin}
)");
  EXPECT_TRUE(has_edge(c.graph, "user@h", "s1"));
  EXPECT_TRUE(has_edge(c.graph, "s1", "id:svc"));
  EXPECT_TRUE(has_edge(c.graph, "admin@h", "s2"));
  EXPECT_TRUE(has_edge(c.graph, "s2", "id:root-key"));
  EXPECT_EQ(gate(c.graph, "s1").gate_kind, GateKind::kSecret);
}

TEST(GraphCompile, C6ToC11Relations) {
  auto c = compile_yaml(R"(assets: [{id: ws}, {id: app}, {id: idp}, {id: sccm}, {id: nfs}]
identities: [{id: u}, {id: g}, {id: ceo}]
relations:
  - {id: r-member, kind: member_of, from: u, to: g}
  - {id: r-admin, kind: admin_to, from: g, to: ws}
  - {id: r-login, kind: can_login, from: g, to: app}
  - {id: r-sess, kind: session, identity: ceo, host: ws}
  - {id: r-ctl, kind: controls, from: g, to: ceo}
  - {id: r-sso, kind: sso, from: idp, to: app}
  - {id: r-exec, kind: exec_on, from: sccm, to: ws}
  - {id: r-nfs, kind: exec_on, from: nfs, to: app, requires: user, level: user}
)");
  const AttackGraph& g = c.graph;
  struct Want {
    const char* pred;
    const char* gate;
    const char* succ;
    GateKind kind;
  };
  for (const Want& w : {
           Want{"id:u", "r-member", "id:g", GateKind::kMemberOf},        // C6
           Want{"id:g", "r-admin", "admin@ws", GateKind::kAdminTo},      // C7
           Want{"id:g", "r-login", "user@app", GateKind::kCanLogin},     // C7
           Want{"admin@ws", "r-sess", "id:ceo", GateKind::kSession},     // C8
           Want{"id:g", "r-ctl", "id:ceo", GateKind::kControls},         // C9
           Want{"admin@idp", "r-sso", "admin@app", GateKind::kSso},      // C10
           Want{"admin@sccm", "r-exec", "admin@ws", GateKind::kExecOn},  // C11 defaults
           Want{"user@nfs", "r-nfs", "user@app", GateKind::kExecOn},     // C11 user/user
       }) {
    EXPECT_TRUE(has_edge(g, w.pred, w.gate)) << w.gate;
    EXPECT_TRUE(has_edge(g, w.gate, w.succ)) << w.gate;
    EXPECT_EQ(gate(g, w.gate).gate_kind, w.kind) << w.gate;
  }
  EXPECT_EQ(g.gate_count(), 8u);
}

TEST(GraphCompile, C12ToC14EntriesAreTaggedEdgesOutOfAttacker) {
  auto c = compile_yaml(R"(zones: [{id: internet}, {id: dmz}]
assets: [{id: ws, zone: dmz}]
identities: [{id: u.alice}, {id: u.contractor}]
people:
  - {id: alice, identity: u.alice, workstation: ws, phish_p: 0.2}
  - {id: immune, identity: u.alice, phish_p: 0}
  - {id: unmeasured, workstation: ws}
flows: [{id: fw, from: [internet], to: [dmz], ports: [tcp/443]}]
entry_points:
  - {id: e-net, kind: network, zone: internet}
  - {id: e-phish, kind: phishing}
  - {id: e-insider, kind: identity, identity: u.contractor}
)");
  const AttackGraph& g = c.graph;
  ASSERT_EQ(g.entries.size(), 3u);
  EXPECT_EQ(g.entries[1].id, "e-phish");
  EXPECT_EQ(g.entries[1].kind, EntryKind::kPhishing);
  std::vector<std::string> out_of_attacker;
  for (std::uint32_t ei : g.out(g.attacker)) {
    const Edge& e = g.edges[ei];
    out_of_attacker.push_back(g.nodes[e.to].name + "#" + std::to_string(e.entry));
  }
  EXPECT_EQ(out_of_attacker, (std::vector<std::string>{"net:internet#0", "phish.alice#1",
                                                       "phish.unmeasured#1", "id:u.contractor#2"}));
  // C13: one gate, two successors; phish_p 0 gives no gate; no phish_p takes the default 0.1.
  EXPECT_TRUE(has_edge(g, "phish.alice", "user@ws"));
  EXPECT_TRUE(has_edge(g, "phish.alice", "id:u.alice"));
  EXPECT_EQ(g.gates.count("phish.immune"), 0u);
  const Node& alice = gate(g, "phish.alice");
  EXPECT_EQ(alice.gate_kind, GateKind::kPhish);
  EXPECT_DOUBLE_EQ(alice.p, 0.2);
  EXPECT_FALSE(alice.p_defaulted);
  EXPECT_EQ(alice.owner, "alice");  // the person
  EXPECT_EQ(alice.cost, 3.0);
  const Node& unmeasured = gate(g, "phish.unmeasured");
  EXPECT_DOUBLE_EQ(unmeasured.p, 0.1);
  EXPECT_TRUE(unmeasured.p_defaulted);
  for (const Edge& e : g.edges) {
    if (e.from != g.attacker) {
      EXPECT_EQ(e.entry, kNoTag);
    }
  }
}

TEST(GraphCompile, TwoPhishingEntriesShareTheGate) {
  auto c = compile_yaml(R"(identities: [{id: u}]
people: [{id: p, identity: u, phish_p: 0.5}]
entry_points: [{id: e1, kind: phishing}, {id: e2, kind: phishing}]
)");
  EXPECT_EQ(c.graph.gate_count(), 1u);
  EXPECT_EQ(edges(c.graph), (std::vector<std::string>{"attacker -> phish.p", "phish.p -> id:u",
                                                      "attacker -> phish.p"}));
  EXPECT_EQ(c.graph.edges[2].entry, 1u);
}

TEST(GraphCompile, C15TargetsExplicitAndCrownJewels) {
  auto c = compile_yaml(R"(zones: [{id: z}]
assets: [{id: db, zone: z, crown_jewel: true}, {id: web, zone: z}]
identities: [{id: g.da, crown_jewel: true}]
targets: [user@web, admin@db, reach:z:tcp/22]
)");
  const AttackGraph& g = c.graph;
  ASSERT_EQ(g.targets.size(), 4u);  // admin@db listed once
  EXPECT_EQ(g.targets[0].state, "user@web");
  EXPECT_EQ(g.targets[1].state, "admin@db");
  EXPECT_EQ(g.targets[2].state, "reach:z:tcp/22");
  EXPECT_EQ(g.targets[3].state, "id:g.da");
  std::vector<std::string> into_target;
  for (std::uint32_t ei : g.in(g.target)) {
    const Edge& e = g.edges[ei];
    EXPECT_EQ(g.targets[e.target].node, e.from);
    into_target.push_back(g.nodes[e.from].name);
  }
  EXPECT_EQ(into_target,
            (std::vector<std::string>{"user@web", "admin@db", "reach:z:tcp/22", "id:g.da"}));
  // Nothing leads to admin@db (C1 only leaves it), reach:z:tcp/22 nor id:g.da.
  EXPECT_TRUE(warned(c,
                     "3 targets that no rule of the model leads to, so never reached: "
                     "admin@db, reach:z:tcp/22, id:g.da"))
      << joined(c.warnings);
}

TEST(GraphCompile, OtherFindingsMakeNoEdgesAndAreCountedOnce) {
  auto c = compile_yaml(R"(assets: [{id: h}]
findings:
  - {id: t1, kind: weak-tls, asset: h}
  - {id: t2, kind: weak-tls, asset: h}
  - {id: c1, kind: config, asset: h}
  - {id: v1, kind: vuln, asset: h}
)");
  EXPECT_EQ(c.graph.gate_count(), 0u);
  EXPECT_EQ(c.graph.edges.size(), 1u);  // C1 only
  ASSERT_EQ(c.warnings.size(), 1u) << joined(c.warnings);
  EXPECT_EQ(c.warnings[0].message(),
            "4 findings make no attack step and stay plain findings (kind config: 1, kind "
            "weak-tls: 2, vuln without code_exec/priv_esc effect: 1)");
}

// ---- defaults ----

TEST(GraphCompile, DefaultPAndCostPerKind) {
  auto c = compile_yaml(R"(zones: [{id: z}]
assets: [{id: a, zone: z, services: [{port: tcp/1}]}, {id: b}]
identities: [{id: i}, {id: j}]
flows: [{id: flow, from: [z], to: [z], ports: [tcp/1]}]
findings:
  - {id: rce, kind: vuln, asset: a, port: tcp/1, effect: code_exec}
  - {id: lpe, kind: vuln, asset: a, effect: priv_esc}
  - {id: secret, kind: secret, asset: a, grants: i}
relations:
  - {id: session, kind: session, identity: i, host: a}
  - {id: member, kind: member_of, from: i, to: j}
  - {id: admin, kind: admin_to, from: i, to: a}
  - {id: login, kind: can_login, from: i, to: a}
  - {id: controls, kind: controls, from: i, to: j}
  - {id: sso, kind: sso, from: a, to: b}
  - {id: exec, kind: exec_on, from: a, to: b}
people: [{id: p, identity: i}]
entry_points: [{id: e, kind: phishing}]
)");
  struct Want {
    const char* id;
    double p;
    double cost;
  };
  for (const Want& w : {Want{"flow", 1.0, 5}, Want{"rce", 0.7, 2}, Want{"lpe", 0.6, 2},
                        Want{"secret", 0.9, 1}, Want{"session", 0.8, 2}, Want{"member", 1.0, 3},
                        Want{"admin", 0.95, 2}, Want{"login", 0.95, 2}, Want{"controls", 0.95, 2},
                        Want{"sso", 0.95, 8}, Want{"exec", 0.9, 4}, Want{"phish.p", 0.1, 3}}) {
    const Node& n = gate(c.graph, w.id);
    EXPECT_DOUBLE_EQ(n.p, w.p) << w.id;
    ASSERT_TRUE(n.cost.has_value()) << w.id;
    EXPECT_DOUBLE_EQ(*n.cost, w.cost) << w.id;
    EXPECT_TRUE(n.p_defaulted) << w.id;
    EXPECT_TRUE(n.cost_defaulted) << w.id;
    EXPECT_EQ(n.p_source, "default") << w.id;
  }
  // The table is a product constant that the config can change.
  Defaults d;
  d.flow_cost = 7;
  d.secret_p = 0.5;
  Model m;
  std::vector<Error> errors;
  ASSERT_TRUE(load_model_text(R"(zones: [{id: z}]
assets: [{id: a}]
identities: [{id: i}]
flows: [{id: flow, from: [z], to: [z], ports: [tcp/1], fix_cost: null, p: 0.5}]
findings: [{id: secret, kind: secret, asset: a, grants: i, fix_cost: 0}]
)",
                              "d.yaml", m, errors));
  auto c2 = compile(m, d);
  const Node& flow = gate(c2.graph, "flow");
  EXPECT_FALSE(flow.cost.has_value());  // null: cannot be fixed
  EXPECT_FALSE(flow.cost_defaulted);
  EXPECT_DOUBLE_EQ(flow.p, 0.5);
  EXPECT_FALSE(flow.p_defaulted);
  EXPECT_EQ(flow.p_source, "model");
  const Node& secret = gate(c2.graph, "secret");
  EXPECT_DOUBLE_EQ(secret.p, 0.5);
  EXPECT_EQ(secret.cost, 0.0);
}

TEST(GraphCompile, VulnDefaultPSources) {
  Defaults d;
  auto p = [&](std::string_view extra, Effect effect = Effect::kCodeExec) {
    Model m;
    std::vector<Error> errors;
    EXPECT_TRUE(load_model_text(
        "findings: [{id: f, kind: vuln, asset: a, port: tcp/1, effect: code_exec, " +
            std::string(extra) + "}]\n",
        "v.yaml", m, errors));
    EXPECT_EQ(joined(errors), "");
    if (m.findings.empty()) return DefaultP{};
    m.findings[0].effect = effect;
    return default_vuln_p(m.findings[0], d);
  };
  EXPECT_DOUBLE_EQ(p("kev: true, epss: 0.2").p, 0.9);
  EXPECT_EQ(p("kev: true, epss: 0.2").source, "kev");
  EXPECT_DOUBLE_EQ(p("kev: false, epss: 0.2").p, 0.2);
  EXPECT_EQ(p("epss: 0.2").source, "epss");
  EXPECT_DOUBLE_EQ(p("epss: 0.001").p, 0.05);  // EPSS floor
  EXPECT_DOUBLE_EQ(p("epss: 0.3, cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N'").p, 0.3);
  // CVSS v3: 0.9 x E / E_max.
  EXPECT_NEAR(p("cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'").p, 0.9, 1e-12);
  EXPECT_EQ(p("cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'").source, "cvss3");
  double e_local = 8.22 * 0.55 * 0.44 * 0.62 * 0.62;  // AV:L/AC:H/PR:L(S:U)/UI:R
  EXPECT_NEAR(p("cvss: 'CVSS:3.0/AV:L/AC:H/PR:L/UI:R/S:U/C:H/I:H/A:H'").p, 0.9 * e_local / 3.887,
              1e-4);
  double e_changed = 8.22 * 0.85 * 0.77 * 0.68 * 0.85;  // PR:L with S:C weighs 0.68
  EXPECT_NEAR(p("cvss: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H'").p, 0.9 * e_changed / 3.887,
              1e-4);
  // CVSS v2: MulVAL's access-complexity mapping.
  EXPECT_DOUBLE_EQ(p("cvss: 'AV:N/AC:L/Au:N/C:P/I:P/A:P'").p, 0.9);
  EXPECT_DOUBLE_EQ(p("cvss: '(AV:N/AC:M/Au:N/C:C/I:C/A:C)'").p, 0.6);
  EXPECT_DOUBLE_EQ(p("cvss: 'AV:L/AC:H/Au:S/C:C/I:C/A:C'").p, 0.2);
  EXPECT_EQ(p("cvss: 'AV:L/AC:H/Au:S/C:C/I:C/A:C'").source, "cvss2");
  // Nothing usable: 0.7 remote, 0.6 local.
  EXPECT_DOUBLE_EQ(p("cvss: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'").p,
                   0.7);
  EXPECT_DOUBLE_EQ(p("cvss: garbage").p, 0.7);
  EXPECT_DOUBLE_EQ(p("").p, 0.7);
  EXPECT_EQ(p("").source, "default");
  EXPECT_DOUBLE_EQ(p("", Effect::kPrivEsc).p, 0.6);
  EXPECT_FALSE(cvss_exploit_p("CVSS:3.1/AV:N/AC:L/PR:N"));  // UI missing
  EXPECT_FALSE(cvss_exploit_p("CVSS:3.1/AV:X/AC:L/PR:N/UI:N"));
}

TEST(GraphCompile, VulnGateCarriesItsPSource) {
  auto c = compile_yaml(R"(zones: [{id: z}]
assets: [{id: a, zone: z, services: [{port: tcp/1}]}]
findings:
  - {id: f, kind: vuln, asset: a, port: tcp/1, effect: code_exec, cve: CVE-1-2, epss: 0.42}
)");
  const Node& f = gate(c.graph, "f");
  EXPECT_DOUBLE_EQ(f.p, 0.42);
  EXPECT_TRUE(f.p_defaulted);
  EXPECT_EQ(f.p_source, "epss");
}

// ---- owners, titles, fixes ----

TEST(GraphCompile, OwnersAreInheritedFromWhatTheGateGrants) {
  auto c = compile_yaml(R"(zones: [{id: z}]
assets:
  - {id: web, zone: z, owner: team-web, services: [{port: tcp/80}]}
  - {id: app, owner: team-app}
  - {id: idp, owner: team-idp}
identities:
  - {id: u, owner: team-u}
  - {id: g, owner: team-g}
people:
  - {id: alice, identity: u}
  - {id: bob, identity: u, owner: manager-of-bob}
findings:
  - {id: f-vuln, kind: vuln, asset: web, port: tcp/80, effect: code_exec}
  - {id: f-secret, kind: secret, asset: web, grants: u}
  - {id: f-own, kind: vuln, asset: web, effect: priv_esc, owner: someone-else}
relations:
  - {id: r-member, kind: member_of, from: u, to: g}
  - {id: r-admin, kind: admin_to, from: u, to: app}
  - {id: r-session, kind: session, identity: g, host: web}
  - {id: r-controls, kind: controls, from: g, to: u}
  - {id: r-sso, kind: sso, from: idp, to: app}
  - {id: r-exec, kind: exec_on, from: web, to: app}
flows: [{id: fw, from: [z], to: [z], ports: [tcp/80]}]
entry_points: [{id: e, kind: phishing}]
)");
  const AttackGraph& g = c.graph;
  EXPECT_EQ(gate(g, "f-vuln").owner, "team-web");  // finding: the asset's owner
  EXPECT_EQ(gate(g, "f-secret").owner, "team-web");
  EXPECT_EQ(gate(g, "f-own").owner, "someone-else");  // its own owner wins
  EXPECT_EQ(gate(g, "r-member").owner, "team-g");     // the group it grants
  EXPECT_EQ(gate(g, "r-admin").owner, "team-app");    // the asset it grants
  EXPECT_EQ(gate(g, "r-session").owner, "team-g");    // the identity it grants
  EXPECT_EQ(gate(g, "r-controls").owner, "team-u");   // the identity controlled
  EXPECT_EQ(gate(g, "r-sso").owner, "team-app");      // the app signed in to
  EXPECT_EQ(gate(g, "r-exec").owner, "team-app");     // the host run on
  EXPECT_EQ(gate(g, "phish.alice").owner, "alice");   // the person
  EXPECT_EQ(gate(g, "phish.bob").owner, "manager-of-bob");
  EXPECT_EQ(gate(g, "fw").owner, "");  // flows inherit nothing
  EXPECT_TRUE(warned(c, "1 gate has no owner")) << joined(c.warnings);
}

TEST(GraphCompile, TitlesAndFixesAreGeneratedWhenMissing) {
  auto c = compile_yaml(R"(zones: [{id: internet}, {id: dmz}]
assets: [{id: web01, zone: dmz, services: [{port: tcp/443}]}, {id: ws-alice}]
identities: [{id: u.helpdesk}]
flows: [{id: fw-1, from: [internet], to: [dmz], ports: [tcp/443]}]
findings:
  - {id: f-rce, kind: vuln, asset: web01, port: tcp/443, effect: code_exec, cve: CVE-2021-41773}
  - {id: f-own, kind: vuln, asset: web01, effect: priv_esc, fix: "upgrade the kernel",
     title: "dirty pipe"}
relations: [{id: r-sess, kind: session, identity: u.helpdesk, host: ws-alice}]
)");
  const AttackGraph& g = c.graph;
  EXPECT_EQ(gate(g, "fw-1").fix, "narrow or remove firewall rule fw-1 (internet → dmz tcp/443)");
  EXPECT_EQ(gate(g, "fw-1").title, "firewall rule fw-1: internet → dmz tcp/443");
  EXPECT_EQ(gate(g, "f-rce").title, "CVE-2021-41773 on web01 (tcp/443)");
  EXPECT_EQ(gate(g, "f-rce").fix, "patch CVE-2021-41773 on web01");
  EXPECT_EQ(gate(g, "f-own").title, "dirty pipe");
  EXPECT_EQ(gate(g, "f-own").fix, "upgrade the kernel");
  EXPECT_EQ(gate(g, "r-sess").title, "u.helpdesk's credentials on ws-alice");
  EXPECT_EQ(gate(g, "r-sess").fix, "stop u.helpdesk's credentials being left on ws-alice");
}

// ---- warnings and robustness ----

TEST(GraphCompile, WarnsAboutEntriesAndVulnsNothingConnects) {
  auto c = compile_yaml(R"(zones: [{id: internet}, {id: dmz}, {id: empty}]
assets: [{id: web, zone: dmz, services: [{port: tcp/22}]}]
flows: [{id: fw, from: [dmz], to: [empty], ports: [tcp/1]}]
findings: [{id: f-ssh, kind: vuln, asset: web, port: tcp/22, effect: code_exec}]
entry_points: [{id: e-net, kind: network, zone: internet}]
)");
  EXPECT_TRUE(warned(c, "t.yaml:5: entry point e-net: no flow leaves zone internet"))
      << joined(c.warnings);
  EXPECT_TRUE(warned(c,
                     "1 code_exec vuln sits on ports no flow reaches, so no path uses them: "
                     "f-ssh (dmz tcp/22)"))
      << joined(c.warnings);
  EXPECT_TRUE(warned(c, "1 flow leads into zones where no asset is: fw (empty)"))
      << joined(c.warnings);
}

TEST(GraphCompile, InvalidItemsAreLeftOutWithOneWarning) {
  Model m;
  Asset a;
  a.id = "h";
  m.assets.push_back(a);
  Finding f;
  f.id = "f";
  f.kind = "vuln";
  f.effect = Effect::kCodeExec;
  f.asset = "h";
  f.port = "tcp/80";  // no such service
  m.findings.push_back(f);
  Relation r;
  r.id = "r";
  r.kind = RelationKind::kAdminTo;
  r.from = "ghost";
  r.to = "h";
  m.relations.push_back(r);
  Relation dup = r;
  dup.id = "f";  // a gate id taken already
  dup.from.clear();
  dup.kind = RelationKind::kExecOn;
  dup.from = "h";
  m.relations.push_back(dup);
  Relation wild = dup;
  wild.id = "wild";
  wild.gate.p = 1.5;
  m.relations.push_back(wild);
  m.targets = {"admin@nowhere", "not a state"};
  auto c = compile(m);
  EXPECT_EQ(c.graph.gate_count(), 1u);  // only the exec_on named "f"
  EXPECT_TRUE(warned(c, "5 items left out of the graph because they do not validate"))
      << joined(c.warnings);
  EXPECT_TRUE(warned(c, "relation wild (p not in (0, 1])")) << joined(c.warnings);
  EXPECT_TRUE(warned(c, "relation r (identity ghost unknown)")) << joined(c.warnings);
}

TEST(GraphCompile, IsDeterministic) {
  constexpr std::string_view kModel = R"(zones: [{id: a}, {id: b}]
assets: [{id: h1, zone: a}, {id: h2, zone: b, crown_jewel: true}]
identities: [{id: u1}, {id: u2}]
flows: [{id: f1, from: [a, b], to: [b, a], ports: [tcp/1, tcp/2]}]
relations: [{id: r1, kind: admin_to, from: u1, to: h2}, {id: r2, kind: session, identity: u1, host: h1}]
entry_points: [{id: e, kind: network, zone: a}]
)";
  auto c1 = compile_yaml(kModel);
  auto c2 = compile_yaml(kModel);
  std::vector<std::string> n1, n2;
  for (const auto& n : c1.graph.nodes) n1.push_back(n.name);
  for (const auto& n : c2.graph.nodes) n2.push_back(n.name);
  EXPECT_EQ(n1, n2);
  EXPECT_EQ(edges(c1.graph), edges(c2.graph));
}

// ---- the worked example of spec 2.7, in our own words ----

constexpr std::string_view kWorkedExample = R"(schema: shieldwall.graph/v1
org: eight states, eleven gates
zones: [{id: internet}, {id: dmz}, {id: corp}, {id: srv-app}, {id: srv-db}]
assets:
  - {id: web01, zone: dmz, owner: team-web, services: [{port: tcp/443, runs_as: user}]}
  - {id: ws-alice, zone: corp, owner: team-desktop}
  - {id: app01, zone: srv-app, owner: team-app, services: [{port: tcp/8443}]}
  - {id: db01, zone: srv-db, owner: team-dba, crown_jewel: true,
     services: [{port: tcp/1433, runs_as: admin}]}
identities:
  - {id: u.alice, owner: alice}
  - {id: u.helpdesk, owner: team-helpdesk}
  - {id: svc_db, owner: team-dba}
people: [{id: alice, identity: u.alice, workstation: ws-alice, phish_p: 0.2, phish_fix_cost: 6}]
flows:
  - {id: fw-1, from: [internet], to: [dmz], ports: [tcp/443], owner: team-net, fix_cost: null}
  - {id: fw-app-db, from: [srv-app], to: [srv-db], ports: [tcp/1433], owner: team-net,
     fix_cost: 50}
findings:
  - {id: f-web-rce, kind: vuln, asset: web01, port: tcp/443, effect: code_exec, fix_cost: 4,
     p: 0.9}
  - {id: f-web-secret, kind: secret, asset: web01, grants: svc_db, fix_cost: 3}
  - {id: f-ws-privesc, kind: vuln, asset: ws-alice, effect: priv_esc, fix_cost: 4, p: 0.6}
  - {id: f-db-rce, kind: vuln, asset: db01, port: tcp/1433, effect: code_exec, fix_cost: 2,
     p: 0.6}
relations:
  - {id: r-svcdb-admin, kind: admin_to, from: svc_db, to: db01, fix_cost: 5}
  - {id: r-sess-helpdesk, kind: session, identity: u.helpdesk, host: ws-alice, fix_cost: 3}
  - {id: r-hd-admin-app01, kind: admin_to, from: u.helpdesk, to: app01, fix_cost: 4}
  - {id: r-sess-svcdb-app01, kind: session, identity: svc_db, host: app01, owner: team-app,
     fix_cost: 2}
entry_points:
  - {id: e-internet, kind: network, zone: internet}
  - {id: e-phish, kind: phishing}
)";

TEST(GraphCompile, WorkedExampleGivesTheElevenGates) {
  auto c = compile_yaml(kWorkedExample);
  const AttackGraph& g = c.graph;
  EXPECT_EQ(joined(c.warnings), "");
  // 18 states + attacker + target + 11 gates; see the count in compile.cpp's header.
  EXPECT_EQ(g.nodes.size(), 31u);
  EXPECT_EQ(g.edges.size(), 33u);
  EXPECT_EQ(g.state_count(), 18u);
  ASSERT_EQ(g.gate_count(), 11u);
  struct Want {
    const char* id;
    GateKind kind;
    const char* owner;
    std::optional<double> cost;
    double p;
  };
  // Owners the model leaves out are inherited (p and session costs partly from the defaults).
  for (const Want& w : {
           Want{"fw-1", GateKind::kFlow, "team-net", std::nullopt, 1.0},
           Want{"f-web-rce", GateKind::kVuln, "team-web", 4, 0.9},
           Want{"f-web-secret", GateKind::kSecret, "team-web", 3, 0.9},
           Want{"r-svcdb-admin", GateKind::kAdminTo, "team-dba", 5, 0.95},
           Want{"phish.alice", GateKind::kPhish, "alice", 6, 0.2},
           Want{"f-ws-privesc", GateKind::kVuln, "team-desktop", 4, 0.6},
           Want{"r-sess-helpdesk", GateKind::kSession, "team-helpdesk", 3, 0.8},
           Want{"r-hd-admin-app01", GateKind::kAdminTo, "team-app", 4, 0.95},
           Want{"r-sess-svcdb-app01", GateKind::kSession, "team-app", 2, 0.8},
           Want{"fw-app-db", GateKind::kFlow, "team-net", 50, 1.0},
           Want{"f-db-rce", GateKind::kVuln, "team-dba", 2, 0.6},
       }) {
    const Node& n = gate(g, w.id);
    EXPECT_EQ(n.gate_kind, w.kind) << w.id;
    EXPECT_EQ(n.owner, w.owner) << w.id;
    EXPECT_EQ(n.cost, w.cost) << w.id;
    EXPECT_DOUBLE_EQ(n.p, w.p) << w.id;
  }
  for (const char* s : {"net:internet", "user@web01", "id:svc_db", "admin@db01", "user@ws-alice",
                        "admin@ws-alice", "id:u.helpdesk", "admin@app01"}) {
    EXPECT_EQ(g.states.count(s), 1u) << s;
  }
  ASSERT_EQ(g.targets.size(), 1u);
  EXPECT_EQ(g.targets[0].state, "admin@db01");
  // The most likely path P1, edge by edge.
  for (auto [from, to] :
       std::vector<std::pair<const char*, const char*>>{{"attacker", "net:internet"},
                                                        {"net:internet", "fw-1"},
                                                        {"fw-1", "reach:dmz:tcp/443"},
                                                        {"reach:dmz:tcp/443", "f-web-rce"},
                                                        {"f-web-rce", "user@web01"},
                                                        {"user@web01", "f-web-secret"},
                                                        {"f-web-secret", "id:svc_db"},
                                                        {"id:svc_db", "r-svcdb-admin"},
                                                        {"r-svcdb-admin", "admin@db01"},
                                                        {"admin@db01", "target"}}) {
    EXPECT_TRUE(has_edge(g, from, to)) << from << " -> " << to;
  }
  // P3's db step: the flow from srv-app, then the vuln of the admin service.
  EXPECT_TRUE(has_edge(g, "user@app01", "net:srv-app"));
  EXPECT_TRUE(has_edge(g, "reach:srv-db:tcp/1433", "f-db-rce"));
  EXPECT_TRUE(has_edge(g, "f-db-rce", "admin@db01"));
}

}  // namespace
}  // namespace sw::graph
