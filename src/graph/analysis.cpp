// SPDX-License-Identifier: Apache-2.0
// Selections, reachability and exposure (../shared/specs/graph.md, 2.4.1): resolving a Selection
// into a Mask, the forward BFS from `attacker` (blast radius, reachable targets) and the reverse
// BFS from a target state (BloodHound's exposure: principals and assets with at least one path).
// Plain BFS over the graph's CSR arrays: a library would add a copy and nothing else.
#include "graph/analysis.h"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

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

}  // namespace sw::graph
