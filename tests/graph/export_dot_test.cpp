// SPDX-License-Identifier: Apache-2.0
// DOT output of the relevant subgraph and SVG rendering through libgvc (src/graph/export_dot.h).
#include "graph/export_dot.h"

#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "graph/export_test_graph.h"

namespace sw::graph {
namespace {

Cut tiny_cut(const AttackGraph& g) {
  Cut c;
  c.reachable = true;
  c.value = 3;
  c.items = {CutItem{g.gates.at("f-secret"), 3}};
  c.by_owner = {OwnerShare{"team-web", 3, 1.0, {g.gates.at("f-secret")}}};
  return c;
}

std::string node_line(NodeId id, const std::string& dot) {
  const std::string key = fmt::format("  n{} [", id);
  const std::size_t at = dot.find(key);
  if (at == std::string::npos) return {};
  return dot.substr(at, dot.find('\n', at) - at);
}

TEST(DotExport, RelevantSubgraphOnly) {
  const AttackGraph g = test::tiny_graph();
  const std::string dot = to_dot(g, {test::tiny_best_path(g)}, tiny_cut(g));
  EXPECT_EQ(dot.rfind("digraph attack {\n", 0), 0u);
  EXPECT_EQ(dot.substr(dot.size() - 2), "}\n");
  // On the path: drawn.
  EXPECT_FALSE(node_line(g.states.at("user@web01"), dot).empty());
  EXPECT_FALSE(node_line(g.gates.at("fw-1"), dot).empty());
  // Neither on a path nor next to a cut gate: left out.
  for (const char* s : {"reach:dmz:tcp/80", "net:dmz", "admin@web01", "user@ws-alice"}) {
    EXPECT_TRUE(node_line(g.states.at(s), dot).empty()) << s;
  }
  EXPECT_TRUE(node_line(g.gates.at("phish.alice"), dot).empty());
  EXPECT_TRUE(node_line(g.gates.at("f-lpe"), dot).empty());
  // No edge to a node left out.
  EXPECT_EQ(dot.find(fmt::format("-> n{}", g.states.at("net:dmz"))), std::string::npos);
}

TEST(DotExport, ShapesLabelsBestPathAndCut) {
  const AttackGraph g = test::tiny_graph();
  const std::string dot = to_dot(g, {test::tiny_best_path(g)}, tiny_cut(g));
  EXPECT_EQ(node_line(g.states.at("id:svc_db"), dot),
            fmt::format("  n{} [shape=ellipse, label=\"id:svc_db\"];", g.states.at("id:svc_db")));
  EXPECT_EQ(node_line(g.gates.at("f-secret"), dot),
            fmt::format("  n{} [shape=box, label=\"f-secret\\nsecret · team-web\\ncost 3 · p "
                        "0.9\", color=red, fontcolor=red, penwidth=2];",
                        g.gates.at("f-secret")));
  // Unfixable: cost ∞, not red.
  EXPECT_EQ(node_line(g.gates.at("fw-1"), dot),
            fmt::format("  n{} [shape=box, label=\"fw-1\\nflow · team-net\\ncost ∞ · p 1\"];",
                        g.gates.at("fw-1")));
  // Quotes and backslashes in labels are escaped.
  EXPECT_NE(node_line(g.gates.at("f-rce"), dot).find("team \\\"web\\\"\\\\ops"), std::string::npos);
  // The best path in bold, edge by edge.
  EXPECT_NE(dot.find(fmt::format("  n{} -> n{} [penwidth=3, color=black];", g.gates.at("f-secret"),
                                 g.states.at("id:svc_db"))),
            std::string::npos);
  EXPECT_NE(dot.find(fmt::format("  n{} -> n{} [penwidth=3, color=black];", g.attacker,
                                 g.states.at("net:internet"))),
            std::string::npos);
  // Deterministic.
  EXPECT_EQ(dot, to_dot(g, {test::tiny_best_path(g)}, tiny_cut(g)));
}

TEST(DotExport, SecondPathIsNotBoldAndUnfixablePathIsOrange) {
  const AttackGraph g = test::tiny_graph();
  Path second;
  second.nodes = {g.attacker, g.gates.at("phish.alice"), g.states.at("user@ws-alice"),
                  g.gates.at("f-lpe"), g.states.at("admin@ws-alice")};
  Cut unbounded;
  unbounded.reachable = true;
  unbounded.unbounded = true;
  Path fw;
  fw.nodes = {g.attacker, g.states.at("net:internet"), g.gates.at("fw-1"),
              g.states.at("reach:dmz:tcp/80")};
  unbounded.unfixable_path = fw;
  DotOptions opt;
  opt.title = "what \"if\"";
  const std::string dot = to_dot(g, {test::tiny_best_path(g), second}, unbounded, opt);
  EXPECT_NE(dot.find("  label=\"what \\\"if\\\"\";"), std::string::npos);
  EXPECT_NE(dot.find(fmt::format("  n{} -> n{};", g.gates.at("phish.alice"),
                                 g.states.at("user@ws-alice"))),
            std::string::npos);
  EXPECT_NE(dot.find(fmt::format("  n{} -> n{} [penwidth=2, color=darkorange];", g.gates.at("fw-1"),
                                 g.states.at("reach:dmz:tcp/80"))),
            std::string::npos);
}

TEST(DotExport, Escaping) {
  EXPECT_EQ(dot_escape("a\"b\\c\nd\te"), "a\\\"b\\\\c\\nd e");
  EXPECT_EQ(dot_escape("plain"), "plain");
}

TEST(DotExport, RendersSvgInProcess) {
  const AttackGraph g = test::tiny_graph();
  auto svg = render_svg(to_dot(g, {test::tiny_best_path(g)}, tiny_cut(g)));
  ASSERT_TRUE(svg) << svg.error().to_string();
  EXPECT_NE(svg->find("<svg"), std::string::npos);
  EXPECT_NE(svg->find("</svg>"), std::string::npos);
  // Graphviz writes '-' as &#45; in SVG text.
  for (const char* name :
       {"user@web01", "id:svc_db", "f&#45;secret", "admin@db01", "team&#45;web"}) {
    EXPECT_NE(svg->find(name), std::string::npos) << name;
  }
  EXPECT_NE(svg->find("fill=\"none\" stroke=\"red\""), std::string::npos);  // the cut gate
  EXPECT_EQ(svg->find("phish.alice"), std::string::npos);
}

TEST(DotExport, RenderErrorsAreErrors) {
  auto bad = render_svg("digraph { a -> ");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code(), Errc::kParse);
  auto empty = render_svg("");
  EXPECT_FALSE(empty);
  // Still usable after an error.
  auto ok = render_svg("digraph { a -> b }");
  ASSERT_TRUE(ok) << ok.error().to_string();
  EXPECT_NE(ok->find("<svg"), std::string::npos);
}

}  // namespace
}  // namespace sw::graph
