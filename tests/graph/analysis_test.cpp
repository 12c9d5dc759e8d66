// SPDX-License-Identifier: Apache-2.0
// Tests of the graph analyses (../shared/specs/graph.md, 2.4) on hand-built graphs: the worked
// example of 2.7 (paths, Yen, cuts for all / network / phishing entries, exposure), unbounded and
// unreachable cuts, what-if removal, the three max-flow algorithms, and randomized cross-checks
// against brute force (every gate subset for the cut; every simple path for Yen).
#include "graph/analysis.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "graph/analysis_support.h"
#include "graph/shortest_path.h"

namespace sw::graph {
namespace {

using test::GraphBuilder;
using test::worked_example;

constexpr MaxFlowAlgorithm kAllAlgorithms[] = {MaxFlowAlgorithm::kPushRelabel,
                                               MaxFlowAlgorithm::kBoykovKolmogorov,
                                               MaxFlowAlgorithm::kEdmondsKarp};

Mask must_resolve(const AttackGraph& g, const Selection& s = {}) {
  auto m = resolve(g, s);
  EXPECT_TRUE(m.has_value()) << (m ? "" : m.error().to_string());
  return m ? *m : Mask{};
}

std::vector<std::string> gate_names(const AttackGraph& g, const std::vector<NodeId>& nodes) {
  std::vector<std::string> out;
  for (NodeId n : nodes) {
    if (g.nodes[n].kind == NodeKind::kGate) out.push_back(g.nodes[n].name);
  }
  return out;
}

std::vector<std::string> node_names(const AttackGraph& g, const std::vector<NodeId>& nodes) {
  std::vector<std::string> out;
  for (NodeId n : nodes) out.push_back(g.nodes[n].name);
  return out;
}

std::vector<std::string> cut_names(const AttackGraph& g, const Cut& c) {
  std::vector<std::string> out;
  for (const CutItem& i : c.items) out.push_back(g.nodes[i.gate].name);
  std::sort(out.begin(), out.end());  // the set; GraphAnalysisTargets.FixOrder tests the order
  return out;
}

Selection entries_of(EntryKind k) {
  Selection s;
  s.entry_kinds = {k};
  return s;
}

const std::vector<std::string> kP1 = {"fw-1", "f-web-rce", "f-web-secret", "r-svcdb-admin"};
const std::vector<std::string> kP2 = {"phish.alice",      "f-ws-privesc",       "r-sess-helpdesk",
                                      "r-hd-admin-app01", "r-sess-svcdb-app01", "r-svcdb-admin"};
const std::vector<std::string> kP3 = {"phish.alice",      "f-ws-privesc", "r-sess-helpdesk",
                                      "r-hd-admin-app01", "fw-app-db",    "f-db-rce"};

// ---- the worked example (spec 2.7) ----------------------------------------------------------

TEST(GraphAnalysisWorked, CompiledSize) {
  AttackGraph g = worked_example();
  EXPECT_EQ(g.nodes.size(), 31u);
  EXPECT_EQ(g.edges.size(), 33u);
  EXPECT_EQ(g.gate_count(), 11u);
}

TEST(GraphAnalysisWorked, MostLikelyPathIsP1) {
  AttackGraph g = worked_example();
  auto p = best_path(g, must_resolve(g));
  ASSERT_TRUE(p.has_value());
  EXPECT_NEAR(p->probability, 0.7695, 1e-12);
  EXPECT_EQ(p->hops, 4u);
  EXPECT_EQ(node_names(g, p->nodes),
            (std::vector<std::string>{"attacker", "net:internet", "fw-1", "reach:dmz:tcp/443",
                                      "f-web-rce", "user@web01", "f-web-secret", "id:svc_db",
                                      "r-svcdb-admin", "admin@db01", "target"}));
}

TEST(GraphAnalysisWorked, BothDijkstraEnginesAgree) {
  AttackGraph g = worked_example();
  Mask m = must_resolve(g);
  for (PathMetric metric : {PathMetric::kLikely, PathMetric::kFewestHops}) {
    PathQuery q{g.attacker, g.target, nullptr, nullptr};
    auto a = shortest_path(g, m, metric, q, DijkstraEngine::kHeap);
    auto b = shortest_path(g, m, metric, q, DijkstraEngine::kBoost);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(*a, *b);
  }
}

TEST(GraphAnalysisWorked, TopThreeYenPaths) {
  AttackGraph g = worked_example();
  auto paths = top_paths(g, must_resolve(g), 3);
  ASSERT_EQ(paths.size(), 3u);
  EXPECT_NEAR(paths[0].probability, 0.7695, 1e-12);
  EXPECT_NEAR(paths[1].probability, 0.069312, 1e-12);
  EXPECT_NEAR(paths[2].probability, 0.05472, 1e-12);
  EXPECT_EQ(gate_names(g, paths[0].nodes), kP1);
  EXPECT_EQ(gate_names(g, paths[1].nodes), kP2);
  EXPECT_EQ(gate_names(g, paths[2].nodes), kP3);
  EXPECT_EQ(paths[1].hops, 6u);
  // There are exactly three simple paths: asking for five gives three.
  EXPECT_EQ(top_paths(g, must_resolve(g), 5).size(), 3u);
  // The Boost engine gives the same answer.
  auto boost_paths =
      yen_paths(g, must_resolve(g), 5, PathMetric::kLikely, kNoNode, DijkstraEngine::kBoost);
  ASSERT_EQ(boost_paths.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(boost_paths[i].nodes, paths[i].nodes);
}

TEST(GraphAnalysisWorked, FewestHops) {
  AttackGraph g = worked_example();
  auto p = best_path(g, must_resolve(g), PathMetric::kFewestHops);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(gate_names(g, p->nodes), kP1);
  // P2 and P3 both have 6 gates: the tie goes to the more likely one (P2).
  auto paths = top_paths(g, must_resolve(g), 3, PathMetric::kFewestHops);
  ASSERT_EQ(paths.size(), 3u);
  EXPECT_EQ(gate_names(g, paths[1].nodes), kP2);
  EXPECT_EQ(gate_names(g, paths[2].nodes), kP3);
}

TEST(GraphAnalysisWorked, ReachabilityAndBlastRadius) {
  AttackGraph g = worked_example();
  Reachability r = reachability(g, must_resolve(g));
  EXPECT_EQ(r.reachable_targets, std::vector<std::string>{"admin@db01"});
  // Every state but admin@web01 (no privilege escalation on web01).
  EXPECT_EQ(r.reached_states, 17u);
  EXPECT_FALSE(r.reached[g.states.at("admin@web01")]);
  EXPECT_TRUE(r.reached[g.states.at("id:u.alice")]);

  Reachability net = reachability(g, must_resolve(g, entries_of(EntryKind::kNetwork)));
  EXPECT_EQ(net.reachable_targets, std::vector<std::string>{"admin@db01"});
  EXPECT_FALSE(net.reached[g.states.at("user@ws-alice")]);
}

TEST(GraphAnalysisWorked, Exposure) {
  AttackGraph g = worked_example();
  Exposure x = exposure(g, must_resolve(g), g.states.at("admin@db01"));
  EXPECT_EQ(x.identities, 2u);  // svc_db, u.helpdesk
  EXPECT_EQ(x.assets, 3u);      // web01, ws-alice, app01
  // Without the session on app01, svc_db is reached only from web01: u.helpdesk and its assets
  // drop out.
  Selection s;
  s.removed = {"r-sess-svcdb-app01", "fw-app-db"};
  Exposure y = exposure(g, must_resolve(g, s), g.states.at("admin@db01"));
  EXPECT_EQ(y.identities, 1u);
  EXPECT_EQ(y.assets, 1u);
}

TEST(GraphAnalysisWorked, MinCutAllEntries) {
  AttackGraph g = worked_example();
  for (MaxFlowAlgorithm a : kAllAlgorithms) {
    Cut c = min_cut(g, must_resolve(g), kNoNode, a);
    EXPECT_TRUE(c.reachable);
    EXPECT_FALSE(c.unbounded);
    EXPECT_DOUBLE_EQ(c.value, 6);
    EXPECT_EQ(cut_names(g, c), (std::vector<std::string>{"f-web-secret", "r-sess-helpdesk"}));
    ASSERT_EQ(c.by_owner.size(), 2u);
    // Equal costs: owner name order.
    EXPECT_EQ(c.by_owner[0].owner, "team-helpdesk");
    EXPECT_DOUBLE_EQ(c.by_owner[0].cost, 3);
    EXPECT_DOUBLE_EQ(c.by_owner[0].share, 0.5);
    EXPECT_EQ(c.by_owner[0].items, std::vector<NodeId>{g.gates.at("r-sess-helpdesk")});
    EXPECT_EQ(c.by_owner[1].owner, "team-web");
    EXPECT_DOUBLE_EQ(c.by_owner[1].share, 0.5);
    EXPECT_FALSE(c.unfixable_path.has_value());
  }
}

TEST(GraphAnalysisWorked, MinCutPerEntryKind) {
  AttackGraph g = worked_example();
  for (MaxFlowAlgorithm a : kAllAlgorithms) {
    Cut net = min_cut(g, must_resolve(g, entries_of(EntryKind::kNetwork)), kNoNode, a);
    EXPECT_DOUBLE_EQ(net.value, 3);
    EXPECT_EQ(cut_names(g, net), std::vector<std::string>{"f-web-secret"});
    ASSERT_EQ(net.by_owner.size(), 1u);
    EXPECT_EQ(net.by_owner[0].owner, "team-web");
    EXPECT_DOUBLE_EQ(net.by_owner[0].share, 1.0);

    Cut phish = min_cut(g, must_resolve(g, entries_of(EntryKind::kPhishing)), kNoNode, a);
    EXPECT_DOUBLE_EQ(phish.value, 3);
    EXPECT_EQ(cut_names(g, phish), std::vector<std::string>{"r-sess-helpdesk"});
    ASSERT_EQ(phish.by_owner.size(), 1u);
    EXPECT_EQ(phish.by_owner[0].owner, "team-helpdesk");
  }
  // By entry id, the same as by kind here.
  Selection s;
  s.entry_ids = {"e-phish"};
  EXPECT_DOUBLE_EQ(min_cut(g, must_resolve(g, s)).value, 3);
  auto p = best_path(g, must_resolve(g, s));
  ASSERT_TRUE(p.has_value());
  EXPECT_NEAR(p->probability, 0.069312, 1e-12);
  EXPECT_EQ(gate_names(g, p->nodes), kP2);
}

TEST(GraphAnalysisWorked, GreedyCostsMoreThanTheCut) {
  // Greedy "cheapest gate on each path" picks f-web-secret (P1), r-sess-svcdb-app01 (P2) and
  // f-db-rce (P3): a valid cut of cost 7, one more than the optimum.
  AttackGraph g = worked_example();
  Selection s;
  s.removed = {"f-web-secret", "r-sess-svcdb-app01", "f-db-rce"};
  Mask m = must_resolve(g, s);
  EXPECT_TRUE(reachability(g, m).reachable_targets.empty());
  EXPECT_GT(3 + 2 + 2, min_cut(g, must_resolve(g)).value);
}

TEST(GraphAnalysisWorked, WhatIfRemoval) {
  AttackGraph g = worked_example();
  Selection s;
  s.removed = {"f-web-secret"};
  Mask m = must_resolve(g, s);
  auto p = best_path(g, m);
  ASSERT_TRUE(p.has_value());
  EXPECT_NEAR(p->probability, 0.069312, 1e-12);
  EXPECT_EQ(gate_names(g, p->nodes), kP2);
  Cut c = min_cut(g, m);
  EXPECT_DOUBLE_EQ(c.value, 3);
  EXPECT_EQ(cut_names(g, c), std::vector<std::string>{"r-sess-helpdesk"});
  auto paths = top_paths(g, m, 5);
  EXPECT_EQ(paths.size(), 2u);  // P2 and P3 remain

  // Applying the whole cut: nothing reaches the target any more.
  s.removed = {"f-web-secret", "r-sess-helpdesk"};
  Mask fixed = must_resolve(g, s);
  EXPECT_TRUE(reachability(g, fixed).reachable_targets.empty());
  Cut none = min_cut(g, fixed);
  EXPECT_FALSE(none.reachable);
  EXPECT_DOUBLE_EQ(none.value, 0);
  EXPECT_TRUE(none.items.empty());
  EXPECT_FALSE(best_path(g, fixed).has_value());
  EXPECT_TRUE(top_paths(g, fixed, 3).empty());
}

TEST(GraphAnalysisWorked, UnreachableState) {
  AttackGraph g = worked_example();
  const NodeId admin_web = g.states.at("admin@web01");
  Cut c = min_cut(g, must_resolve(g), admin_web);
  EXPECT_FALSE(c.reachable);
  EXPECT_DOUBLE_EQ(c.value, 0);
  EXPECT_FALSE(best_path(g, must_resolve(g), PathMetric::kLikely, admin_web).has_value());
}

TEST(GraphAnalysisWorked, CutToAnIntermediateState) {
  AttackGraph g = worked_example();
  // id:u.helpdesk is only reached through the helpdesk session (cost 3) after a phish (6) and a
  // privilege escalation (4).
  Cut c = min_cut(g, must_resolve(g), g.states.at("id:u.helpdesk"));
  EXPECT_DOUBLE_EQ(c.value, 3);
  EXPECT_EQ(cut_names(g, c), std::vector<std::string>{"r-sess-helpdesk"});
}

TEST(GraphAnalysisWorked, UnboundedCutReportsTheUnfixablePath) {
  test::WorkedOptions opt;
  opt.unfixable = {"f-web-rce", "f-web-secret", "r-svcdb-admin"};
  AttackGraph g = worked_example(opt);
  for (MaxFlowAlgorithm a : kAllAlgorithms) {
    Cut c = min_cut(g, must_resolve(g), kNoNode, a);
    EXPECT_TRUE(c.reachable);
    EXPECT_TRUE(c.unbounded);
    EXPECT_TRUE(c.items.empty());
    ASSERT_TRUE(c.unfixable_path.has_value());
    EXPECT_EQ(gate_names(g, c.unfixable_path->nodes), kP1);
    EXPECT_EQ(c.unfixable_path->nodes.front(), g.attacker);
    EXPECT_EQ(c.unfixable_path->nodes.back(), g.target);
  }
  // Phishing alone still has a bounded cut.
  Cut phish = min_cut(g, must_resolve(g, entries_of(EntryKind::kPhishing)));
  EXPECT_FALSE(phish.unbounded);
  EXPECT_DOUBLE_EQ(phish.value, 3);
}

TEST(GraphAnalysisWorked, MustKeepMovesTheCut) {
  // "Must keep" = unfixable: with the helpdesk session kept, the phishing side is cut elsewhere.
  test::WorkedOptions opt;
  opt.unfixable = {"r-sess-helpdesk"};
  AttackGraph g = worked_example(opt);
  Cut c = min_cut(g, must_resolve(g));
  // Cheapest now: f-web-secret (3) + r-hd-admin-app01 (4) = 7 or f-ws-privesc (4) + 3 = 7 or
  // r-svcdb-admin (5) + f-db-rce (2) = 7. All cost 7; the source-side cut is deterministic.
  EXPECT_DOUBLE_EQ(c.value, 7);
  for (MaxFlowAlgorithm a : kAllAlgorithms) {
    EXPECT_EQ(cut_names(g, min_cut(g, must_resolve(g), kNoNode, a)), cut_names(g, c));
  }
  Selection s;
  for (const CutItem& i : c.items) s.removed.push_back(g.nodes[i.gate].name);
  EXPECT_TRUE(reachability(g, must_resolve(g, s)).reachable_targets.empty());
}

TEST(GraphAnalysisResolve, UnknownNamesAreErrorsNamingThem) {
  AttackGraph g = worked_example();
  Selection s;
  s.entry_ids = {"e-internet", "e-vpn"};
  s.targets = {"admin@db01", "admin@dc99"};
  s.removed = {"f-web-rce", "f-nope", "f-nope"};
  auto m = resolve(g, s);
  ASSERT_FALSE(m.has_value());
  const std::string msg = m.error().message();
  EXPECT_NE(msg.find("e-vpn"), std::string::npos) << msg;
  EXPECT_NE(msg.find("admin@dc99"), std::string::npos) << msg;
  EXPECT_NE(msg.find("f-nope"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("f-web-rce"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("f-nope", msg.find("f-nope") + 1), std::string::npos) << msg;
  EXPECT_EQ(m.error().code(), Errc::kUsage);
}

TEST(GraphAnalysisResolve, MaskFlags) {
  AttackGraph g = worked_example();
  Selection s;
  s.entry_kinds = {EntryKind::kPhishing};
  s.removed = {"fw-app-db"};
  Mask m = must_resolve(g, s);
  EXPECT_EQ(m.entry_on, (std::vector<bool>{false, true}));
  EXPECT_EQ(m.target_on, std::vector<bool>{true});
  EXPECT_TRUE(m.node_off[g.gates.at("fw-app-db")]);
  for (const Edge& e : g.edges) {
    const bool touches = e.from == g.gates.at("fw-app-db") || e.to == g.gates.at("fw-app-db");
    const bool internet = e.from == g.attacker && e.to == g.states.at("net:internet");
    EXPECT_EQ(m.edge_usable(g, e), !touches && !internet);
  }
}

// ---- targets ----------------------------------------------------------------------------------

TEST(GraphAnalysisTargets, PerTargetCutsAndFractionalCosts) {
  GraphBuilder b;
  b.gate("a", GateKind::kVuln, "team-x", 1.5, 0.5);
  b.gate("b", GateKind::kVuln, "team-y", 1.25, 0.5);
  b.gate("c", GateKind::kVuln, "team-x", 0.125, 0.9);
  b.entry("e", EntryKind::kNetwork, "s0");
  b.through("s0", "a", {"t1"});
  b.through("s0", "b", {"t1"});
  b.through("s0", "c", {"t2"});
  b.target("t1");
  b.target("t2");
  AttackGraph g = b.finish();

  Cut both = min_cut(g, must_resolve(g));
  EXPECT_DOUBLE_EQ(both.value, 2.875);
  ASSERT_EQ(both.by_owner.size(), 2u);
  EXPECT_EQ(both.by_owner[0].owner, "team-x");  // 1.625 > 1.25
  EXPECT_DOUBLE_EQ(both.by_owner[0].cost, 1.625);
  EXPECT_DOUBLE_EQ(both.by_owner[0].share, 1.625 / 2.875);
  EXPECT_EQ(both.by_owner[0].items.size(), 2u);

  Selection s;
  s.targets = {"t2"};
  Cut t2 = min_cut(g, must_resolve(g, s));
  EXPECT_DOUBLE_EQ(t2.value, 0.125);
  EXPECT_EQ(cut_names(g, t2), std::vector<std::string>{"c"});
  EXPECT_EQ(reachability(g, must_resolve(g, s)).reachable_targets, std::vector<std::string>{"t2"});
  // `to` = the target state itself gives the same value.
  EXPECT_DOUBLE_EQ(min_cut(g, must_resolve(g), g.states.at("t1")).value, 2.75);
}

TEST(GraphAnalysisTargets, FixOrder) {
  // Three independent routes, all in the cut: the one on the most likely path first; between
  // equally likely ones the cheaper first. Longer routes multiply their steps' p.
  GraphBuilder b;
  b.gate("unlikely", GateKind::kVuln, "team-x", 1, 0.1);
  b.gate("likely", GateKind::kVuln, "team-y", 5, 0.9);
  b.gate("likely-cheap", GateKind::kVuln, "team-x", 2, 0.9);
  b.gate("step", GateKind::kFlow, "", std::nullopt, 0.5);  // unfixable, before "likely-cheap"
  b.gate("tie-a", GateKind::kVuln, "team-y", 3, 0.45);
  b.entry("e", EntryKind::kNetwork, "s0");
  b.through("s0", "unlikely", {"t"});
  b.through("s0", "likely", {"t"});
  b.through("s0", "step", {"s1"});
  b.through("s1", "likely-cheap", {"t"});
  b.through("s0", "tie-a", {"t"});
  b.target("t");
  AttackGraph g = b.finish();

  Cut c = min_cut(g, must_resolve(g));
  ASSERT_EQ(c.items.size(), 4u);
  std::vector<std::string> order;
  for (const CutItem& i : c.items) order.push_back(g.nodes[i.gate].name);
  // likely-cheap: 0.5 * 0.9 = 0.45, the same as tie-a but cheaper.
  EXPECT_EQ(order, (std::vector<std::string>{"likely", "likely-cheap", "tie-a", "unlikely"}));
  EXPECT_DOUBLE_EQ(c.items[0].path_probability, 0.9);
  EXPECT_NEAR(c.items[1].path_probability, 0.45, 1e-12);
  EXPECT_NEAR(c.items[3].path_probability, 0.1, 1e-12);
  // Each owner's items in the same order.
  ASSERT_EQ(c.by_owner.size(), 2u);
  EXPECT_EQ(c.by_owner[0].owner, "team-y");  // 8 > 3
  EXPECT_EQ(g.nodes[c.by_owner[0].items[0]].name, "likely");
  EXPECT_EQ(g.nodes[c.by_owner[1].items[0]].name, "likely-cheap");
  // The first item is on the most likely single path.
  auto best = best_path(g, must_resolve(g));
  ASSERT_TRUE(best);
  EXPECT_NE(std::find(best->nodes.begin(), best->nodes.end(), c.items[0].gate), best->nodes.end());
}

TEST(GraphAnalysisTargets, CyclesAndZeroCostGates) {
  // s0 -> [g1] s1 -> [g2] s2 -> [g3] s1 (a cycle), s2 -> target; g2 costs 0.
  GraphBuilder b;
  b.gate("g1", GateKind::kVuln, "o", 4.0, 0.5);
  b.gate("g2", GateKind::kVuln, "o", 0.0, 0.5);
  b.gate("g3", GateKind::kVuln, "o", 1.0, 0.5);
  b.entry("e", EntryKind::kNetwork, "s0");
  b.through("s0", "g1", {"s1"});
  b.through("s1", "g2", {"s2"});
  b.through("s2", "g3", {"s1"});
  b.edge("s2", "s0");
  b.target("s2");
  AttackGraph g = b.finish();
  Cut c = min_cut(g, must_resolve(g));
  EXPECT_TRUE(c.reachable);
  EXPECT_DOUBLE_EQ(c.value, 0);
  EXPECT_EQ(cut_names(g, c), std::vector<std::string>{"g2"});
  EXPECT_DOUBLE_EQ(c.by_owner.at(0).share, 0);
  auto paths = top_paths(g, must_resolve(g), 10);
  ASSERT_EQ(paths.size(), 1u);  // loopless: the cycle adds no path
  EXPECT_NEAR(paths[0].probability, 0.25, 1e-12);
}

// ---- randomized cross-checks -----------------------------------------------------------------

struct RandomGraph {
  AttackGraph g;
  std::vector<NodeId> gates;
};

// A small random OR graph: states, gates between states (1-2 in, 1-2 out), free state edges,
// a network entry to s0 and a phishing entry through a gate, 1-2 targets. Costs 0-9 (some .5,
// some null); p in [0.05, 1] with some 1.0.
RandomGraph random_graph(std::mt19937& rng, int states, int gates) {
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
  auto sname = [](int i) { return "s" + std::to_string(i); };
  GraphBuilder b;
  RandomGraph r;
  for (int i = 0; i < states; ++i) b.state(sname(i));
  for (int i = 0; i < gates; ++i) {
    std::optional<double> cost;
    if (!chance(0.15)) cost = pick(10) + (chance(0.2) ? 0.5 : 0.0);
    const double p = chance(0.2) ? 1.0 : std::uniform_real_distribution<double>(0.05, 1.0)(rng);
    r.gates.push_back(
        b.gate("g" + std::to_string(i), GateKind::kVuln, "o" + std::to_string(pick(3)), cost, p));
  }
  b.entry("e-net", EntryKind::kNetwork, "s0");
  const bool phish = chance(0.5);
  if (phish) b.entry("e-phish", EntryKind::kPhishing, "g0");
  for (int i = 0; i < gates; ++i) {
    const std::string gid = "g" + std::to_string(i);
    if (!(phish && i == 0)) {
      for (int k = 1 + pick(2); k > 0; --k) b.edge(sname(pick(states)), gid);
    }
    for (int k = 1 + pick(2); k > 0; --k) b.edge(gid, sname(pick(states)));
  }
  for (int k = pick(states); k > 0; --k) b.edge(sname(pick(states)), sname(pick(states)));
  b.target(sname(states - 1));
  if (chance(0.4)) b.target(sname(1 + pick(states - 1)));
  r.g = b.finish();
  return r;
}

bool target_reached(const AttackGraph& g, const Mask& m) {
  return reachability(g, m).reached[g.target];
}

TEST(GraphAnalysisRandom, MinCutEqualsBruteForceOverAllGateSubsets) {
  std::mt19937 rng(20240511);
  int bounded = 0, unbounded = 0, unreachable = 0;
  for (int round = 0; round < 400; ++round) {
    RandomGraph r = random_graph(rng, 3 + round % 5, 3 + round % 7);
    const AttackGraph& g = r.g;
    const Mask all = must_resolve(g);

    // Brute force: the cheapest subset of fixable gates whose removal disconnects the target.
    std::vector<NodeId> fixable;
    for (NodeId n : r.gates) {
      if (g.nodes[n].cost) fixable.push_back(n);
    }
    std::optional<double> best;
    const bool reachable = target_reached(g, all);
    for (std::uint32_t bits = 0; bits < (1u << fixable.size()); ++bits) {
      Mask m = all;
      double cost = 0;
      for (std::size_t i = 0; i < fixable.size(); ++i) {
        if (bits & (1u << i)) {
          m.node_off[fixable[i]] = true;
          cost += *g.nodes[fixable[i]].cost;
        }
      }
      if (best && cost >= *best) continue;
      if (!target_reached(g, m)) best = cost;
    }

    for (MaxFlowAlgorithm a : kAllAlgorithms) {
      SCOPED_TRACE("round " + std::to_string(round) + " algorithm " +
                   std::to_string(static_cast<int>(a)));
      Cut c = min_cut(g, all, kNoNode, a);
      ASSERT_EQ(c.reachable, reachable);
      if (!reachable) continue;
      ASSERT_EQ(c.unbounded, !best.has_value());
      if (c.unbounded) {
        // The reported path is real and unfixable.
        ASSERT_TRUE(c.unfixable_path.has_value());
        const auto& nodes = c.unfixable_path->nodes;
        EXPECT_EQ(nodes.front(), g.attacker);
        EXPECT_EQ(nodes.back(), g.target);
        for (NodeId n : nodes) {
          if (g.nodes[n].kind == NodeKind::kGate) {
            EXPECT_FALSE(g.nodes[n].cost.has_value());
          }
        }
        continue;
      }
      EXPECT_DOUBLE_EQ(c.value, *best);
      // The items are a real cut, and their costs sum to the value.
      Mask m = all;
      double sum = 0;
      for (const CutItem& i : c.items) {
        m.node_off[i.gate] = true;
        sum += i.cost;
      }
      EXPECT_FALSE(target_reached(g, m));
      EXPECT_DOUBLE_EQ(sum, c.value);
      double owners = 0;
      for (const OwnerShare& o : c.by_owner) owners += o.cost;
      EXPECT_DOUBLE_EQ(owners, c.value);
    }
    // The three algorithms read the same cut (the residual source side is unique).
    if (reachable && best) {
      Cut pr = min_cut(g, all, kNoNode, MaxFlowAlgorithm::kPushRelabel);
      Cut bk = min_cut(g, all, kNoNode, MaxFlowAlgorithm::kBoykovKolmogorov);
      Cut ek = min_cut(g, all, kNoNode, MaxFlowAlgorithm::kEdmondsKarp);
      EXPECT_EQ(cut_names(g, pr), cut_names(g, bk));
      EXPECT_EQ(cut_names(g, pr), cut_names(g, ek));
    }
    if (!reachable) {
      ++unreachable;
    } else if (best) {
      ++bounded;
    } else {
      ++unbounded;
    }
  }
  // The generator exercises all three outcomes.
  EXPECT_GT(bounded, 100);
  EXPECT_GT(unbounded, 10);
  EXPECT_GT(unreachable, 10);
}

// Every simple path from attacker to target under the mask, by DFS.
std::vector<std::vector<NodeId>> all_simple_paths(const AttackGraph& g, const Mask& m) {
  std::set<std::vector<NodeId>> out;
  std::vector<NodeId> path{g.attacker};
  std::vector<bool> on(g.nodes.size(), false);
  on[g.attacker] = true;
  std::function<void(NodeId)> dfs = [&](NodeId u) {
    if (u == g.target) {
      out.insert(path);
      return;
    }
    for (std::uint32_t ei : g.out(u)) {
      const Edge& e = g.edges[ei];
      if (on[e.to] || !m.edge_usable(g, e)) continue;
      on[e.to] = true;
      path.push_back(e.to);
      dfs(e.to);
      path.pop_back();
      on[e.to] = false;
    }
  };
  dfs(g.attacker);
  return {out.begin(), out.end()};
}

bool is_simple_path(const AttackGraph& g, const Mask& m, const std::vector<NodeId>& nodes) {
  if (nodes.empty() || nodes.front() != g.attacker || nodes.back() != g.target) return false;
  std::set<NodeId> distinct(nodes.begin(), nodes.end());
  if (distinct.size() != nodes.size()) return false;
  for (std::size_t i = 0; i + 1 < nodes.size(); ++i) {
    bool edge = false;
    for (std::uint32_t ei : g.out(nodes[i])) {
      edge = edge || (g.edges[ei].to == nodes[i + 1] && m.edge_usable(g, g.edges[ei]));
    }
    if (!edge) return false;
  }
  return true;
}

TEST(GraphAnalysisRandom, YenEqualsBruteForceEnumeration) {
  std::mt19937 rng(7);
  constexpr std::size_t kK = 6;
  int with_many = 0;
  for (int round = 0; round < 300; ++round) {
    RandomGraph r = random_graph(rng, 4 + round % 4, 4 + round % 6);
    const AttackGraph& g = r.g;
    const Mask m = must_resolve(g);
    auto all = all_simple_paths(g, m);
    if (all.size() > kK) ++with_many;
    for (PathMetric metric : {PathMetric::kLikely, PathMetric::kFewestHops}) {
      std::vector<double> costs;
      for (const auto& p : all) costs.push_back(path_cost(g, p, metric));
      std::sort(costs.begin(), costs.end());
      for (DijkstraEngine engine : {DijkstraEngine::kHeap, DijkstraEngine::kBoost}) {
        SCOPED_TRACE("round " + std::to_string(round));
        auto yen = yen_paths(g, m, kK, metric, kNoNode, engine);
        ASSERT_EQ(yen.size(), std::min(kK, all.size()));
        std::set<std::vector<NodeId>> distinct;
        for (std::size_t i = 0; i < yen.size(); ++i) {
          EXPECT_TRUE(is_simple_path(g, m, yen[i].nodes));
          distinct.insert(yen[i].nodes);
          EXPECT_NEAR(path_cost(g, yen[i].nodes, metric), costs[i], 1e-9);
          EXPECT_NEAR(yen[i].probability, make_path(g, yen[i].nodes).probability, 0);
        }
        EXPECT_EQ(distinct.size(), yen.size());
        // The single best path matches Yen's first, and the brute-force optimum.
        auto best = best_path(g, m, metric);
        ASSERT_EQ(best.has_value(), !all.empty());
        if (best) {
          EXPECT_NEAR(path_cost(g, best->nodes, metric), costs[0], 1e-9);
          if (engine == kDefaultDijkstraEngine) {
            EXPECT_EQ(best->nodes, yen[0].nodes);
          }
        }
      }
    }
  }
  EXPECT_GT(with_many, 30);
}

TEST(GraphAnalysisRandom, ExposureCountsPrincipalsWithAPath) {
  // Exposure is the reverse BFS: compare with forward reachability from each state.
  std::mt19937 rng(99);
  for (int round = 0; round < 100; ++round) {
    GraphBuilder b;
    const char* names[] = {"id:a",     "id:b",  "user@h1", "admin@h1", "user@h2",
                           "admin@h2", "net:z", "id:c",    "user@h3"};
    for (const char* n : names) b.state(n);
    b.entry("e", EntryKind::kIdentity, "id:a");
    for (int i = 0; i < 12; ++i) {
      b.edge(names[std::uniform_int_distribution<int>(0, 8)(rng)],
             names[std::uniform_int_distribution<int>(0, 8)(rng)]);
    }
    b.target("admin@h2");
    AttackGraph g = b.finish();
    const NodeId t = g.states.at("admin@h2");
    Exposure x = exposure(g, must_resolve(g), t);
    std::size_t ids = 0;
    std::set<std::string> assets;
    for (const char* n : names) {
      const NodeId s = g.states.at(n);
      if (s == t) continue;
      // A path from s to t: forward BFS from s.
      std::vector<bool> seen(g.nodes.size(), false);
      std::vector<NodeId> q{s};
      seen[s] = true;
      for (std::size_t h = 0; h < q.size(); ++h) {
        for (std::uint32_t ei : g.out(q[h])) {
          if (!seen[g.edges[ei].to]) {
            seen[g.edges[ei].to] = true;
            q.push_back(g.edges[ei].to);
          }
        }
      }
      if (!seen[t]) continue;
      std::string name = n;
      if (name.starts_with("id:")) ++ids;
      auto at = name.find('@');
      if (at != std::string::npos && name.substr(at + 1) != "h2")
        assets.insert(name.substr(at + 1));
    }
    EXPECT_EQ(x.identities, ids);
    EXPECT_EQ(x.assets, assets.size());
  }
}

TEST(GraphAnalysisEdge, EmptyAndDegenerateGraphs) {
  AttackGraph empty;
  empty.finish();
  Mask m;
  EXPECT_FALSE(best_path(empty, m).has_value());
  EXPECT_TRUE(top_paths(empty, m, 3).empty());
  EXPECT_FALSE(min_cut(empty, m).reachable);
  EXPECT_TRUE(reachability(empty, m).reachable_targets.empty());
  EXPECT_EQ(exposure(empty, m, 5).identities, 0u);

  // A default (empty) Mask means "everything".
  AttackGraph g = worked_example();
  EXPECT_DOUBLE_EQ(min_cut(g, Mask{}).value, 6);
  // A gate with p = 0 can never be taken.
  g.nodes[g.gates.at("f-web-rce")].p = 0;
  auto p = best_path(g, Mask{});
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(gate_names(g, p->nodes), kP2);
}

}  // namespace
}  // namespace sw::graph
