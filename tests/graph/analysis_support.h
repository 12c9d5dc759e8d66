// SPDX-License-Identifier: Apache-2.0
// Test helper: builds compiled attack graphs by hand (states, gates, edges, entries, targets) so
// the analyses can be tested without the model reader or compile(); plus the spec's worked example
// (../shared/specs/graph.md, 2.7) written out as the compile rules C1-C15 make it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/attack_graph.h"

namespace sw::graph::test {

class GraphBuilder {
 public:
  GraphBuilder() {
    g_.add_state("attacker");
    g_.add_state("target");
  }

  NodeId state(std::string_view name) { return g_.add_state(name); }

  NodeId gate(std::string_view id, GateKind kind, std::string_view owner,
              std::optional<double> cost, double p) {
    Node n;
    n.kind = NodeKind::kGate;
    n.name = std::string(id);
    n.gate_kind = kind;
    n.owner = std::string(owner);
    n.cost = cost;
    n.p = p;
    return g_.add_gate(std::move(n));
  }

  // A gate id if one exists, else a state (created when new).
  NodeId node(std::string_view name) {
    if (auto it = g_.gates.find(std::string(name)); it != g_.gates.end()) return it->second;
    return g_.add_state(name);
  }

  void edge(std::string_view from, std::string_view to) { g_.add_edge(node(from), node(to)); }
  void edge(NodeId from, NodeId to) { g_.add_edge(from, to); }

  // from [gate] each of `to`: the two (or more) edges of one gate.
  void through(std::string_view from, std::string_view gate_id,
               const std::vector<std::string_view>& to) {
    edge(from, gate_id);
    for (std::string_view t : to) edge(gate_id, t);
  }

  // An entry point: attacker -> `first` (a state or a gate), tagged with the entry's index.
  std::uint32_t entry(std::string_view id, EntryKind kind, std::string_view first) {
    auto index = entry_index(id, kind);
    g_.add_edge(g_.attacker, node(first), index);
    return index;
  }
  std::uint32_t entry_index(std::string_view id, EntryKind kind) {
    for (std::uint32_t i = 0; i < g_.entries.size(); ++i) {
      if (g_.entries[i].id == id) return i;
    }
    g_.entries.push_back(EntryRef{std::string(id), kind});
    return static_cast<std::uint32_t>(g_.entries.size() - 1);
  }

  // A target state: `state` -> target, tagged with the target's index.
  void target(std::string_view state_name) {
    NodeId s = state(state_name);
    g_.targets.push_back(TargetRef{std::string(state_name), s});
    g_.add_edge(s, g_.target, kNoTag, static_cast<std::uint32_t>(g_.targets.size() - 1));
  }

  AttackGraph& graph() { return g_; }
  AttackGraph finish() {
    g_.finish();
    return std::move(g_);
  }

 private:
  AttackGraph g_;
};

// Options for the worked example: which gates (by id) are made unfixable.
struct WorkedOptions {
  std::vector<std::string> unfixable;
};

// The worked example of spec 2.7 compiled by hand: 18 states + attacker + target + 11 gates = 31
// nodes, 33 edges (the reference compiler's figures). Entries: e-internet (network), e-phish.
inline AttackGraph worked_example(const WorkedOptions& opt = {}) {
  GraphBuilder b;
  auto cost = [&](std::string_view id, double c) -> std::optional<double> {
    for (const auto& u : opt.unfixable) {
      if (u == id) return std::nullopt;
    }
    return c;
  };
  // C1: every asset: admin@A -> user@A -> net:Z.
  for (auto [asset, zone] : {std::pair{"web01", "dmz"}, std::pair{"ws-alice", "corp"},
                             std::pair{"app01", "srv-app"}, std::pair{"db01", "srv-db"}}) {
    b.edge(std::string("admin@") + asset, std::string("user@") + asset);
    b.edge(std::string("user@") + asset, std::string("net:") + zone);
  }
  // C2: flows.
  b.gate("fw-1", GateKind::kFlow, "team-net", std::nullopt, 1.0);
  b.through("net:internet", "fw-1", {"reach:dmz:tcp/443"});
  b.gate("fw-app-db", GateKind::kFlow, "team-net", cost("fw-app-db", 50), 1.0);
  b.through("net:srv-app", "fw-app-db", {"reach:srv-db:tcp/1433"});
  // C3/C4/C5: findings.
  b.gate("f-web-rce", GateKind::kVuln, "team-web", cost("f-web-rce", 4), 0.9);
  b.through("reach:dmz:tcp/443", "f-web-rce", {"user@web01"});
  b.gate("f-web-secret", GateKind::kSecret, "team-web", cost("f-web-secret", 3), 0.9);
  b.through("user@web01", "f-web-secret", {"id:svc_db"});
  b.gate("f-ws-privesc", GateKind::kVuln, "team-desktop", cost("f-ws-privesc", 4), 0.6);
  b.through("user@ws-alice", "f-ws-privesc", {"admin@ws-alice"});
  b.gate("f-db-rce", GateKind::kVuln, "team-dba", cost("f-db-rce", 2), 0.6);
  b.through("reach:srv-db:tcp/1433", "f-db-rce", {"admin@db01"});  // runs_as admin
  // C7/C8: relations.
  b.gate("r-svcdb-admin", GateKind::kAdminTo, "team-dba", cost("r-svcdb-admin", 5), 0.95);
  b.through("id:svc_db", "r-svcdb-admin", {"admin@db01"});
  b.gate("r-sess-helpdesk", GateKind::kSession, "team-helpdesk", cost("r-sess-helpdesk", 3), 0.8);
  b.through("admin@ws-alice", "r-sess-helpdesk", {"id:u.helpdesk"});
  b.gate("r-hd-admin-app01", GateKind::kAdminTo, "team-app", cost("r-hd-admin-app01", 4), 0.95);
  b.through("id:u.helpdesk", "r-hd-admin-app01", {"admin@app01"});
  b.gate("r-sess-svcdb-app01", GateKind::kSession, "team-app", cost("r-sess-svcdb-app01", 2), 0.8);
  b.through("admin@app01", "r-sess-svcdb-app01", {"id:svc_db"});
  // C12/C13: entries.
  b.entry("e-internet", EntryKind::kNetwork, "net:internet");
  b.gate("phish.alice", GateKind::kPhish, "alice", cost("phish.alice", 6), 0.2);
  b.entry("e-phish", EntryKind::kPhishing, "phish.alice");
  b.edge("phish.alice", "user@ws-alice");
  b.edge("phish.alice", "id:u.alice");
  // C15: the crown jewel.
  b.target("admin@db01");
  return b.finish();
}

}  // namespace sw::graph::test
