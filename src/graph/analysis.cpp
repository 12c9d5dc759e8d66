// SPDX-License-Identifier: Apache-2.0
// Selections, reachability and exposure (../shared/specs/graph.md, 2.4.1): resolving a Selection
// into a Mask, the forward BFS from `attacker` (blast radius, reachable targets) and the reverse
// BFS from a target state (BloodHound's exposure: principals and assets with at least one path).
// Plain BFS over the graph's CSR arrays: a library would add a copy and nothing else. Exposure of
// many targets at once uses Boost's strongly connected components on the usable edges.
#include "graph/analysis.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// g++ 12 -O2 warns inside Boost 1.74's graph headers (library code, not ours).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wnull-dereference"
#endif
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/strong_components.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace sw::graph {

bool Mask::edge_usable(const AttackGraph& g, const Edge& e) const {
  (void)g;
  if (e.from < node_off.size() && node_off[e.from]) return false;
  if (e.to < node_off.size() && node_off[e.to]) return false;
  if (e.entry != kNoTag && e.entry < entry_on.size() && !entry_on[e.entry]) return false;
  if (e.target != kNoTag && e.target < target_on.size() && !target_on[e.target]) return false;
  return true;
}

namespace {

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

Result<Mask> resolve(const AttackGraph& g, const Selection& s) {
  Mask m;
  m.entry_on.assign(g.entries.size(), false);
  for (std::size_t i = 0; i < g.entries.size(); ++i) {
    const EntryRef& e = g.entries[i];
    const bool kind_ok =
        s.entry_kinds.empty() ||
        std::find(s.entry_kinds.begin(), s.entry_kinds.end(), e.kind) != s.entry_kinds.end();
    const bool id_ok = s.entry_ids.empty() || contains(s.entry_ids, e.id);
    m.entry_on[i] = kind_ok && id_ok;
  }
  m.target_on.assign(g.targets.size(), false);
  for (std::size_t i = 0; i < g.targets.size(); ++i) {
    m.target_on[i] = s.targets.empty() || contains(s.targets, g.targets[i].state);
  }
  m.node_off.assign(g.nodes.size(), false);

  // Unknown names, in the order given, each once.
  std::vector<std::string> bad_entries, bad_targets, bad_gates;
  auto note = [](std::vector<std::string>& v, const std::string& name) {
    if (!contains(v, name)) v.push_back(name);
  };
  for (const std::string& id : s.entry_ids) {
    bool known = std::any_of(g.entries.begin(), g.entries.end(),
                             [&](const EntryRef& e) { return e.id == id; });
    if (!known) note(bad_entries, id);
  }
  for (const std::string& t : s.targets) {
    bool known = std::any_of(g.targets.begin(), g.targets.end(),
                             [&](const TargetRef& r) { return r.state == t; });
    if (!known) note(bad_targets, t);
  }
  for (const std::string& id : s.removed) {
    auto it = g.gates.find(id);
    if (it == g.gates.end()) {
      note(bad_gates, id);
    } else {
      m.node_off[it->second] = true;
    }
  }
  if (!bad_entries.empty() || !bad_targets.empty() || !bad_gates.empty()) {
    std::vector<std::string> parts;
    if (!bad_entries.empty()) {
      parts.push_back(fmt::format("unknown entry point {}", fmt::join(bad_entries, ", ")));
    }
    if (!bad_targets.empty()) {
      parts.push_back(fmt::format("not a target {}", fmt::join(bad_targets, ", ")));
    }
    if (!bad_gates.empty()) {
      parts.push_back(fmt::format("unknown gate {}", fmt::join(bad_gates, ", ")));
    }
    return fail(Errc::kUsage, fmt::format("{}", fmt::join(parts, "; ")));
  }
  return m;
}

Reachability reachability(const AttackGraph& g, const Mask& m) {
  Reachability r;
  r.reached.assign(g.nodes.size(), false);
  if (g.attacker == kNoNode || g.attacker >= g.nodes.size()) return r;
  std::vector<NodeId> queue{g.attacker};
  r.reached[g.attacker] = true;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    for (std::uint32_t ei : g.out(queue[head])) {
      const Edge& e = g.edges[ei];
      if (r.reached[e.to] || !m.edge_usable(g, e)) continue;
      r.reached[e.to] = true;
      queue.push_back(e.to);
    }
  }
  for (NodeId n : queue) {
    if (g.nodes[n].kind == NodeKind::kState) ++r.reached_states;
  }
  for (std::size_t i = 0; i < g.targets.size(); ++i) {
    const TargetRef& t = g.targets[i];
    const bool selected = i >= m.target_on.size() || m.target_on[i];
    if (selected && t.node < g.nodes.size() && r.reached[t.node]) {
      r.reachable_targets.push_back(t.state);
    }
  }
  return r;
}

namespace {

// "user@web01" / "admin@web01" -> "web01"; anything else -> empty.
std::string_view asset_of(std::string_view state) {
  for (std::string_view prefix : {std::string_view("user@"), std::string_view("admin@")}) {
    if (state.substr(0, prefix.size()) == prefix) return state.substr(prefix.size());
  }
  return {};
}

}  // namespace

Exposure exposure(const AttackGraph& g, const Mask& m, NodeId target_state) {
  Exposure x;
  if (target_state >= g.nodes.size()) return x;
  std::vector<bool> seen(g.nodes.size(), false);
  std::vector<NodeId> queue{target_state};
  seen[target_state] = true;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    for (std::uint32_t ei : g.in(queue[head])) {
      const Edge& e = g.edges[ei];
      if (seen[e.from] || !m.edge_usable(g, e)) continue;
      seen[e.from] = true;
      queue.push_back(e.from);
    }
  }
  const std::string_view own_asset = asset_of(g.nodes[target_state].name);
  std::set<std::string_view> assets;
  for (NodeId n : queue) {
    if (n == target_state || g.nodes[n].kind != NodeKind::kState) continue;
    const std::string& name = g.nodes[n].name;
    if (name.starts_with("id:")) {
      ++x.identities;
    } else if (std::string_view a = asset_of(name); !a.empty() && a != own_asset) {
      assets.insert(a);
    }
  }
  x.assets = assets.size();
  return x;
}

std::vector<Exposure> exposures(const AttackGraph& g, const Mask& m,
                                const std::vector<NodeId>& target_states) {
  std::vector<Exposure> out(target_states.size());
  const std::size_t n = g.nodes.size();
  if (target_states.empty() || n == 0) return out;
  // Per node: which asset it names (user@X / admin@X), as a dense index, and whether it is an
  // identity.
  std::vector<std::uint32_t> asset_of_node(n, UINT32_MAX);
  std::vector<bool> identity(n, false);
  std::map<std::string_view, std::uint32_t> asset_ids;
  for (NodeId id = 0; id < n; ++id) {
    const Node& node = g.nodes[id];
    if (node.kind != NodeKind::kState) continue;
    if (node.name.starts_with("id:")) {
      identity[id] = true;
    } else if (std::string_view a = asset_of(node.name); !a.empty()) {
      asset_of_node[id] =
          asset_ids.try_emplace(a, static_cast<std::uint32_t>(asset_ids.size())).first->second;
    }
  }

  // The usable edges as a Boost CSR graph, and its strongly connected components (Tarjan, in
  // Boost): every node of a component reaches the same targets, and Boost numbers components so
  // that edges between them go from higher to lower numbers (reverse topological order).
  std::vector<std::pair<std::uint32_t, std::uint32_t>> usable;
  usable.reserve(g.edges.size());
  for (const Edge& e : g.edges) {
    if (e.from < n && e.to < n && m.edge_usable(g, e)) usable.emplace_back(e.from, e.to);
  }
  using Csr = boost::compressed_sparse_row_graph<boost::directedS>;
  const Csr csr(boost::edges_are_unsorted_multi_pass, usable.begin(), usable.end(), n);
  usable = {};
  std::vector<std::size_t> comp(n);
  const std::size_t comps = boost::strong_components(
      csr, boost::make_iterator_property_map(comp.begin(), boost::get(boost::vertex_index, csr)));
  std::vector<std::size_t> comp_begin(comps + 1, 0);  // nodes grouped by component
  for (std::size_t c : comp) ++comp_begin[c + 1];
  for (std::size_t c = 0; c < comps; ++c) comp_begin[c + 1] += comp_begin[c];
  std::vector<NodeId> members(n);
  {
    std::vector<std::size_t> fill(comp_begin.begin(), comp_begin.end() - 1);
    for (NodeId id = 0; id < n; ++id) members[fill[comp[id]]++] = id;
  }

  // One pass per group of 64 targets: a component's set is its own targets' bits and those of
  // the components its edges lead to, which are already final.
  std::vector<std::uint64_t> comp_bits(comps);
  std::vector<std::uint64_t> asset_bits(asset_ids.size());
  for (std::size_t base = 0; base < target_states.size(); base += 64) {
    const std::size_t count = std::min<std::size_t>(64, target_states.size() - base);
    std::fill(comp_bits.begin(), comp_bits.end(), 0);
    std::fill(asset_bits.begin(), asset_bits.end(), 0);
    for (std::size_t k = 0; k < count; ++k) {
      const NodeId t = target_states[base + k];
      if (t < n) comp_bits[comp[t]] |= std::uint64_t{1} << k;
    }
    for (std::size_t c = 0; c < comps; ++c) {
      std::uint64_t bits = comp_bits[c];
      for (std::size_t i = comp_begin[c]; i < comp_begin[c + 1]; ++i) {
        for (auto [it, end] = boost::out_edges(Csr::vertex_descriptor{members[i]}, csr); it != end;
             ++it) {
          const std::size_t next = comp[boost::target(*it, csr)];
          if (next != c) bits |= comp_bits[next];
        }
      }
      comp_bits[c] = bits;
    }
    for (NodeId id = 0; id < n; ++id) {
      const std::uint64_t bits = comp_bits[comp[id]];
      if (bits == 0) continue;
      if (identity[id]) {
        for (std::size_t k = 0; k < count; ++k) {
          if ((bits >> k & 1U) != 0 && target_states[base + k] != id) ++out[base + k].identities;
        }
      } else if (asset_of_node[id] != UINT32_MAX) {
        asset_bits[asset_of_node[id]] |= bits;
      }
    }
    for (std::size_t k = 0; k < count; ++k) {
      const NodeId t = target_states[base + k];
      if (t >= n) continue;
      const std::uint32_t own = asset_of_node[t];
      for (std::size_t a = 0; a < asset_bits.size(); ++a) {
        if ((asset_bits[a] >> k & 1U) != 0 && a != own) ++out[base + k].assets;
      }
    }
  }
  return out;
}

}  // namespace sw::graph
