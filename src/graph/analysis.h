// SPDX-License-Identifier: Apache-2.0
// Analyses of a compiled attack graph (../shared/specs/graph.md, section 2.4): reachability and
// exposure (BFS), the most likely single path (Dijkstra on -ln p), the k best paths (Yen), and the
// minimum-cost set of fixes that cuts every path (max-flow on the node-split graph, Boost.Graph
// push-relabel), with per-owner shares, unbounded cuts and what-if removal of gates.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph/attack_graph.h"

namespace sw::graph {

// Which part of the graph an analysis looks at. Empty vectors mean "all".
struct Selection {
  std::vector<EntryKind> entry_kinds;  // only attacker edges of entries of these kinds
  std::vector<std::string> entry_ids;  // only these entry points
  std::vector<std::string> targets;    // only edges into `target` from these target states
  std::vector<std::string> removed;    // gate ids taken out (what-if: "--fix ID,...")
};

// A selection resolved against one graph: per entry / target / node flags.
struct Mask {
  std::vector<bool> entry_on;   // by AttackGraph::entries index
  std::vector<bool> target_on;  // by AttackGraph::targets index
  std::vector<bool> node_off;   // removed gates
  bool edge_usable(const AttackGraph& g, const Edge& e) const;
};
// Unknown entry ids, target states or gate ids are errors naming them.
Result<Mask> resolve(const AttackGraph& g, const Selection& s);

struct Exposure {
  std::size_t identities = 0;  // id: states with a path to the target
  std::size_t assets =
      0;  // distinct assets (user@/admin@ states) with a path, target's own excluded
};

struct Reachability {
  std::vector<bool> reached;  // by node: reachable from attacker under the mask
  std::vector<std::string>
      reachable_targets;           // target states reached, in AttackGraph::targets order
  std::size_t reached_states = 0;  // the blast radius (states only)
};
Reachability reachability(const AttackGraph& g, const Mask& m);
// Reverse BFS from one target state (BloodHound's definition, spec 2.4.1).
Exposure exposure(const AttackGraph& g, const Mask& m, NodeId target_state);
// The same for many targets at once: one reverse propagation of 64-bit target sets per group of
// 64 targets (a monotone fixed point, so cycles are fine), instead of one BFS per target.
std::vector<Exposure> exposures(const AttackGraph& g, const Mask& m,
                                const std::vector<NodeId>& target_states);

// A path: the node sequence from `attacker` to `target` (both included).
struct Path {
  std::vector<NodeId> nodes;
  double probability = 0;  // product of the gates' p
  std::size_t hops = 0;    // gates on the path
};

enum class PathMetric { kLikely, kFewestHops };

// Most likely single path from attacker to `to` (default: the target node). nullopt when
// unreachable.
std::optional<Path> best_path(const AttackGraph& g, const Mask& m,
                              PathMetric metric = PathMetric::kLikely, NodeId to = kNoNode);
// Most likely paths to several states from one Dijkstra run (the shortest-path tree from
// attacker); each answer equals best_path(g, m, metric, to) for that state.
std::vector<std::optional<Path>> best_paths(const AttackGraph& g, const Mask& m, PathMetric metric,
                                            const std::vector<NodeId>& tos);
// Yen's k shortest loopless paths on the same weights, best first.
std::vector<Path> top_paths(const AttackGraph& g, const Mask& m, std::size_t k,
                            PathMetric metric = PathMetric::kLikely, NodeId to = kNoNode);

struct CutItem {
  NodeId gate = kNoNode;
  double cost = 0;
  // The probability of the most likely way from the entry points through this fix to the target,
  // before anything is fixed: fixing the item with the highest one first breaks the most likely
  // attack path first ("fix these, in this order").
  double path_probability = 0;
};
struct OwnerShare {
  std::string owner;
  double cost = 0;
  double share = 0;  // cost / cut value
  std::vector<NodeId> items;
};
struct Cut {
  bool reachable = false;  // false: nothing to cut (value 0, no items)
  bool unbounded = false;  // some path uses only unfixable gates
  double value = 0;        // sum of item costs (when bounded)
  // The source side of the residual graph (deterministic), in fix order: highest
  // path_probability first, then cheaper, then node id.
  std::vector<CutItem> items;
  std::vector<OwnerShare> by_owner;    // largest cost first, then owner name; items in fix order
  std::optional<Path> unfixable_path;  // when unbounded: a path of free edges and unfixable gates
};

enum class MaxFlowAlgorithm { kPushRelabel, kBoykovKolmogorov, kEdmondsKarp };

// Minimum-cost cut between attacker and `to` (default: the target node).
Cut min_cut(const AttackGraph& g, const Mask& m, NodeId to = kNoNode,
            MaxFlowAlgorithm algorithm = MaxFlowAlgorithm::kPushRelabel);

}  // namespace sw::graph
