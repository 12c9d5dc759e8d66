// SPDX-License-Identifier: Apache-2.0
// Tests of reading, merging and validating shieldwall.graph/v1 models (src/graph/model_io.cpp,
// model_doc.cpp, model_rules.cpp, model_validate.cpp; ../shared/specs/graph.md, 2.2). Every model
// here is written inline.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "graph/model.h"
#include "support/fixture.h"

namespace sw::graph {
namespace {

struct Loaded {
  Model model;
  std::vector<Error> errors;
  bool ok = false;
  std::string fatal;  // the whole-file error, when !ok
};

Loaded load(std::string_view text, const std::string& origin = "m.yaml") {
  Loaded l;
  auto r = load_model_text(text, origin, l.model, l.errors);
  l.ok = r.has_value();
  if (!r) l.fatal = r.error().to_string();
  return l;
}

// All error lines joined, for EXPECT_THAT-free substring checks.
std::string joined(const std::vector<Error>& errors) {
  std::string out;
  for (const auto& e : errors) out += e.to_string() + "\n";
  return out;
}

bool contains(const std::string& hay, std::string_view needle) {
  return hay.find(needle) != std::string::npos;
}

constexpr std::string_view kSmallYaml = R"(schema: shieldwall.graph/v1
org: Example
owners: [{id: team-net, kind: team, contact: net@example.org}]
zones: [{id: internet}, {id: dmz, name: DMZ}]
assets:
  - {id: web01, kind: host, zone: dmz, owner: team-web,
     services: [{port: tcp/443, product: httpd, runs_as: user}]}
identities:
  - {id: svc_db, kind: service_account, owner: team-dba, crown_jewel: true}
people:
  - {id: bob, identity: svc_db, workstation: web01, phish_p: 0.3, phish_fix_cost: 6}
flows:
  - {id: fw-1, from: [internet], to: [dmz], ports: [tcp/443], owner: team-net, fix_cost: null, p: 1.0}
findings:
  - {id: f-1, kind: vuln, asset: web01, port: tcp/443, cve: CVE-2021-41773, effect: code_exec,
     kev: true, epss: 0.5, cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", fix_cost: 4}
  - {id: f-2, kind: secret, asset: web01, grants: svc_db, requires: admin}
relations:
  - {id: r-1, kind: exec_on, from: web01, to: web01, requires: user, level: user}
  - {id: r-2, kind: session, identity: svc_db, host: web01}
entry_points:
  - {id: e-net, kind: network, zone: internet}
  - {id: e-phish, kind: phishing}
  - {id: e-in, kind: identity, identity: svc_db}
targets: ["admin@web01"]
)";

TEST(GraphModelIo, KindNamesRoundTrip) {
  for (auto k : {RelationKind::kMemberOf, RelationKind::kAdminTo, RelationKind::kCanLogin,
                 RelationKind::kSession, RelationKind::kControls, RelationKind::kSso,
                 RelationKind::kExecOn}) {
    EXPECT_EQ(parse_relation_kind(relation_kind_name(k)), k);
  }
  EXPECT_EQ(relation_kind_name(RelationKind::kMemberOf), "member_of");
  EXPECT_FALSE(parse_relation_kind("MemberOf"));
  for (auto k : {EntryKind::kNetwork, EntryKind::kPhishing, EntryKind::kIdentity}) {
    EXPECT_EQ(parse_entry_kind(entry_kind_name(k)), k);
  }
  EXPECT_EQ(entry_kind_name(EntryKind::kPhishing), "phishing");
  EXPECT_FALSE(parse_entry_kind("vpn"));
}

TEST(GraphModelIo, ReadsEveryFieldOfEveryArray) {
  Loaded l = load(kSmallYaml);
  ASSERT_TRUE(l.ok) << l.fatal;
  EXPECT_EQ(joined(l.errors), "");
  const Model& m = l.model;
  EXPECT_EQ(m.org, "Example");
  ASSERT_EQ(m.owners.size(), 1u);
  EXPECT_EQ(m.owners[0].contact, "net@example.org");
  ASSERT_EQ(m.zones.size(), 2u);
  EXPECT_EQ(m.zones[1].name, "DMZ");
  ASSERT_EQ(m.assets.size(), 1u);
  EXPECT_EQ(m.assets[0].zone, "dmz");
  ASSERT_EQ(m.assets[0].services.size(), 1u);
  EXPECT_EQ(m.assets[0].services[0].port, "tcp/443");
  EXPECT_FALSE(m.assets[0].services[0].runs_as_admin);
  EXPECT_TRUE(m.identities[0].crown_jewel);
  ASSERT_EQ(m.people.size(), 1u);
  EXPECT_DOUBLE_EQ(*m.people[0].phish_p, 0.3);
  EXPECT_EQ(m.people[0].phish_fix_cost.state, FixCost::State::kValue);
  ASSERT_EQ(m.flows.size(), 1u);
  EXPECT_EQ(m.flows[0].gate.fix_cost.state, FixCost::State::kUnfixable);
  EXPECT_DOUBLE_EQ(*m.flows[0].gate.p, 1.0);
  ASSERT_EQ(m.findings.size(), 2u);
  const Finding& f = m.findings[0];
  EXPECT_EQ(f.effect, Effect::kCodeExec);
  EXPECT_EQ(f.kev, true);
  EXPECT_DOUBLE_EQ(*f.epss, 0.5);
  EXPECT_EQ(f.cvss, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  EXPECT_EQ(f.gate.fix_cost.state, FixCost::State::kValue);
  EXPECT_DOUBLE_EQ(f.gate.fix_cost.value, 4);
  EXPECT_FALSE(f.gate.p.has_value());
  EXPECT_TRUE(m.findings[1].requires_admin);
  EXPECT_EQ(m.findings[1].gate.fix_cost.state, FixCost::State::kDefault);
  ASSERT_EQ(m.relations.size(), 2u);
  EXPECT_EQ(m.relations[0].kind, RelationKind::kExecOn);
  EXPECT_FALSE(m.relations[0].requires_admin);
  EXPECT_FALSE(m.relations[0].level_admin);
  EXPECT_EQ(m.relations[1].kind, RelationKind::kSession);
  EXPECT_EQ(m.relations[1].identity, "svc_db");
  ASSERT_EQ(m.entry_points.size(), 3u);
  EXPECT_EQ(m.entry_points[2].kind, EntryKind::kIdentity);
  EXPECT_EQ(m.targets, std::vector<std::string>{"admin@web01"});
  EXPECT_EQ(m.files, std::vector<std::string>{"m.yaml"});
  EXPECT_TRUE(validate(m).empty()) << joined(validate(m));
}

TEST(GraphModelIo, JsonAndYamlGiveTheSameModel) {
  Loaded y = load(kSmallYaml, "a.yaml");
  ASSERT_TRUE(y.ok);
  std::string json = model_to_json(y.model).dump(1);
  Loaded j = load(json, "a.json");
  ASSERT_TRUE(j.ok) << j.fatal;
  EXPECT_EQ(joined(j.errors), "");
  EXPECT_EQ(model_to_json(j.model), model_to_json(y.model));
  // Sniffed by content when the name has no known extension.
  Loaded sniffed = load(json, "-");
  ASSERT_TRUE(sniffed.ok) << sniffed.fatal;
  EXPECT_EQ(model_to_json(sniffed.model), model_to_json(y.model));
}

TEST(GraphModelIo, SchemaMissingIsAcceptedOtherIsRefused) {
  EXPECT_TRUE(load("zones: [{id: a}]\n").ok);
  Loaded other = load("schema: shieldwall.graph/v2\nzones: [{id: a}]\n");
  EXPECT_FALSE(other.ok);
  EXPECT_TRUE(contains(other.fatal, "m.yaml:1:")) << other.fatal;
  EXPECT_TRUE(contains(other.fatal, "shieldwall.graph/v2")) << other.fatal;
  EXPECT_TRUE(other.model.zones.empty());
  EXPECT_FALSE(load(R"({"schema": 1, "zones": []})", "m.json").ok);
}

TEST(GraphModelIo, BadIdIsReportedAndTheItemSkipped) {
  Loaded l = load(
      "zones:\n  - {id: ok}\n  - {id: 'has space'}\n  - {name: no-id}\n  - {id: "
      "also.ok:1/x-y_z}\n");
  ASSERT_TRUE(l.ok);
  ASSERT_EQ(l.model.zones.size(), 2u);
  EXPECT_EQ(l.model.zones[1].id, "also.ok:1/x-y_z");
  std::string e = joined(l.errors);
  EXPECT_TRUE(contains(e, "m.yaml:3: zone has space: id may only hold")) << e;
  EXPECT_TRUE(contains(e, "m.yaml:4: zone #3: has no id")) << e;
  EXPECT_EQ(l.errors.size(), 2u) << e;
}

TEST(GraphModelIo, PortsMustBeProtoSlashNumber) {
  Loaded l = load(R"(zones: [{id: a}, {id: b}]
flows:
  - {id: ok, from: [a], to: [b], ports: [TCP/0443, rpc/100005, udp/53]}
  - {id: no-slash, from: [a], to: [b], ports: [tcp443]}
  - {id: too-big, from: [a], to: [b], ports: [tcp/70000]}
  - {id: wildcard, from: [a], to: [b], ports: [any]}
  - {id: no-ports, from: [a], to: [b]}
)");
  ASSERT_TRUE(l.ok);
  ASSERT_EQ(l.model.flows.size(), 1u);
  EXPECT_EQ(l.model.flows[0].ports, (std::vector<std::string>{"tcp/443", "rpc/100005", "udp/53"}));
  std::string e = joined(l.errors);
  EXPECT_TRUE(contains(e, "m.yaml:4: flow no-slash: ports: 'tcp443' is not a port")) << e;
  EXPECT_TRUE(contains(e, "m.yaml:5: flow too-big: ports: 'tcp/70000' is not a port")) << e;
  EXPECT_TRUE(contains(e, "m.yaml:6: flow wildcard: ports: 'any': v1 has no wildcard")) << e;
  EXPECT_TRUE(contains(e, "m.yaml:7: flow no-ports: needs `ports`")) << e;
}

TEST(GraphModelIo, ProbabilityMustBeInZeroOne) {
  Loaded l = load(R"(zones: [{id: a}]
flows:
  - {id: p-one, from: [a], to: [a], ports: [tcp/1], p: 1}
  - {id: p-zero, from: [a], to: [a], ports: [tcp/1], p: 0}
  - {id: p-big, from: [a], to: [a], ports: [tcp/1], p: 1.5}
  - {id: p-text, from: [a], to: [a], ports: [tcp/1], p: "0.5"}
  - {id: p-nan, from: [a], to: [a], ports: [tcp/1], p: .nan}
people:
  - {id: never, workstation: w, phish_p: 0}
  - {id: over, workstation: w, phish_p: 2}
findings:
  - {id: bad-epss, kind: vuln, asset: w, effect: priv_esc, epss: 1.2}
)");
  ASSERT_TRUE(l.ok);
  ASSERT_EQ(l.model.flows.size(), 1u);
  EXPECT_EQ(l.model.flows[0].id, "p-one");
  ASSERT_EQ(l.model.people.size(), 1u);  // phish_p 0 is allowed: that person is not phishable
  std::string e = joined(l.errors);
  EXPECT_TRUE(contains(e, "flow p-zero: p must be in (0, 1], got 0")) << e;
  EXPECT_TRUE(contains(e, "flow p-big: p must be in (0, 1], got 1.5")) << e;
  EXPECT_TRUE(contains(e, "flow p-text: `p` must be a number")) << e;
  EXPECT_TRUE(contains(e, "flow p-nan: `p` must be a number")) << e;
  EXPECT_TRUE(contains(e, "person over: phish_p must be in [0, 1], got 2")) << e;
  EXPECT_TRUE(contains(e, "finding bad-epss: epss must be in [0, 1], got 1.2")) << e;
}

TEST(GraphModelIo, FixCostIsANumberAtLeastZeroOrNull) {
  Loaded l = load(R"(zones: [{id: a}]
flows:
  - {id: absent, from: [a], to: [a], ports: [tcp/1]}
  - {id: unfixable, from: [a], to: [a], ports: [tcp/1], fix_cost: null}
  - {id: empty, from: [a], to: [a], ports: [tcp/1], fix_cost: }
  - {id: zero, from: [a], to: [a], ports: [tcp/1], fix_cost: 0}
  - {id: value, from: [a], to: [a], ports: [tcp/1], fix_cost: 2.5}
  - {id: negative, from: [a], to: [a], ports: [tcp/1], fix_cost: -1}
  - {id: text, from: [a], to: [a], ports: [tcp/1], fix_cost: cheap}
)");
  ASSERT_TRUE(l.ok);
  ASSERT_EQ(l.model.flows.size(), 5u);
  EXPECT_EQ(l.model.flows[0].gate.fix_cost.state, FixCost::State::kDefault);
  EXPECT_EQ(l.model.flows[1].gate.fix_cost.state, FixCost::State::kUnfixable);
  EXPECT_EQ(l.model.flows[2].gate.fix_cost.state, FixCost::State::kUnfixable);
  EXPECT_EQ(l.model.flows[3].gate.fix_cost.state, FixCost::State::kValue);
  EXPECT_DOUBLE_EQ(l.model.flows[4].gate.fix_cost.value, 2.5);
  std::string e = joined(l.errors);
  EXPECT_TRUE(contains(e, "m.yaml:8: flow negative: fix_cost must be a number >= 0")) << e;
  EXPECT_TRUE(contains(e, "m.yaml:9: flow text: `fix_cost` must be a number >= 0 or null")) << e;
}

TEST(GraphModelIo, PersonTakesTheGenericGateFieldNamesToo) {
  Loaded l = load(
      "people:\n  - {id: a, identity: u, p: 0.3, fix_cost: 7}\n  - {id: b, identity: u, "
      "phish_p: 0.2, p: 0.9}\n");
  ASSERT_TRUE(l.ok);
  EXPECT_EQ(joined(l.errors), "");
  ASSERT_EQ(l.model.people.size(), 2u);
  EXPECT_DOUBLE_EQ(*l.model.people[0].phish_p, 0.3);
  EXPECT_DOUBLE_EQ(l.model.people[0].phish_fix_cost.value, 7);
  EXPECT_DOUBLE_EQ(*l.model.people[1].phish_p, 0.2);  // the specific name wins
  EXPECT_TRUE(l.model.people[0].extra.empty());
}

TEST(GraphModelIo, UnknownFieldsAreKept) {
  Loaded l = load(R"({"zones": [{"id": "a"}],
 "flows": [{"id": "f", "from": ["a"], "to": ["a"], "ports": ["tcp/1"],
            "note": "business requirement", "ticket": {"no": 42}}]})",
                  "m.json");
  ASSERT_TRUE(l.ok);
  ASSERT_EQ(l.model.flows.size(), 1u);
  const auto& extra = l.model.flows[0].extra;
  EXPECT_EQ(extra.at("note"), "business requirement");
  EXPECT_EQ(extra.at("ticket").at("no"), 42);
  EXPECT_FALSE(extra.contains("id"));
  EXPECT_FALSE(extra.contains("ports"));
  // And they survive the canonical form.
  EXPECT_EQ(model_to_json(l.model).at("flows")[0].at("note"), "business requirement");
}

TEST(GraphModelIo, YamlErrorsNameFileLineKindAndId) {
  Loaded l = load(
      "zones: [{id: a}]\nassets:\n  - id: h1\n    zone: a\n  - id: h2\n    zone: a\n"
      "    services:\n      - {port: tcp/22, runs_as: root}\n",
      "net.yaml");
  ASSERT_TRUE(l.ok);
  ASSERT_EQ(l.errors.size(), 1u) << joined(l.errors);
  const Error& e = l.errors[0];
  EXPECT_EQ(e.file(), "net.yaml");
  EXPECT_EQ(e.line(), 5);
  EXPECT_EQ(e.to_string(),
            "net.yaml:5: asset h2: service tcp/22: `runs_as` must be user or admin, got 'root'");
  EXPECT_EQ(e.to_string().find('\n'), std::string::npos);
  ASSERT_EQ(l.model.assets.size(), 1u);
  EXPECT_EQ(l.model.assets[0].id, "h1");
  EXPECT_EQ(l.model.assets[0].origin.line, 3);
}

TEST(GraphModelIo, JsonItemsGetTheirLines) {
  Loaded l = load(
      "{\n \"zones\": [\n  {\"id\": \"a\"},\n  {\"id\": \"b c\"},\n  {\"id\": \"d\"}"
      "\n ]\n}\n",
      "m.json");
  ASSERT_TRUE(l.ok) << l.fatal;
  ASSERT_EQ(l.errors.size(), 1u);
  EXPECT_EQ(l.errors[0].line(), 4);
  ASSERT_EQ(l.model.zones.size(), 2u);
  EXPECT_EQ(l.model.zones[1].origin.line, 5);
}

TEST(GraphModelIo, MalformedFilesFailAsAWholeWithALine) {
  Loaded json = load("{\n \"zones\": [\n  {\"id\": \"a\"\n ]\n}\n", "m.json");
  EXPECT_FALSE(json.ok);
  EXPECT_TRUE(contains(json.fatal, "m.json:4: invalid JSON")) << json.fatal;
  Loaded yaml = load("zones:\n  - {id: a\n  - [\n", "m.yaml");
  EXPECT_FALSE(yaml.ok);
  EXPECT_TRUE(contains(yaml.fatal, "m.yaml:")) << yaml.fatal;
  EXPECT_TRUE(contains(yaml.fatal, "invalid YAML")) << yaml.fatal;
  Loaded list = load("- a\n- b\n");
  EXPECT_FALSE(list.ok);
  EXPECT_TRUE(contains(list.fatal, "top level must be a mapping")) << list.fatal;
}

TEST(GraphModelIo, HostileInputIsRefusedNotCrashedOn) {
  std::string deep_json = "{\"zones\": " + std::string(10000, '[') + std::string(10000, ']') + "}";
  Loaded j = load(deep_json, "m.json");
  EXPECT_FALSE(j.ok);
  EXPECT_TRUE(contains(j.fatal, "nested deeper")) << j.fatal;
  std::string deep_yaml = "zones: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
  Loaded y = load(deep_yaml);
  EXPECT_FALSE(y.ok);
  // Ten levels of ten aliases each: 10^10 nodes when expanded.
  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 10; ++i) {
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) bomb += (k ? ", *a" : "*a") + std::to_string(i - 1);
    bomb += "]\n";
  }
  Loaded b = load(bomb);
  EXPECT_FALSE(b.ok);
  EXPECT_TRUE(contains(b.fatal, "alias")) << b.fatal;
  // An alias inside its own anchor would be an endless tree.
  Loaded cycle = load("zones: &z [{id: a}, *z, *z]\n");
  EXPECT_FALSE(cycle.ok);
  // Invalid UTF-8 (YAML must be Unicode; JSON's parser checks it itself).
  Loaded bad_utf8 = load("zones: [{id: a, name: \"caf\xC3\"}]\n");
  EXPECT_FALSE(bad_utf8.ok);
  EXPECT_TRUE(contains(bad_utf8.fatal, "m.yaml:1: text is not valid UTF-8")) << bad_utf8.fatal;
  EXPECT_TRUE(load("zones: [{id: a, name: \"caf\xC3\xA9 \xF0\x9F\x94\x92\"}]\n").ok);
  EXPECT_FALSE(load("{\"zones\": [{\"id\": \"a\", \"name\": \"\xC0\xAF\"}]}", "m.json").ok);
  // Items of the wrong shape are skipped one by one.
  Loaded shapes = load("zones: [1, [a], {id: ok}]\nflows: {id: x}\n");
  ASSERT_TRUE(shapes.ok);
  EXPECT_EQ(shapes.model.zones.size(), 1u);
  std::string e = joined(shapes.errors);
  EXPECT_TRUE(contains(e, "zone #1: not a mapping")) << e;
  EXPECT_TRUE(contains(e, "m.yaml:2: `flows` must be a list")) << e;
}

TEST(GraphModelIo, UnknownTopLevelFieldIsReported) {
  Loaded l = load("zones: [{id: a}]\nflow: [{id: f}]\nx-comment: fine\n");
  ASSERT_TRUE(l.ok);
  ASSERT_EQ(l.errors.size(), 1u);
  EXPECT_TRUE(contains(l.errors[0].to_string(), "m.yaml:2: unknown top-level field `flow`"));
}

TEST(GraphModelIo, YamlCoreSchemaScalars) {
  Loaded l = load(R"(identities:
  - {id: 123, kind: user}
  - {id: "true", kind: user}
  - {id: yes-man, crown_jewel: yes}
  - {id: boss, crown_jewel: True}
)");
  ASSERT_TRUE(l.ok);
  ASSERT_EQ(l.model.identities.size(), 3u);
  EXPECT_EQ(l.model.identities[0].id, "123");
  EXPECT_EQ(l.model.identities[1].id, "true");
  EXPECT_TRUE(l.model.identities[2].crown_jewel);
  ASSERT_EQ(l.errors.size(), 1u);  // YAML 1.1's `yes` is a string in 1.2
  EXPECT_TRUE(contains(l.errors[0].to_string(), "`crown_jewel` must be true or false"));
}

TEST(GraphModelIo, YamlMergeKeysAndDocuments) {
  Loaded l = load(R"(zones: [{id: dmz}]
x-defaults: &svc {kind: host, zone: dmz, owner: team-web}
assets:
  - {<<: *svc, id: web01}
  - {<<: *svc, id: web02, owner: team-other}
---
zones: [{id: corp}]
)");
  ASSERT_TRUE(l.ok) << l.fatal;
  EXPECT_EQ(joined(l.errors), "");
  ASSERT_EQ(l.model.assets.size(), 2u);
  EXPECT_EQ(l.model.assets[0].zone, "dmz");
  EXPECT_EQ(l.model.assets[0].owner, "team-web");
  EXPECT_EQ(l.model.assets[1].owner, "team-other");
  ASSERT_EQ(l.model.zones.size(), 2u);
  EXPECT_EQ(l.model.zones[1].id, "corp");
}

TEST(GraphModelIo, KindsAndEnumsAreChecked) {
  Loaded l = load(R"(relations:
  - {id: r1, kind: owns, from: a, to: b}
  - {id: r2, kind: session, from: a, to: b}
  - {id: r3, kind: exec_on, from: a, to: b, level: root}
entry_points:
  - {id: e1, kind: vpn}
  - {id: e2, kind: network}
findings:
  - {id: f1, kind: vuln, asset: a, effect: rce}
  - {id: f2, kind: vuln, asset: a, effect: code_exec}
  - {id: f3, kind: secret, asset: a}
  - {id: f4, kind: weak-tls, asset: a}
)");
  ASSERT_TRUE(l.ok);
  std::string e = joined(l.errors);
  EXPECT_TRUE(contains(e, "relation r1: unknown relation kind 'owns'")) << e;
  EXPECT_TRUE(contains(e, "relation r2: needs `identity`")) << e;
  EXPECT_TRUE(contains(e, "relation r3: `level` must be user or admin, got 'root'")) << e;
  EXPECT_TRUE(contains(e, "entry point e1: unknown entry kind 'vpn'")) << e;
  EXPECT_TRUE(contains(e, "entry point e2: needs `zone`")) << e;
  EXPECT_TRUE(contains(e, "finding f1: `effect` must be code_exec, priv_esc or none")) << e;
  EXPECT_TRUE(contains(e, "finding f2: a code_exec vuln needs `port`")) << e;
  EXPECT_TRUE(contains(e, "finding f3: needs `grants`")) << e;
  ASSERT_EQ(l.model.findings.size(), 1u);  // other kinds are plain findings
  EXPECT_EQ(l.model.findings[0].id, "f4");
  EXPECT_TRUE(l.model.relations.empty());
}

TEST(GraphModelIo, IdenticalDuplicateAcrossFilesIsAcceptedOnce) {
  Model m;
  std::vector<Error> errors;
  ASSERT_TRUE(
      load_model_text("zones: [{id: a}, {id: b}]\nflows:\n  - {id: f, from: [a, b], to: "
                      "[b], ports: [tcp/1, tcp/2], p: 1}\n",
                      "net.yaml", m, errors));
  // The same flow from the other team's JSON export: list order and 1 vs 1.0 do not matter.
  ASSERT_TRUE(load_model_text(R"({"zones": [{"id": "b"}], "flows": [{"id": "f", "from": ["b", "a"],
     "to": ["b"], "ports": ["tcp/2", "TCP/1"], "p": 1.0}]})",
                              "export.json", m, errors));
  EXPECT_EQ(joined(errors), "");
  EXPECT_EQ(m.zones.size(), 2u);
  EXPECT_EQ(m.flows.size(), 1u);
  EXPECT_EQ(m.files, (std::vector<std::string>{"net.yaml", "export.json"}));
}

TEST(GraphModelIo, ConflictingIdAcrossFilesIsAnErrorNamingBoth) {
  Model m;
  std::vector<Error> errors;
  ASSERT_TRUE(load_model_text("assets:\n  - {id: web01, owner: team-web}\n", "a.yaml", m, errors));
  ASSERT_TRUE(
      load_model_text("zones: [{id: z}]\nassets:\n  - {id: web01, owner: team-ops, zone: z}\n",
                      "b.yaml", m, errors));
  ASSERT_EQ(errors.size(), 1u);
  std::string e = errors[0].to_string();
  EXPECT_TRUE(contains(e, "b.yaml:3: asset web01: conflicts with asset web01 read from a.yaml:2"))
      << e;
  EXPECT_TRUE(contains(e, "differs in: owner, zone")) << e;
  ASSERT_EQ(m.assets.size(), 1u);
  EXPECT_EQ(m.assets[0].owner, "team-web");  // the first one stays
}

TEST(GraphModelIo, TargetsMergeAsASet) {
  Model m;
  std::vector<Error> errors;
  ASSERT_TRUE(load_model_text("targets: [admin@db01, id:g.admins]\n", "a.yaml", m, errors));
  ASSERT_TRUE(load_model_text("targets: [id:g.admins, reach:dmz:TCP/443, admin@db01, bogus]\n",
                              "b.yaml", m, errors));
  EXPECT_EQ(m.targets,
            (std::vector<std::string>{"admin@db01", "id:g.admins", "reach:dmz:tcp/443"}));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(contains(errors[0].to_string(), "b.yaml:1: target bogus: not a state name"));
}

TEST(GraphModelIo, MergeStillWorksAfterOtherCodeAddedItems) {
  Model m;
  std::vector<Error> errors;
  ASSERT_TRUE(load_model_text("zones: [{id: a}]\n", "a.yaml", m, errors));
  Zone z;
  z.id = "b";
  m.zones.push_back(z);  // an importer adds an item directly
  ASSERT_TRUE(load_model_text("zones: [{id: b, name: other}, {id: c}]\n", "b.yaml", m, errors));
  EXPECT_EQ(m.zones.size(), 3u);
  ASSERT_EQ(errors.size(), 1u);  // b conflicts with the one added by code
  EXPECT_TRUE(contains(errors[0].to_string(), "zone b: conflicts"));
}

TEST(GraphModelIo, CanonicalJsonRoundTrips) {
  Loaded l = load(kSmallYaml);
  ASSERT_TRUE(l.ok);
  auto once = model_to_json(l.model);
  Loaded again = load(once.dump(), "again.json");
  ASSERT_TRUE(again.ok) << again.fatal;
  EXPECT_EQ(joined(again.errors), "");
  EXPECT_EQ(model_to_json(again.model), once);
}

TEST(GraphModelIo, LoadsFilesByExtension) {
  test::FixtureRoot root;
  root.write("/net.yaml", "zones: [{id: a}]\n");
  root.write("/ad.json", R"({"identities": [{"id": "u1"}]})");
  Model m;
  std::vector<Error> errors;
  ASSERT_TRUE(load_model_file(root.real("/net.yaml"), m, errors));
  ASSERT_TRUE(load_model_file(root.real("/ad.json"), m, errors));
  EXPECT_EQ(m.zones.size(), 1u);
  EXPECT_EQ(m.identities.size(), 1u);
  auto missing = load_model_file(root.real("/nope.yaml"), m, errors);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), Errc::kNotFound);
  auto dir = load_model_file(root.path(), m, errors);
  EXPECT_FALSE(dir);
}

// ---- validate ----

TEST(GraphModelValidate, DanglingReferencesAreNamed) {
  Loaded l = load(R"(zones: [{id: dmz}]
assets:
  - {id: web01, zone: dmz, services: [{port: tcp/443}]}
  - {id: lost, zone: nowhere}
identities: [{id: u1}]
people:
  - {id: p1, identity: ghost, workstation: ws-ghost}
flows:
  - {id: fw-1, from: [internet], to: [dmz], ports: [tcp/443]}
findings:
  - {id: f-1, kind: vuln, asset: web02, effect: priv_esc}
  - {id: f-2, kind: vuln, asset: web01, port: tcp/8080, effect: code_exec}
  - {id: f-3, kind: secret, asset: web01, grants: svc_db}
relations:
  - {id: r-1, kind: member_of, from: u1, to: g.none}
  - {id: r-2, kind: admin_to, from: u1, to: db01}
  - {id: r-3, kind: session, identity: u2, host: web01}
  - {id: r-4, kind: sso, from: idp0, to: web01}
entry_points:
  - {id: e-1, kind: network, zone: internet}
  - {id: e-2, kind: identity, identity: contractor}
targets: [admin@db01, id:nobody, net:mars, user@web01]
)",
                  "model.yaml");
  ASSERT_TRUE(l.ok);
  EXPECT_EQ(joined(l.errors), "");
  std::vector<Error> v = validate(l.model);
  std::string e = joined(v);
  for (const char* want : {
           "model.yaml:4: asset lost: zone names zone nowhere",
           "model.yaml:7: person p1: identity names identity ghost",
           "model.yaml:7: person p1: workstation names asset ws-ghost",
           "model.yaml:9: flow fw-1: from names zone internet",
           "model.yaml:11: finding f-1: asset names asset web02",
           "model.yaml:12: finding f-2: code_exec on port tcp/8080, but asset web01 lists no "
           "service on tcp/8080",
           "model.yaml:13: finding f-3: grants names identity svc_db",
           "model.yaml:15: relation r-1: to names identity g.none",
           "model.yaml:16: relation r-2: to names asset db01",
           "model.yaml:17: relation r-3: identity names identity u2",
           "model.yaml:18: relation r-4: from names asset idp0",
           "model.yaml:20: entry point e-1: zone names zone internet",
           "model.yaml:21: entry point e-2: identity names identity contractor",
           "target admin@db01: no asset db01",
           "target id:nobody: no identity nobody",
           "target net:mars: no zone mars",
       }) {
    EXPECT_TRUE(contains(e, want)) << "missing: " << want << "\n" << e;
  }
  EXPECT_EQ(v.size(), 16u) << e;
  for (const auto& err : v) EXPECT_EQ(err.to_string().find('\n'), std::string::npos);
}

TEST(GraphModelValidate, CodeExecNeedsAZone) {
  Loaded l = load(R"(assets: [{id: app, services: [{port: tcp/443}]}]
findings: [{id: f, kind: vuln, asset: app, port: tcp/443, effect: code_exec}]
)");
  ASSERT_TRUE(l.ok);
  auto v = validate(l.model);
  ASSERT_EQ(v.size(), 1u) << joined(v);
  EXPECT_TRUE(contains(v[0].to_string(), "asset app has no zone"));
}

TEST(GraphModelValidate, GateIdsShareOneNamespace) {
  Loaded l = load(R"(zones: [{id: a}]
assets: [{id: h, zone: a}]
identities: [{id: u}]
people: [{id: x, identity: u}]
flows: [{id: dup, from: [a], to: [a], ports: [tcp/1]}]
findings:
  - {id: dup, kind: vuln, asset: h, effect: priv_esc}
  - {id: fine, kind: tls, asset: h}
relations: [{id: phish.x, kind: admin_to, from: u, to: h}]
)");
  ASSERT_TRUE(l.ok);
  auto v = validate(l.model);
  std::string e = joined(v);
  EXPECT_EQ(v.size(), 2u) << e;
  EXPECT_TRUE(
      contains(e, "m.yaml:7: finding dup: gate id dup is also used by the flow at m.yaml:5"))
      << e;
  EXPECT_TRUE(contains(e, "relation phish.x: gate id phish.x is also used by the person")) << e;
}

TEST(GraphModelValidate, ModelsBuiltByCodeGetTheFieldRulesToo) {
  Model m;
  Zone z;
  z.id = "a";
  m.zones = {z, z};
  Flow f;
  f.id = "bad id";
  f.from = {"a"};
  f.to = {"a"};
  f.ports = {"tcp/x"};
  f.gate.p = 0;
  f.gate.fix_cost = {FixCost::State::kValue, -3};
  m.flows.push_back(f);
  std::string e = joined(validate(m));
  EXPECT_TRUE(contains(e, "zone a: the id is used twice")) << e;
  EXPECT_TRUE(contains(e, "flow bad id: id may only hold")) << e;
  EXPECT_TRUE(contains(e, "flow bad id: ports: 'tcp/x' is not a port")) << e;
  EXPECT_TRUE(contains(e, "flow bad id: p must be in (0, 1], got 0")) << e;
  EXPECT_TRUE(contains(e, "flow bad id: fix_cost must be a number >= 0")) << e;
}

}  // namespace
}  // namespace sw::graph
