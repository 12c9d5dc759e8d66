// SPDX-License-Identifier: Apache-2.0
// The compiled attack graph (../shared/specs/graph.md, 2.1 and 2.3): states (what the attacker
// holds) and gates (fixable facts) as nodes, OR semantics, two special nodes `attacker` and
// `target`. Edges into a gate carry its probability; all other edges are free (p = 1).
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "graph/model.h"

namespace sw::graph {

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();

enum class NodeKind { kAttacker, kTarget, kState, kGate };

enum class GateKind {
  kFlow,
  kVuln,
  kSecret,
  kSession,
  kMemberOf,
  kAdminTo,
  kCanLogin,
  kControls,
  kSso,
  kExecOn,
  kPhish
};
std::string_view gate_kind_name(GateKind k);  // "flow", "vuln", "secret", "session", "member_of",
                                              // "admin_to", "can_login", "controls", "sso",
                                              // "exec_on", "phish"

struct Node {
  NodeKind kind = NodeKind::kState;
  // States: the state name ("user@web01", "admin@db01", "id:svc_db", "net:dmz",
  // "reach:dmz:tcp/443"). Gates: the model item id ("fw-1", "f-web-rce", "phish.alice").
  // "attacker" and "target" for the two special nodes.
  std::string name;
  // Gates only.
  GateKind gate_kind = GateKind::kFlow;
  std::string owner;           // resolved (inherited where the item had none)
  std::optional<double> cost;  // nullopt: cannot be fixed (capacity infinite)
  double p = 1.0;              // success probability of the step through this gate
  bool p_defaulted = false;    // p came from the defaults table, not the model
  // Where p came from: "model", "kev", "epss", "cvss3", "cvss2" or "default" (the kind's
  // constant), so the UI can state the source of a defaulted probability (spec 2.2).
  std::string p_source;
  bool cost_defaulted = false;
  std::string fix;    // fix text (model's, else a generated one)
  std::string title;  // one line: "CVE-2021-41773 on web01 (tcp/443)"
};

// An edge out of `attacker` belongs to one entry point; an edge into `target` to one target.
inline constexpr std::uint32_t kNoTag = std::numeric_limits<std::uint32_t>::max();

struct Edge {
  NodeId from = kNoNode;
  NodeId to = kNoNode;
  std::uint32_t entry = kNoTag;   // index into AttackGraph::entries, for edges out of attacker
  std::uint32_t target = kNoTag;  // index into AttackGraph::targets, for edges into target
};

struct EntryRef {
  std::string id;  // entry point id ("e-internet")
  EntryKind kind = EntryKind::kNetwork;
};

struct TargetRef {
  std::string state;  // "admin@db01", "id:g.domain-admins"
  NodeId node = kNoNode;
};

// Nodes and edges in a deterministic order (the order of the compile rules over the model's items,
// items in file order), with CSR adjacency both ways built by finish().
struct AttackGraph {
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  NodeId attacker = kNoNode;
  NodeId target = kNoNode;
  std::vector<EntryRef> entries;
  std::vector<TargetRef> targets;
  std::unordered_map<std::string, NodeId> states;  // state name -> node
  std::unordered_map<std::string, NodeId> gates;   // gate id -> node

  // Adjacency (edge indices), valid after finish().
  std::vector<std::uint32_t> out_begin, out_edges;  // out_edges[out_begin[n] .. out_begin[n+1])
  std::vector<std::uint32_t> in_begin, in_edges;

  std::size_t gate_count() const;
  std::size_t state_count() const;  // states, attacker and target excluded

  // Building (compile and tests).
  NodeId add_state(std::string_view name);  // returns the existing node for a known name
  NodeId add_gate(Node gate);               // gate.kind must be kGate; ids are unique
  void add_edge(NodeId from, NodeId to, std::uint32_t entry = kNoTag,
                std::uint32_t target = kNoTag);
  void finish();  // builds the CSR adjacency; call after the last add_edge

  // Span helpers over the CSR arrays.
  struct Range {
    const std::uint32_t* b;
    const std::uint32_t* e;
    const std::uint32_t* begin() const { return b; }
    const std::uint32_t* end() const { return e; }
  };
  Range out(NodeId n) const;
  Range in(NodeId n) const;
};

struct CompileResult {
  AttackGraph graph;
  std::vector<Error> warnings;  // e.g. a flow to a zone no asset is in; unknown flows assumed open
};

// Applies the compile rules C1-C15 to a validated model. Gates get owner, cost and p resolved
// (model values, else inheritance and the defaults table). States are created when first used.
CompileResult compile(const Model& model, const Defaults& defaults = {});

}  // namespace sw::graph
