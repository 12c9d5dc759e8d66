// SPDX-License-Identifier: Apache-2.0
// Most likely / fewest-hops paths and Yen's k best loopless paths (../shared/specs/graph.md,
// 2.4.2). Dijkstra runs either as a hand-written binary heap over the graph's CSR arrays (the
// default; it stops at the destination and reuses its labels across Yen's spur searches) or as
// boost::dijkstra_shortest_paths over a zero-copy BGL view of the same arrays; see shortest_path.h.
// Yen's algorithm is hand-written: Boost.Graph has none. Ties are broken deterministically: the
// distance is lexicographic (cost, then fewer gates for kLikely or -ln p for kFewestHops) inside
// Dijkstra; Yen's candidates compare cost (within a relative 1e-9), then the same second key, then
// the lexicographically smaller node-id sequence.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <queue>
#include <set>
#include <utility>
#include <vector>

#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/graph_traits.hpp>
#include <boost/iterator/counting_iterator.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <boost/property_map/property_map.hpp>

#include "graph/shortest_path.h"

// ---- A read-only Boost.Graph view of AttackGraph's CSR (IncidenceGraph + VertexListGraph) ------

namespace sw::graph::bgl {

struct View {
  const AttackGraph* g;
};

struct TraversalTag : boost::incidence_graph_tag, boost::vertex_list_graph_tag {};

}  // namespace sw::graph::bgl

namespace boost {

template <>
struct graph_traits<sw::graph::bgl::View> {
  using vertex_descriptor = sw::graph::NodeId;
  using edge_descriptor = std::uint32_t;  // index into AttackGraph::edges
  using directed_category = directed_tag;
  using edge_parallel_category = allow_parallel_edge_tag;
  using traversal_category = sw::graph::bgl::TraversalTag;
  using out_edge_iterator = const std::uint32_t*;
  using vertex_iterator = boost::counting_iterator<sw::graph::NodeId>;
  using degree_size_type = std::size_t;
  using vertices_size_type = std::size_t;
  using edges_size_type = std::size_t;
  using adjacency_iterator = void;
  using in_edge_iterator = void;
  using edge_iterator = void;
  static vertex_descriptor null_vertex() { return sw::graph::kNoNode; }
};

}  // namespace boost

namespace sw::graph::bgl {

inline std::pair<const std::uint32_t*, const std::uint32_t*> out_edges(NodeId v, const View& v_) {
  auto r = v_.g->out(v);
  return {r.begin(), r.end()};
}
inline std::size_t out_degree(NodeId v, const View& v_) {
  return v_.g->out_begin[v + 1] - v_.g->out_begin[v];
}
inline NodeId source(std::uint32_t e, const View& v_) { return v_.g->edges[e].from; }
inline NodeId target(std::uint32_t e, const View& v_) { return v_.g->edges[e].to; }
inline std::pair<boost::counting_iterator<NodeId>, boost::counting_iterator<NodeId>> vertices(
    const View& v_) {
  return {boost::counting_iterator<NodeId>(0),
          boost::counting_iterator<NodeId>(static_cast<NodeId>(v_.g->nodes.size()))};
}
inline std::size_t num_vertices(const View& v_) { return v_.g->nodes.size(); }

}  // namespace sw::graph::bgl

namespace sw::graph {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// A lexicographic distance: the metric's weight, then the tie-break (fewer gates for kLikely,
// -ln p for kFewestHops), so equal-cost paths are ordered inside Dijkstra itself and not only
// among Yen's candidates. Non-negative and monotone, so Dijkstra stays exact.
struct Dist {
  double primary = 0;
  double secondary = 0;
  friend bool operator<(const Dist& a, const Dist& b) {
    return a.primary < b.primary || (a.primary == b.primary && a.secondary < b.secondary);
  }
  friend bool operator==(const Dist& a, const Dist& b) = default;
  friend Dist operator+(const Dist& a, const Dist& b) {
    return Dist{a.primary + b.primary, a.secondary + b.secondary};
  }
};
constexpr Dist kUnreached{kInfinity, kInfinity};

Dist enter_dist(const AttackGraph& g, NodeId n, PathMetric metric) {
  const double w = enter_weight(g, n, metric);
  if (!std::isfinite(w)) return kUnreached;
  if (g.nodes[n].kind != NodeKind::kGate) return Dist{};
  const PathMetric other =
      metric == PathMetric::kLikely ? PathMetric::kFewestHops : PathMetric::kLikely;
  return Dist{w, enter_weight(g, n, other)};
}

bool is_blocked_first(const PathQuery& q, NodeId from, NodeId to) {
  if (from != q.source || q.blocked_first == nullptr) return false;
  return std::find(q.blocked_first->begin(), q.blocked_first->end(), to) != q.blocked_first->end();
}

bool is_blocked(const PathQuery& q, NodeId n) {
  return q.blocked != nullptr && n < q.blocked->size() && (*q.blocked)[n];
}

std::vector<NodeId> walk_back(const std::vector<NodeId>& pred, NodeId source, NodeId to) {
  std::vector<NodeId> nodes{to};
  while (nodes.back() != source) nodes.push_back(pred[nodes.back()]);
  std::reverse(nodes.begin(), nodes.end());
  return nodes;
}

// Binary-heap Dijkstra with labels kept between runs; a run only resets what it touched. Equal
// distances leave the heap in node-id order.
class HeapDijkstra {
 public:
  explicit HeapDijkstra(const AttackGraph& g, const Mask& m, PathMetric metric)
      : g_(g), m_(m), dist_(g.nodes.size(), kUnreached), pred_(g.nodes.size(), kNoNode) {
    weight_.reserve(g.nodes.size());
    for (NodeId n = 0; n < g.nodes.size(); ++n) weight_.push_back(enter_dist(g, n, metric));
  }

  // Labels of the last run (a run with `to` = kNoNode settles every reachable node).
  std::optional<std::vector<NodeId>> path_to(NodeId source, NodeId to) const {
    if (to >= dist_.size() || dist_[to] == kUnreached) return std::nullopt;
    return walk_back(pred_, source, to);
  }

  std::optional<std::vector<NodeId>> run(const PathQuery& q) {
    for (NodeId n : touched_) {
      dist_[n] = kUnreached;
      pred_[n] = kNoNode;
    }
    touched_.clear();
    struct Item {
      Dist d;
      NodeId n;
      bool operator>(const Item& o) const { return o.d < d || (d == o.d && n > o.n); }
    };
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    dist_[q.source] = Dist{};
    touched_.push_back(q.source);
    heap.push(Item{Dist{}, q.source});
    while (!heap.empty()) {
      const auto [d, u] = heap.top();
      heap.pop();
      if (dist_[u] < d) continue;  // stale entry
      if (u == q.to) return walk_back(pred_, q.source, q.to);
      for (std::uint32_t ei : g_.out(u)) {
        const Edge& e = g_.edges[ei];
        const NodeId v = e.to;
        if (is_blocked(q, v) || !m_.edge_usable(g_, e) || is_blocked_first(q, u, v)) continue;
        if (!std::isfinite(weight_[v].primary)) continue;
        const Dist nd = d + weight_[v];
        if (nd < dist_[v]) {
          if (dist_[v] == kUnreached) touched_.push_back(v);
          dist_[v] = nd;
          pred_[v] = u;
          heap.push(Item{nd, v});
        }
      }
    }
    return std::nullopt;
  }

 private:
  const AttackGraph& g_;
  const Mask& m_;
  std::vector<Dist> weight_;  // by node entered
  std::vector<Dist> dist_;
  std::vector<NodeId> pred_;
  std::vector<NodeId> touched_;
};

std::optional<std::vector<NodeId>> boost_dijkstra(const AttackGraph& g, const Mask& m,
                                                  PathMetric metric, const PathQuery& q) {
  // Node weights computed once per search, as the heap engine does, so the comparison is fair.
  std::vector<Dist> enter(g.nodes.size());
  for (NodeId n = 0; n < g.nodes.size(); ++n) enter[n] = enter_dist(g, n, metric);
  auto weight = boost::make_function_property_map<std::uint32_t, Dist>([&](std::uint32_t ei) {
    const Edge& e = g.edges[ei];
    if (is_blocked(q, e.to) || !m.edge_usable(g, e) || is_blocked_first(q, e.from, e.to)) {
      return kUnreached;
    }
    return enter[e.to];
  });
  // closed_plus: anything plus "infinity" stays infinity, so blocked edges never relax.
  auto combine = [](const Dist& a, const Dist& b) {
    if (a == kUnreached || b == kUnreached) return kUnreached;
    return a + b;
  };
  std::vector<Dist> dist(g.nodes.size(), kUnreached);
  std::vector<NodeId> pred(g.nodes.size(), kNoNode);
  boost::dijkstra_shortest_paths(bgl::View{&g}, q.source,
                                 boost::predecessor_map(pred.data())
                                     .distance_map(dist.data())
                                     .weight_map(weight)
                                     .vertex_index_map(boost::typed_identity_property_map<NodeId>())
                                     .distance_compare(std::less<Dist>())
                                     .distance_combine(combine)
                                     .distance_inf(kUnreached)
                                     .distance_zero(Dist{}));
  if (dist[q.to] == kUnreached) return std::nullopt;
  return walk_back(pred, q.source, q.to);
}

bool valid(const AttackGraph& g, NodeId n) { return n < g.nodes.size(); }

}  // namespace

double enter_weight(const AttackGraph& g, NodeId n, PathMetric metric) {
  const Node& node = g.nodes[n];
  if (node.kind != NodeKind::kGate) return 0;
  if (!(node.p > 0)) return kInfinity;  // also NaN: a step that cannot succeed
  if (metric == PathMetric::kFewestHops) return 1;
  return node.p >= 1 ? 0 : -std::log(node.p);
}

Path make_path(const AttackGraph& g, std::vector<NodeId> nodes) {
  Path p;
  p.probability = 1;
  for (NodeId n : nodes) {
    if (g.nodes[n].kind != NodeKind::kGate) continue;
    p.probability *= std::min(1.0, g.nodes[n].p);
    ++p.hops;
  }
  p.nodes = std::move(nodes);
  return p;
}

double path_cost(const AttackGraph& g, const std::vector<NodeId>& nodes, PathMetric metric) {
  double c = 0;
  for (std::size_t i = 1; i < nodes.size(); ++i) c += enter_weight(g, nodes[i], metric);
  return c;
}

std::optional<std::vector<NodeId>> shortest_path(const AttackGraph& g, const Mask& m,
                                                 PathMetric metric, const PathQuery& q,
                                                 DijkstraEngine engine) {
  if (!valid(g, q.source) || !valid(g, q.to) || g.out_begin.size() != g.nodes.size() + 1) {
    return std::nullopt;
  }
  if (engine == DijkstraEngine::kBoost) return boost_dijkstra(g, m, metric, q);
  HeapDijkstra d(g, m, metric);
  return d.run(q);
}

std::vector<std::optional<Path>> best_paths(const AttackGraph& g, const Mask& m, PathMetric metric,
                                            const std::vector<NodeId>& tos) {
  std::vector<std::optional<Path>> out(tos.size());
  if (!valid(g, g.attacker) || g.out_begin.size() != g.nodes.size() + 1) return out;
  // Running to completion settles each node with the same label and predecessor as a run that
  // stops there: a settled label never changes, and ties leave the heap in node-id order either
  // way.
  HeapDijkstra d(g, m, metric);
  d.run(PathQuery{g.attacker, kNoNode, nullptr, nullptr});
  for (std::size_t i = 0; i < tos.size(); ++i) {
    if (auto nodes = d.path_to(g.attacker, tos[i])) out[i] = make_path(g, std::move(*nodes));
  }
  return out;
}

std::vector<double> likely_distances(const AttackGraph& g, const Mask& m, NodeId from, bool forward,
                                     const std::vector<bool>& within) {
  std::vector<double> dist(g.nodes.size(), kInfinity);
  if (!valid(g, from) || g.out_begin.size() != g.nodes.size() + 1) return dist;
  auto inside = [&](NodeId n) { return within.empty() || (n < within.size() && within[n]); };
  using Item = std::pair<double, NodeId>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
  dist[from] = 0;
  heap.emplace(0.0, from);
  while (!heap.empty()) {
    const auto [d, u] = heap.top();
    heap.pop();
    if (dist[u] < d) continue;
    // Going backward from u to a predecessor v costs u's own weight (the step into u).
    const double back = forward ? 0 : enter_weight(g, u, PathMetric::kLikely);
    for (std::uint32_t ei : forward ? g.out(u) : g.in(u)) {
      const Edge& e = g.edges[ei];
      const NodeId v = forward ? e.to : e.from;
      if (!inside(v) || !m.edge_usable(g, e)) continue;
      const double w = forward ? enter_weight(g, v, PathMetric::kLikely) : back;
      if (!std::isfinite(w)) continue;
      if (d + w < dist[v]) {
        dist[v] = d + w;
        heap.emplace(dist[v], v);
      }
    }
  }
  return dist;
}

std::optional<Path> best_path(const AttackGraph& g, const Mask& m, PathMetric metric, NodeId to) {
  PathQuery q{g.attacker, to == kNoNode ? g.target : to, nullptr, nullptr};
  auto nodes = shortest_path(g, m, metric, q);
  if (!nodes) return std::nullopt;
  return make_path(g, std::move(*nodes));
}

namespace {

struct Candidate {
  double cost = 0;
  Path path;
};

bool near(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

// Strictly better, with the documented tie-breaks.
bool better(const Candidate& a, const Candidate& b, PathMetric metric) {
  if (!near(a.cost, b.cost)) return a.cost < b.cost;
  if (metric == PathMetric::kLikely) {
    if (a.path.hops != b.path.hops) return a.path.hops < b.path.hops;
  } else if (!near(a.path.probability, b.path.probability)) {
    return a.path.probability > b.path.probability;
  }
  return a.path.nodes < b.path.nodes;
}

}  // namespace

std::vector<Path> yen_paths(const AttackGraph& g, const Mask& m, std::size_t k, PathMetric metric,
                            NodeId to, DijkstraEngine engine) {
  std::vector<Path> out;
  if (to == kNoNode) to = g.target;
  if (k == 0 || !valid(g, g.attacker) || !valid(g, to) ||
      g.out_begin.size() != g.nodes.size() + 1) {
    return out;
  }
  HeapDijkstra heap(g, m, metric);
  auto search = [&](const PathQuery& q) {
    return engine == DijkstraEngine::kHeap ? heap.run(q) : boost_dijkstra(g, m, metric, q);
  };
  auto first = search(PathQuery{g.attacker, to, nullptr, nullptr});
  if (!first) return out;

  std::set<std::vector<NodeId>> seen{*first};
  out.push_back(make_path(g, std::move(*first)));
  std::vector<Candidate> pool;  // Yen's B
  std::vector<bool> blocked(g.nodes.size(), false);
  std::vector<NodeId> blocked_first;

  while (out.size() < k) {
    const std::vector<NodeId> prev = out.back().nodes;
    for (std::size_t i = 0; i + 1 < prev.size(); ++i) {
      const NodeId spur = prev[i];
      // Edges out of the spur node taken by any accepted path with the same root.
      blocked_first.clear();
      for (const Path& p : out) {
        if (p.nodes.size() > i + 1 &&
            std::equal(prev.begin(), prev.begin() + i + 1, p.nodes.begin())) {
          blocked_first.push_back(p.nodes[i + 1]);
        }
      }
      for (std::size_t j = 0; j < i; ++j) blocked[prev[j]] = true;
      auto spur_path = search(PathQuery{spur, to, &blocked, &blocked_first});
      for (std::size_t j = 0; j < i; ++j) blocked[prev[j]] = false;
      if (!spur_path) continue;
      std::vector<NodeId> total(prev.begin(), prev.begin() + i);
      total.insert(total.end(), spur_path->begin(), spur_path->end());
      if (!seen.insert(total).second) continue;
      const double cost = path_cost(g, total, metric);
      pool.push_back(Candidate{cost, make_path(g, std::move(total))});
    }
    if (pool.empty()) break;
    auto best = pool.begin();
    for (auto it = pool.begin() + 1; it != pool.end(); ++it) {
      if (better(*it, *best, metric)) best = it;
    }
    out.push_back(std::move(best->path));
    pool.erase(best);
  }
  return out;
}

std::vector<Path> top_paths(const AttackGraph& g, const Mask& m, std::size_t k, PathMetric metric,
                            NodeId to) {
  return yen_paths(g, m, k, metric, to, kDefaultDijkstraEngine);
}

}  // namespace sw::graph
