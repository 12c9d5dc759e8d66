// SPDX-License-Identifier: Apache-2.0
// Tests of the result builder (graph/result.h): which targets get their own cut (--target-cuts),
// the per-entry-kind analyses, the fix order in the JSON and the text, and what-if removal, on a
// hand-built graph (no model reader, no compile).
#include "graph/result.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "graph/analysis_support.h"

namespace sw::graph {
namespace {

using test::GraphBuilder;

// Two entry kinds; three targets: t-wide (reached by both routes, so the most exposed), t-narrow
// (only through the phishing route), t-none (unreachable).
AttackGraph three_targets() {
  GraphBuilder b;
  b.gate("web-rce", GateKind::kVuln, "team-web", 3, 0.9);
  b.gate("phish-alice", GateKind::kPhish, "alice", 1, 0.3);
  b.gate("sess-admin", GateKind::kSession, "team-identity", 2, 0.8);
  b.gate("narrow", GateKind::kAdminTo, "team-ops", 4, 0.5);
  b.gate("dead", GateKind::kVuln, "team-ops", 1, 0.5);
  b.entry("e-internet", EntryKind::kNetwork, "net:internet");
  b.entry("e-phish", EntryKind::kPhishing, "phish-alice");
  b.through("net:internet", "web-rce", {"user@web"});
  b.edge("phish-alice", "user@ws");
  b.through("user@web", "sess-admin", {"id:admin"});
  b.through("user@ws", "sess-admin", {"id:admin"});
  b.through("user@ws", "narrow", {"admin@ops"});
  b.edge("id:admin", "admin@db");
  b.through("state:orphan", "dead", {"admin@vault"});
  b.target("admin@db");
  b.target("admin@ops");
  b.target("admin@vault");
  return b.finish();
}

TEST(GraphResult, TargetCutsGoToTheMostExposedTargets) {
  AttackGraph g = three_targets();
  AnalyzeOptions o;
  o.target_cuts = 1;
  auto r = analyze(g, o);
  ASSERT_TRUE(r) << r.error().message();
  ASSERT_EQ(r->targets.size(), 3u);
  EXPECT_TRUE(r->targets[0].reachable);
  EXPECT_TRUE(r->targets[1].reachable);
  EXPECT_FALSE(r->targets[2].reachable);
  // admin@db has more principals with a path than admin@ops: it gets the one cut.
  EXPECT_GT(r->targets[0].exposure.identities + r->targets[0].exposure.assets,
            r->targets[1].exposure.identities + r->targets[1].exposure.assets);
  ASSERT_TRUE(r->targets[0].cut);
  EXPECT_DOUBLE_EQ(r->targets[0].cut->value, 2);  // sess-admin
  EXPECT_FALSE(r->targets[1].cut);
  EXPECT_FALSE(r->targets[2].cut);  // unreachable targets never count
  EXPECT_EQ(r->target_cuts_skipped, 1u);

  o.target_cuts = 0;
  r = analyze(g, o);
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->targets[0].cut);
  EXPECT_EQ(r->target_cuts_skipped, 2u);

  // A named target always gets its cut, whatever --target-cuts says.
  o.selection.targets = {"admin@ops", "admin@db"};
  r = analyze(g, o);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->targets.size(), 2u);
  EXPECT_TRUE(r->targets[0].cut && r->targets[1].cut);
  EXPECT_EQ(r->target_cuts_skipped, 0u);
}

TEST(GraphResult, CutsPerEntryKindAndTheWholeCut) {
  AttackGraph g = three_targets();
  auto r = analyze(g, AnalyzeOptions{});
  ASSERT_TRUE(r);
  // The whole cut: sess-admin + phish-alice = 3 (web-rce + phish-alice = 4, sess-admin + narrow
  // = 6).
  EXPECT_DOUBLE_EQ(r->cut.value, 3);
  ASSERT_EQ(r->by_entry_kind.size(), 2u);
  EXPECT_EQ(r->by_entry_kind[0].kind, EntryKind::kNetwork);
  EXPECT_EQ(r->by_entry_kind[0].reachable_targets, std::vector<std::string>{"admin@db"});
  EXPECT_DOUBLE_EQ(r->by_entry_kind[0].cut.value, 2);
  EXPECT_EQ(r->by_entry_kind[1].kind, EntryKind::kPhishing);
  EXPECT_DOUBLE_EQ(r->by_entry_kind[1].cut.value, 1);  // phish-alice
  ASSERT_TRUE(r->best);
  EXPECT_NEAR(r->best->probability, 0.9 * 0.8, 1e-12);
}

TEST(GraphResult, JsonAndTextCarryTheFixOrder) {
  AttackGraph g = three_targets();
  auto r = analyze(g, AnalyzeOptions{});
  ASSERT_TRUE(r);
  ResultContext c;
  c.model_digest = "sha256:test";
  auto j = result_json(g, *r, c);
  ASSERT_EQ(j["min_cut"]["items"].size(), 2u);
  // sess-admin lies on the most likely path (0.72); phish-alice's best way is 0.3 * 0.8.
  EXPECT_EQ(j["min_cut"]["items"][0]["id"], "sess-admin");
  EXPECT_NEAR(j["min_cut"]["items"][0]["path_probability"].get<double>(), 0.72, 1e-12);
  EXPECT_EQ(j["min_cut"]["items"][1]["id"], "phish-alice");
  EXPECT_NEAR(j["min_cut"]["items"][1]["path_probability"].get<double>(), 0.3 * 0.8, 1e-12);
  EXPECT_EQ(j["target_cuts_skipped"], 0u);

  const std::string text = result_text(g, *r, c);
  const auto order = text.find("In this order");
  ASSERT_NE(order, std::string::npos) << text;
  const auto first = text.find("1. sess-admin", order);
  const auto second = text.find("2. phish-alice", order);
  EXPECT_NE(first, std::string::npos) << text;
  EXPECT_NE(second, std::string::npos) << text;
  EXPECT_LT(first, second);
}

TEST(GraphResult, WhatIfRemovesTheGate) {
  AttackGraph g = three_targets();
  AnalyzeOptions o;
  o.selection.removed = {"sess-admin"};
  auto r = analyze(g, o);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->removed, std::vector<std::string>{"sess-admin"});
  EXPECT_EQ(r->reach.reachable_targets, std::vector<std::string>{"admin@ops"});
  EXPECT_DOUBLE_EQ(r->cut.value, 1);  // phish-alice, or narrow (4): the cheaper

  o.selection.removed = {"no-such-gate"};
  EXPECT_FALSE(analyze(g, o));
}

}  // namespace
}  // namespace sw::graph
