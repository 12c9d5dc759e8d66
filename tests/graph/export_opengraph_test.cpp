// SPDX-License-Identifier: Apache-2.0
// BloodHound OpenGraph export (src/graph/export_opengraph.h). The output of a small graph is
// checked against the rules of the two OpenGraph JSON schemas (opengraph-node.json,
// opengraph-edge.json), written out here, and against the mapping of spec 2.5.
#include "graph/export_opengraph.h"

#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "graph/export_test_graph.h"

namespace sw::graph {
namespace {

using nlohmann::json;

// The property_map rule: an object (or null) whose values are strings, numbers, booleans, or
// homogeneous arrays of those; never the key "objectid".
void expect_property_map(const json& props, const std::string& where) {
  if (props.is_null()) return;
  ASSERT_TRUE(props.is_object()) << where;
  EXPECT_FALSE(props.contains("objectid")) << where;
  for (const auto& [key, v] : props.items()) {
    if (v.is_array()) {
      std::set<json::value_t> types;
      for (const json& item : v) {
        EXPECT_TRUE(item.is_string() || item.is_number() || item.is_boolean())
            << where << "." << key;
        types.insert(item.is_number() ? json::value_t::number_float : item.type());
      }
      EXPECT_LE(types.size(), 1u) << where << "." << key << " is not homogeneous";
    } else {
      EXPECT_TRUE(v.is_string() || v.is_number() || v.is_boolean())
          << where << "." << key << " = " << v.dump();
    }
  }
}

// Every rule of the node and edge schemas, plus: unique node ids, edges between existing nodes.
void expect_valid_opengraph(const json& doc) {
  ASSERT_TRUE(doc.is_object());
  ASSERT_TRUE(doc.contains("graph"));
  const json& nodes = doc["graph"]["nodes"];
  const json& edges = doc["graph"]["edges"];
  ASSERT_TRUE(nodes.is_array());
  ASSERT_TRUE(edges.is_array());
  std::set<std::string> ids;
  for (const json& n : nodes) {
    ASSERT_TRUE(n.is_object());
    ASSERT_TRUE(n.contains("id") && n["id"].is_string()) << n.dump();
    ASSERT_TRUE(n.contains("kinds") && n["kinds"].is_array()) << n.dump();
    EXPECT_LE(n["kinds"].size(), 3u) << n.dump();
    for (const json& k : n["kinds"]) EXPECT_TRUE(k.is_string()) << n.dump();
    if (n.contains("properties")) expect_property_map(n["properties"], n["id"]);
    EXPECT_TRUE(ids.insert(n["id"].get<std::string>()).second) << "duplicate " << n["id"];
  }
  const std::regex kind_re("^[A-Za-z0-9_]+$");
  for (const json& e : edges) {
    ASSERT_TRUE(e.is_object());
    ASSERT_TRUE(e.contains("kind") && e["kind"].is_string()) << e.dump();
    EXPECT_TRUE(std::regex_match(e["kind"].get<std::string>(), kind_re)) << e["kind"];
    for (const char* end : {"start", "end"}) {
      ASSERT_TRUE(e.contains(end) && e[end].is_object()) << e.dump();
      const json& ep = e[end];
      const std::string match_by = ep.value("match_by", "id");
      EXPECT_EQ(match_by, "id");
      ASSERT_TRUE(ep.contains("value") && ep["value"].is_string()) << e.dump();
      EXPECT_FALSE(ep.contains("property_matchers"));
      EXPECT_TRUE(ids.count(ep["value"].get<std::string>()) != 0)
          << "edge end " << ep["value"] << " is not a node";
    }
    if (e.contains("properties")) expect_property_map(e["properties"], e["kind"]);
  }
}

const json* node(const json& doc, std::string_view id) {
  for (const json& n : doc["graph"]["nodes"]) {
    if (n["id"] == id) return &n;
  }
  return nullptr;
}

std::vector<json> edges_of(const json& doc, std::string_view kind) {
  std::vector<json> out;
  for (const json& e : doc["graph"]["edges"]) {
    if (e["kind"] == kind) out.push_back(e);
  }
  return out;
}

TEST(OpenGraphExport, OutputFollowsTheSchemas) {
  const AttackGraph g = test::tiny_graph();
  const json doc = to_opengraph(g);
  expect_valid_opengraph(doc);
  EXPECT_EQ(doc["metadata"]["source_kind"], "ShieldWall");
}

TEST(OpenGraphExport, StatesAreNodesWithKinds) {
  const json doc = to_opengraph(test::tiny_graph());
  const json* web = node(doc, "user@web01");
  ASSERT_NE(web, nullptr);
  EXPECT_EQ((*web)["kinds"], json::array({"SWAsset", "SWUserAccess"}));
  EXPECT_EQ((*web)["properties"]["asset"], "web01");
  EXPECT_EQ((*node(doc, "id:svc_db"))["kinds"], json::array({"SWIdentity"}));
  EXPECT_EQ((*node(doc, "net:dmz"))["kinds"], json::array({"SWNetwork"}));
  const json* reach = node(doc, "reach:dmz:tcp/443");
  EXPECT_EQ((*reach)["properties"]["zone"], "dmz");
  EXPECT_EQ((*reach)["properties"]["port"], "tcp/443");
  EXPECT_EQ((*node(doc, "attacker"))["kinds"], json::array({"SWAttacker"}));
  EXPECT_EQ((*node(doc, "admin@db01"))["properties"]["target"], true);
  // 11 states + attacker + target, and the two gates that are not one step: fw-1 (two ports)
  // and phish.alice (two successors).
  EXPECT_EQ(doc["graph"]["nodes"].size(), 15u);
}

TEST(OpenGraphExport, OneInOneOutGatesAreEdges) {
  const json doc = to_opengraph(test::tiny_graph());
  auto vulns = edges_of(doc, "SWVuln");
  ASSERT_EQ(vulns.size(), 2u);  // f-rce and f-lpe
  const json& rce = vulns[0];
  EXPECT_EQ(rce["start"]["value"], "reach:dmz:tcp/443");
  EXPECT_EQ(rce["end"]["value"], "user@web01");
  EXPECT_EQ(rce["properties"]["gate"], "f-rce");
  EXPECT_EQ(rce["properties"]["owner"], "team \"web\"\\ops");
  EXPECT_EQ(rce["properties"]["cost"], 4);
  EXPECT_EQ(rce["properties"]["fixable"], true);
  EXPECT_DOUBLE_EQ(rce["properties"]["p"].get<double>(), 0.9);
  EXPECT_EQ(rce["properties"]["fix"], "fix f-rce");
  ASSERT_EQ(edges_of(doc, "SWSecret").size(), 1u);
  ASSERT_EQ(edges_of(doc, "SWAdminTo").size(), 1u);
  EXPECT_EQ(node(doc, "gate:f-rce"), nullptr);
}

TEST(OpenGraphExport, OtherGatesAreGateNodesWithEnablesEdges) {
  const json doc = to_opengraph(test::tiny_graph());
  const json* fw = node(doc, "gate:fw-1");
  ASSERT_NE(fw, nullptr);
  EXPECT_EQ((*fw)["kinds"], json::array({"SWGate", "SWFlow"}));
  EXPECT_EQ((*fw)["properties"]["fixable"], false);
  EXPECT_FALSE((*fw)["properties"].contains("cost"));  // unfixable: no null, no number
  std::multiset<std::pair<std::string, std::string>> enables;
  for (const json& e : edges_of(doc, "SWEnables")) {
    enables.emplace(e["start"]["value"], e["end"]["value"]);
  }
  const std::multiset<std::pair<std::string, std::string>> want = {
      {"net:internet", "gate:fw-1"},         {"gate:fw-1", "reach:dmz:tcp/443"},
      {"gate:fw-1", "reach:dmz:tcp/80"},     {"attacker", "gate:phish.alice"},
      {"gate:phish.alice", "user@ws-alice"}, {"gate:phish.alice", "id:u.alice"}};
  EXPECT_EQ(enables, want);
  // The edge into the phishing gate still says which entry point it is.
  for (const json& e : edges_of(doc, "SWEnables")) {
    if (e["start"]["value"] != "attacker") continue;
    EXPECT_EQ(e["properties"]["entry_kind"], "phishing");
    EXPECT_TRUE(e["properties"].contains("entry"));
  }
  // Free edges.
  auto entries = edges_of(doc, "SWEntry");
  ASSERT_EQ(entries.size(), 1u);  // the phishing entry goes into a gate: SWEnables
  EXPECT_EQ(entries[0]["properties"]["entry"], "e-internet");
  EXPECT_EQ(entries[0]["properties"]["entry_kind"], "network");
  EXPECT_EQ(edges_of(doc, "SWTargetOf").size(), 1u);
  EXPECT_EQ(edges_of(doc, "SWLeadsTo").size(), 2u);
  // 18 graph edges: each collapsed gate turns two into one (4 gates).
  EXPECT_EQ(doc["graph"]["edges"].size(), 14u);
}

TEST(OpenGraphExport, KindNamesAndDeterminism) {
  EXPECT_EQ(opengraph_kind(GateKind::kMemberOf), "SWMemberOf");
  EXPECT_EQ(opengraph_kind(GateKind::kCanLogin), "SWCanLogin");
  EXPECT_EQ(opengraph_kind(GateKind::kExecOn), "SWExecOn");
  EXPECT_EQ(opengraph_kind(GateKind::kSso), "SWSso");
  const AttackGraph g = test::tiny_graph();
  std::ostringstream a, b;
  write_opengraph(g, a);
  write_opengraph(g, b);
  EXPECT_EQ(a.str(), b.str());
  EXPECT_EQ(json::parse(a.str()), to_opengraph(g));
}

}  // namespace
}  // namespace sw::graph
