// SPDX-License-Identifier: Apache-2.0
// Single-source shortest paths over a compiled attack graph (../shared/specs/graph.md, 2.4.2), the
// building block of best_path() and of Yen's k best paths. Internal to sw_graph (and the
// benchmark): analysis.h is the public API.
//
// Weights depend only on the node an edge enters: an edge into a gate weighs -ln p (kLikely) or 1
// (kFewestHops); every other edge is free (0). Two engines answer the same query:
//  - kHeap: a binary-heap Dijkstra over the graph's own CSR arrays with an early stop at `to`
//    (hand-written: Boost's Dijkstra has no early stop without throwing out of a visitor, and
//    reinitialises all |V| labels per call, which Yen's many spur searches feel);
//  - kBoost: boost::dijkstra_shortest_paths on a zero-copy BGL view of the same CSR (graph_traits
//    specialisation) with the same lexicographic distance; it runs to completion (stopping early
//    would mean throwing out of a visitor, and we do not throw for control flow).
// The default is kHeap. Measured with bench/graph_bench.cpp (synthetic enterprise, Release, CPU
// time on the 2-core VM under load): one Dijkstra 0.15 / 4.0 / 41 ms at 1k / 10k / 100k hosts for
// kHeap against 1.3 / 32 / 545 ms for kBoost; Yen k = 5 1.2 / 23 / 100 ms against 11 / 367 /
// 5 490 ms. Both are deterministic; exact ties (both distance components equal) may resolve
// differently between the two engines.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "graph/analysis.h"

namespace sw::graph {

enum class DijkstraEngine { kHeap, kBoost };
inline constexpr DijkstraEngine kDefaultDijkstraEngine = DijkstraEngine::kHeap;

// One search: from `source` to `to`, never entering a node with blocked[n] set (may be empty), and
// never taking an edge source -> n for n in `blocked_first` (Yen's removed spur edges).
struct PathQuery {
  NodeId source = kNoNode;
  NodeId to = kNoNode;
  const std::vector<bool>* blocked = nullptr;
  const std::vector<NodeId>* blocked_first = nullptr;
};

// The weight of entering node `n` under `metric`; +inf when the node can never be entered (p <= 0
// or not a number).
double enter_weight(const AttackGraph& g, NodeId n, PathMetric metric);

// The node sequence of a cheapest path (source and `to` included), or nullopt.
std::optional<std::vector<NodeId>> shortest_path(const AttackGraph& g, const Mask& m,
                                                 PathMetric metric, const PathQuery& q,
                                                 DijkstraEngine engine = kDefaultDijkstraEngine);

// Probability (product of gate p's) and hops (gate count) of a node sequence.
Path make_path(const AttackGraph& g, std::vector<NodeId> nodes);
// Sum of enter_weight over the nodes after the first, in path order (deterministic).
double path_cost(const AttackGraph& g, const std::vector<NodeId>& nodes, PathMetric metric);

// Distances on -ln p (the kLikely weight, without tie-break) from `from` to every node: forward
// along out-edges (the cost of reaching a node, its own weight included) or backward along
// in-edges (the cost of going on from a node to `from`, its own weight excluded). Only nodes with
// within[n] set are visited (an empty vector: all); unreached nodes are +inf.
std::vector<double> likely_distances(const AttackGraph& g, const Mask& m, NodeId from, bool forward,
                                     const std::vector<bool>& within);

// Yen's algorithm with a chosen engine (top_paths() uses the default one).
std::vector<Path> yen_paths(const AttackGraph& g, const Mask& m, std::size_t k, PathMetric metric,
                            NodeId to, DijkstraEngine engine);

}  // namespace sw::graph
