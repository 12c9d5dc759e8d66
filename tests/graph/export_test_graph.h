// SPDX-License-Identifier: Apache-2.0
// A tiny compiled attack graph built by hand for the exporter tests (export_opengraph_test.cpp,
// export_dot_test.cpp): the network half of the spec's worked example (2.7) in our own words,
// plus a phishing gate with two successors and a flow with two ports.
#pragma once

#include <string>
#include <utility>

#include "graph/analysis.h"
#include "graph/attack_graph.h"

namespace sw::graph::test {

inline Node gate(std::string id, GateKind kind, std::string owner, std::optional<double> cost,
                 double p) {
  Node n;
  n.kind = NodeKind::kGate;
  n.name = std::move(id);
  n.gate_kind = kind;
  n.owner = std::move(owner);
  n.cost = cost;
  n.p = p;
  n.fix = "fix " + n.name;
  return n;
}

// attacker -> net:internet -[fw-1]-> reach:dmz:tcp/443 (and tcp/80) -[f-rce]-> user@web01
//   -[f-secret]-> id:svc_db -[r-admin]-> admin@db01 -> target;
// attacker -[phish.alice]-> user@ws-alice, id:u.alice; user@ws-alice -[f-lpe]-> admin@ws-alice;
// admin@web01 -> user@web01 -> net:dmz.
inline AttackGraph tiny_graph() {
  AttackGraph g;
  const NodeId attacker = g.add_state("attacker");
  const NodeId target = g.add_state("target");
  g.entries = {{"e-internet", EntryKind::kNetwork}, {"e-phish", EntryKind::kPhishing}};
  const NodeId internet = g.add_state("net:internet");
  const NodeId r443 = g.add_state("reach:dmz:tcp/443");
  const NodeId r80 = g.add_state("reach:dmz:tcp/80");
  const NodeId web_user = g.add_state("user@web01");
  const NodeId web_admin = g.add_state("admin@web01");
  const NodeId dmz = g.add_state("net:dmz");
  const NodeId svc = g.add_state("id:svc_db");
  const NodeId db_admin = g.add_state("admin@db01");
  const NodeId ws_user = g.add_state("user@ws-alice");
  const NodeId ws_admin = g.add_state("admin@ws-alice");
  const NodeId alice = g.add_state("id:u.alice");
  const NodeId fw = g.add_gate(gate("fw-1", GateKind::kFlow, "team-net", std::nullopt, 1.0));
  const NodeId rce = g.add_gate(gate("f-rce", GateKind::kVuln, "team \"web\"\\ops", 4, 0.9));
  const NodeId secret = g.add_gate(gate("f-secret", GateKind::kSecret, "team-web", 3, 0.9));
  const NodeId admin = g.add_gate(gate("r-admin", GateKind::kAdminTo, "team-dba", 5, 0.95));
  const NodeId phish = g.add_gate(gate("phish.alice", GateKind::kPhish, "alice", 6, 0.2));
  const NodeId lpe = g.add_gate(gate("f-lpe", GateKind::kVuln, "team-desktop", 4, 0.6));
  g.targets = {{"admin@db01", db_admin}};

  g.add_edge(attacker, internet, 0);
  g.add_edge(internet, fw);
  g.add_edge(fw, r443);
  g.add_edge(fw, r80);
  g.add_edge(r443, rce);
  g.add_edge(rce, web_user);
  g.add_edge(web_admin, web_user);
  g.add_edge(web_user, dmz);
  g.add_edge(web_user, secret);
  g.add_edge(secret, svc);
  g.add_edge(svc, admin);
  g.add_edge(admin, db_admin);
  g.add_edge(db_admin, target, kNoTag, 0);
  g.add_edge(attacker, phish, 1);
  g.add_edge(phish, ws_user);
  g.add_edge(phish, alice);
  g.add_edge(ws_user, lpe);
  g.add_edge(lpe, ws_admin);
  g.finish();
  return g;
}

// The most likely path of tiny_graph(), node by node.
inline Path tiny_best_path(const AttackGraph& g) {
  Path p;
  for (const char* s : {"attacker", "net:internet"}) {
    p.nodes.push_back(std::string(s) == "attacker" ? g.attacker : g.states.at(s));
  }
  p.nodes.push_back(g.gates.at("fw-1"));
  p.nodes.push_back(g.states.at("reach:dmz:tcp/443"));
  p.nodes.push_back(g.gates.at("f-rce"));
  p.nodes.push_back(g.states.at("user@web01"));
  p.nodes.push_back(g.gates.at("f-secret"));
  p.nodes.push_back(g.states.at("id:svc_db"));
  p.nodes.push_back(g.gates.at("r-admin"));
  p.nodes.push_back(g.states.at("admin@db01"));
  p.nodes.push_back(g.target);
  p.probability = 0.9 * 0.9 * 0.95;
  p.hops = 4;
  return p;
}

}  // namespace sw::graph::test
