// SPDX-License-Identifier: Apache-2.0
// Minimum-cost cut, the weakest links to fix (../shared/specs/graph.md, 2.4.3), by max-flow on the
// node-split network with Boost.Graph (push-relabel by default; Boykov-Kolmogorov and
// Edmonds-Karp selectable):
//  - only the relevant subgraph is built: nodes reachable from `attacker` and reaching `to` under
//    the mask (any attack path lies in it, so the cut is the same);
//  - a gate g becomes g_in -> g_out with capacity = its fix_cost, or infinite when it cannot be
//    fixed; every other edge, and a super-source -> attacker edge, is infinite; states are not
//    split. A gate removed by the mask (what-if) is simply absent;
//  - the network is then contracted along infinite edges where that keeps the minimum cut
//    (FlowNetwork below): about 4x fewer vertices on the synthetic enterprise;
//  - capacities are int64 with infinity = 10^15; costs are scaled by 1000 and rounded, so costs
//    with up to 3 decimals are exact. The single infinite edge out of the super-source bounds any
//    flow (and every node's excess) by 10^15, so nothing overflows; a model whose finite costs sum
//    to 10^12 points or more would be reported as unbounded;
//  - unbounded cuts are found first, by BFS over free edges and unfixable gates (exactly "flow >=
//    infinity"); that path is the finding "no fix possible within the model";
//  - the cut read is the source side of the residual graph, which is the same for every maximum
//    flow, so all three algorithms give the same items;
//  - the items are put in fix order: the most likely path through each (a forward and a backward
//    Dijkstra on -ln p over the relevant subgraph), highest first, so the first fix breaks the
//    most likely attack path; then cheaper first, then node id. Owners by cost (largest first)
//    then name, each owner's items in fix order.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

// g++ 12 -O2 reports -Wmaybe-uninitialized / -Wnull-dereference inside Boost 1.74's
// adjacency_list edge iterator and push_relabel (inlined library code, not ours).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wnull-dereference"
#endif
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/boykov_kolmogorov_max_flow.hpp>
#include <boost/graph/edmonds_karp_max_flow.hpp>
#include <boost/graph/push_relabel_max_flow.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

#include "graph/analysis.h"
#include "graph/shortest_path.h"

namespace sw::graph {

namespace {

constexpr std::int64_t kInfCapacity = 1'000'000'000'000'000;  // 10^15
constexpr double kCostScale = 1000;

using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
struct FlowVertex {
  boost::default_color_type color = boost::white_color;
  std::int64_t distance = 0;
  Traits::edge_descriptor pred;
};
struct FlowEdge {
  std::int64_t capacity = 0;
  std::int64_t residual = 0;
  Traits::edge_descriptor reverse;
};
using FlowGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, FlowVertex, FlowEdge>;
using FlowVertexId = Traits::vertex_descriptor;

std::int64_t scaled_cost(double cost) {
  if (!(cost > 0)) return 0;  // negative or NaN: validated away by the model, treated as free
  const double s = std::round(cost * kCostScale);
  return s >= static_cast<double>(kInfCapacity) ? kInfCapacity : static_cast<std::int64_t>(s);
}

// Nodes reachable from `from` along usable edges (forward) or reaching it (backward).
std::vector<bool> sweep(const AttackGraph& g, const Mask& m, NodeId from, bool forward) {
  std::vector<bool> seen(g.nodes.size(), false);
  std::vector<NodeId> queue{from};
  seen[from] = true;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const NodeId n = queue[head];
    for (std::uint32_t ei : forward ? g.out(n) : g.in(n)) {
      const Edge& e = g.edges[ei];
      const NodeId next = forward ? e.to : e.from;
      if (seen[next] || !m.edge_usable(g, e)) continue;
      seen[next] = true;
      queue.push_back(next);
    }
  }
  return seen;
}

// BFS from attacker to `to` through free edges, states and unfixable gates only.
std::optional<std::vector<NodeId>> unfixable_route(const AttackGraph& g, const Mask& m, NodeId to) {
  std::vector<NodeId> pred(g.nodes.size(), kNoNode);
  std::vector<bool> seen(g.nodes.size(), false);
  std::vector<NodeId> queue{g.attacker};
  seen[g.attacker] = true;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const NodeId n = queue[head];
    if (n == to) {
      std::vector<NodeId> nodes{to};
      while (nodes.back() != g.attacker) nodes.push_back(pred[nodes.back()]);
      std::reverse(nodes.begin(), nodes.end());
      return nodes;
    }
    for (std::uint32_t ei : g.out(n)) {
      const Edge& e = g.edges[ei];
      if (seen[e.to] || !m.edge_usable(g, e)) continue;
      const Node& next = g.nodes[e.to];
      if (next.kind == NodeKind::kGate && next.cost.has_value()) continue;
      seen[e.to] = true;
      pred[e.to] = n;
      queue.push_back(e.to);
    }
  }
  return std::nullopt;
}

// Union-find over the network's vertices (path halving, union by index: deterministic).
class Clusters {
 public:
  explicit Clusters(std::size_t n) : parent_(n) {
    for (std::size_t i = 0; i < n; ++i) parent_[i] = i;
  }
  std::size_t find(std::size_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }
  void unite(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
  }

 private:
  std::vector<std::size_t> parent_;
};

// The node-split network, made smaller before the max-flow by two contractions that keep the
// minimum cut (value and a compatible optimal cut; a textbook reduction, hand-written because
// Boost has none):
//  (1) a vertex whose only outgoing edge is infinite joins its successor: in any finite cut it is
//      on the source side only if the successor is, and moving it there never costs more;
//  (2) then, on the result, a vertex whose only incoming edge is infinite joins its predecessor
//      (the mirror argument). The two run one after the other, each on the graph the previous one
//      left; applying both at once would not be safe. The terminals never move: (1) skips the
//      sink (it cannot go to the source side), (2) the super-source.
// Typically every gate then becomes one finite edge between two clusters of states, and the
// network has about as many vertices as the graph has states. A gate whose two ends fall into one
// cluster is never part of the cut.
class FlowNetwork {
 public:
  FlowNetwork(const AttackGraph& g, const Mask& m, NodeId to, const std::vector<bool>& relevant)
      : g_(g), in_(g.nodes.size(), kNone), out_(g.nodes.size(), kNone) {
    // Pre-vertices in node-id order: a state is one, a gate two (in, out).
    std::size_t next = 0;
    for (NodeId n = 0; n < g.nodes.size(); ++n) {
      if (!relevant[n]) continue;
      in_[n] = next++;
      out_[n] = g.nodes[n].kind == NodeKind::kGate ? next++ : in_[n];
    }
    const std::size_t super_source = next++;
    std::vector<Arc> arcs;
    arcs.push_back(Arc{super_source, in_[g.attacker], kInfCapacity});
    for (NodeId n = 0; n < g.nodes.size(); ++n) {
      if (!relevant[n] || g.nodes[n].kind != NodeKind::kGate) continue;
      const auto& cost = g.nodes[n].cost;
      arcs.push_back(Arc{in_[n], out_[n], cost ? scaled_cost(*cost) : kInfCapacity});
    }
    for (const Edge& e : g.edges) {
      if (!relevant[e.from] || !relevant[e.to] || !m.edge_usable(g, e)) continue;
      arcs.push_back(Arc{out_[e.from], in_[e.to], kInfCapacity});
    }

    clusters_ = std::make_unique<Clusters>(next);
    contract(arcs, next, out_[to], /*by_out_degree=*/true);
    contract(arcs, next, super_source, /*by_out_degree=*/false);

    // The flow graph over cluster representatives, numbered in order of first appearance.
    vertex_of_.assign(next, kNone);
    FlowVertexId count = 0;
    auto vertex = [&](std::size_t pre) {
      const std::size_t root = clusters_->find(pre);
      if (vertex_of_[root] == kNone) vertex_of_[root] = count++;
      return vertex_of_[root];
    };
    super_source_ = vertex(super_source);
    sink_ = vertex(out_[to]);
    std::vector<std::pair<FlowVertexId, FlowVertexId>> ends;
    ends.reserve(arcs.size());
    for (const Arc& a : arcs) ends.emplace_back(vertex(a.from), vertex(a.to));
    fg_ = FlowGraph(count);
    for (std::size_t i = 0; i < arcs.size(); ++i) {
      if (ends[i].first != ends[i].second) add(ends[i].first, ends[i].second, arcs[i].capacity);
    }
  }

  // The source and the sink fell into one cluster: an infinite path joins them.
  bool joined() const { return super_source_ == sink_; }

  std::int64_t run(MaxFlowAlgorithm algorithm) {
    auto cap = boost::get(&FlowEdge::capacity, fg_);
    auto res = boost::get(&FlowEdge::residual, fg_);
    auto rev = boost::get(&FlowEdge::reverse, fg_);
    auto index = boost::get(boost::vertex_index, fg_);
    switch (algorithm) {
      case MaxFlowAlgorithm::kBoykovKolmogorov:
        return boost::boykov_kolmogorov_max_flow(
            fg_, cap, res, rev, boost::get(&FlowVertex::pred, fg_),
            boost::get(&FlowVertex::color, fg_), boost::get(&FlowVertex::distance, fg_), index,
            super_source_, sink_);
      case MaxFlowAlgorithm::kEdmondsKarp:
        return boost::edmonds_karp_max_flow(fg_, super_source_, sink_, cap, res, rev,
                                            boost::get(&FlowVertex::color, fg_),
                                            boost::get(&FlowVertex::pred, fg_));
      case MaxFlowAlgorithm::kPushRelabel:
        break;
    }
    return boost::push_relabel_max_flow(fg_, super_source_, sink_, cap, res, rev, index);
  }

  // Gates whose g_in is on the source side of the residual graph and g_out is not.
  std::vector<NodeId> cut_gates() const {
    std::vector<bool> side(boost::num_vertices(fg_), false);
    std::vector<FlowVertexId> queue{super_source_};
    side[super_source_] = true;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      for (auto [it, end] = boost::out_edges(queue[head], fg_); it != end; ++it) {
        const FlowVertexId v = boost::target(*it, fg_);
        if (side[v] || fg_[*it].residual <= 0) continue;
        side[v] = true;
        queue.push_back(v);
      }
    }
    std::vector<NodeId> gates;
    for (NodeId n = 0; n < g_.nodes.size(); ++n) {
      if (in_[n] == kNone || g_.nodes[n].kind != NodeKind::kGate) continue;
      const FlowVertexId a = vertex_of_[clusters_->find(in_[n])];
      const FlowVertexId b = vertex_of_[clusters_->find(out_[n])];
      if (a != b && side[a] && !side[b]) gates.push_back(n);
    }
    return gates;
  }

 private:
  static constexpr FlowVertexId kNone = static_cast<FlowVertexId>(-1);
  struct Arc {
    std::size_t from, to;
    std::int64_t capacity;
  };

  // One contraction round over the current clusters (see the class comment). `fixed` is the
  // terminal whose side the round must not change: the sink when vertices join their successor
  // (the sink never moves to the source side), the super-source when they join their predecessor.
  void contract(const std::vector<Arc>& arcs, std::size_t n, std::size_t fixed,
                bool by_out_degree) {
    const std::size_t keep = clusters_->find(fixed);
    std::vector<std::uint32_t> degree(n, 0);
    for (const Arc& a : arcs) {
      const std::size_t u = clusters_->find(a.from);
      const std::size_t v = clusters_->find(a.to);
      if (u == v) continue;
      std::uint32_t& d = degree[by_out_degree ? u : v];
      if (d < 2) ++d;
    }
    std::vector<std::pair<std::size_t, std::size_t>> joins;
    for (const Arc& a : arcs) {
      if (a.capacity < kInfCapacity) continue;
      const std::size_t u = clusters_->find(a.from);
      const std::size_t v = clusters_->find(a.to);
      const std::size_t mover = by_out_degree ? u : v;
      if (u != v && mover != keep && degree[mover] == 1) joins.emplace_back(u, v);
    }
    for (const auto& [u, v] : joins) clusters_->unite(u, v);
  }

  void add(FlowVertexId u, FlowVertexId v, std::int64_t capacity) {
    auto [e, ok1] = boost::add_edge(u, v, fg_);
    auto [r, ok2] = boost::add_edge(v, u, fg_);
    (void)ok1;
    (void)ok2;
    fg_[e].capacity = capacity;
    fg_[e].reverse = r;
    fg_[r].capacity = 0;
    fg_[r].reverse = e;
  }

  const AttackGraph& g_;
  std::vector<std::size_t> in_, out_;  // pre-vertex of each node (kNone: not in the network)
  std::unique_ptr<Clusters> clusters_;
  std::vector<FlowVertexId> vertex_of_;  // by cluster root
  FlowVertexId super_source_ = 0;
  FlowVertexId sink_ = 0;
  FlowGraph fg_;
};

void split_by_owner(const AttackGraph& g, Cut& cut) {
  struct Acc {
    std::int64_t scaled = 0;
    double cost = 0;
    std::vector<NodeId> items;
  };
  std::map<std::string, Acc> acc;
  for (const CutItem& item : cut.items) {
    Acc& a = acc[g.nodes[item.gate].owner];
    a.scaled += scaled_cost(item.cost);
    a.cost += item.cost;
    a.items.push_back(item.gate);
  }
  std::vector<std::pair<std::int64_t, OwnerShare>> rows;
  for (auto& [owner, a] : acc) {
    OwnerShare s;
    s.owner = owner;
    s.cost = a.cost;
    s.share = cut.value > 0 ? a.cost / cut.value : 0;
    s.items = std::move(a.items);
    rows.emplace_back(a.scaled, std::move(s));
  }
  // Exact (scaled) cost comparison, largest first; the map gave owner-name order for ties.
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (auto& row : rows) cut.by_owner.push_back(std::move(row.second));
}

}  // namespace

Cut min_cut(const AttackGraph& g, const Mask& m, NodeId to, MaxFlowAlgorithm algorithm) {
  Cut cut;
  if (to == kNoNode) to = g.target;
  if (to >= g.nodes.size() || g.attacker >= g.nodes.size() ||
      g.out_begin.size() != g.nodes.size() + 1) {
    return cut;
  }
  std::vector<bool> relevant = sweep(g, m, g.attacker, /*forward=*/true);
  if (!relevant[to]) return cut;  // nothing reaches it: nothing to cut
  cut.reachable = true;

  if (auto route = unfixable_route(g, m, to)) {
    cut.unbounded = true;
    cut.unfixable_path = make_path(g, std::move(*route));
    return cut;
  }

  const std::vector<bool> backward = sweep(g, m, to, /*forward=*/false);
  for (std::size_t n = 0; n < relevant.size(); ++n) relevant[n] = relevant[n] && backward[n];

  FlowNetwork net(g, m, to, relevant);
  const std::int64_t flow = net.joined() ? kInfCapacity : net.run(algorithm);
  if (flow >= kInfCapacity) {  // only when finite costs sum to >= 10^12 points (see above)
    cut.unbounded = true;
    return cut;
  }
  const std::vector<double> from_entry = likely_distances(g, m, g.attacker, true, relevant);
  const std::vector<double> to_target = likely_distances(g, m, to, false, relevant);
  for (NodeId n : net.cut_gates()) {
    const double cost = g.nodes[n].cost.value_or(0);
    cut.items.push_back(CutItem{n, cost, std::exp(-(from_entry[n] + to_target[n]))});
    cut.value += cost;
  }
  std::sort(cut.items.begin(), cut.items.end(), [](const CutItem& a, const CutItem& b) {
    if (a.path_probability != b.path_probability) return a.path_probability > b.path_probability;
    if (a.cost != b.cost) return a.cost < b.cost;
    return a.gate < b.gate;
  });
  split_by_owner(g, cut);
  return cut;
}

}  // namespace sw::graph
