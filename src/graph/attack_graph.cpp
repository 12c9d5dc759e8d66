// SPDX-License-Identifier: Apache-2.0
// Building the compiled attack graph: node tables, edge list and CSR adjacency.
#include "graph/attack_graph.h"

#include <utility>

namespace sw::graph {

std::string_view gate_kind_name(GateKind k) {
  switch (k) {
    case GateKind::kFlow:
      return "flow";
    case GateKind::kVuln:
      return "vuln";
    case GateKind::kSecret:
      return "secret";
    case GateKind::kSession:
      return "session";
    case GateKind::kMemberOf:
      return "member_of";
    case GateKind::kAdminTo:
      return "admin_to";
    case GateKind::kCanLogin:
      return "can_login";
    case GateKind::kControls:
      return "controls";
    case GateKind::kSso:
      return "sso";
    case GateKind::kExecOn:
      return "exec_on";
    case GateKind::kPhish:
      return "phish";
  }
  return "?";
}

std::size_t AttackGraph::gate_count() const { return gates.size(); }
std::size_t AttackGraph::state_count() const { return states.size(); }

NodeId AttackGraph::add_state(std::string_view name) {
  std::string key(name);
  if (auto it = states.find(key); it != states.end()) return it->second;
  NodeId id = static_cast<NodeId>(nodes.size());
  Node n;
  if (name == "attacker") {
    n.kind = NodeKind::kAttacker;
    attacker = id;
  } else if (name == "target") {
    n.kind = NodeKind::kTarget;
    target = id;
  } else {
    n.kind = NodeKind::kState;
  }
  n.name = key;
  nodes.push_back(std::move(n));
  if (nodes.back().kind == NodeKind::kState) states.emplace(std::move(key), id);
  return id;
}

NodeId AttackGraph::add_gate(Node gate) {
  if (auto it = gates.find(gate.name); it != gates.end()) return it->second;
  NodeId id = static_cast<NodeId>(nodes.size());
  gate.kind = NodeKind::kGate;
  gates.emplace(gate.name, id);
  nodes.push_back(std::move(gate));
  return id;
}

void AttackGraph::add_edge(NodeId from, NodeId to, std::uint32_t entry, std::uint32_t target_tag) {
  edges.push_back(Edge{from, to, entry, target_tag});
}

void AttackGraph::finish() {
  const std::size_t n = nodes.size();
  out_begin.assign(n + 1, 0);
  in_begin.assign(n + 1, 0);
  for (const Edge& e : edges) {
    ++out_begin[e.from + 1];
    ++in_begin[e.to + 1];
  }
  for (std::size_t i = 0; i < n; ++i) {
    out_begin[i + 1] += out_begin[i];
    in_begin[i + 1] += in_begin[i];
  }
  out_edges.assign(edges.size(), 0);
  in_edges.assign(edges.size(), 0);
  std::vector<std::uint32_t> out_fill(out_begin.begin(), out_begin.end() - 1);
  std::vector<std::uint32_t> in_fill(in_begin.begin(), in_begin.end() - 1);
  for (std::uint32_t i = 0; i < edges.size(); ++i) {
    out_edges[out_fill[edges[i].from]++] = i;
    in_edges[in_fill[edges[i].to]++] = i;
  }
}

AttackGraph::Range AttackGraph::out(NodeId n) const {
  return Range{out_edges.data() + out_begin[n], out_edges.data() + out_begin[n + 1]};
}

AttackGraph::Range AttackGraph::in(NodeId n) const {
  return Range{in_edges.data() + in_begin[n], in_edges.data() + in_begin[n + 1]};
}

}  // namespace sw::graph
