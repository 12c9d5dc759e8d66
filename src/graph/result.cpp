// SPDX-License-Identifier: Apache-2.0
// analyze(): every analysis of one run put together, and its JSON (schema
// shieldwall.graph.result/v1 of ../shared/specs/graph.md, 2.5; the JSON Schema is
// docs/graph-result.schema.json) and DOT outputs. See result.h.
#include "graph/result.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <memory>
#include <set>
#include <utility>

#include <fmt/format.h>
#include <openssl/evp.h>

#include "graph/export_dot.h"
#include "graph/model_rules.h"

namespace sw::graph {
namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  return static_cast<double>(static_cast<long long>(ms * 1000.0 + 0.5)) / 1000.0;
}

SelectionSize selection_size(const AttackGraph& g, const Mask& m) {
  const std::size_t n = g.nodes.size();
  std::vector<bool> out(n, false);
  for (NodeId id = 0; id < n; ++id) {
    if (id < m.node_off.size() && m.node_off[id]) {
      out[id] = true;
      continue;
    }
    if (g.nodes[id].kind != NodeKind::kGate) continue;
    bool any_in = false;
    bool only_disabled_entries = true;
    for (std::uint32_t ei : g.in(id)) {
      any_in = true;
      const Edge& e = g.edges[ei];
      if (!(e.from == g.attacker && e.entry != kNoTag && !m.edge_usable(g, e))) {
        only_disabled_entries = false;
      }
    }
    out[id] = any_in && only_disabled_entries;
  }
  SelectionSize s;
  for (NodeId id = 0; id < n; ++id) {
    if (out[id]) continue;
    ++s.nodes;
    if (g.nodes[id].kind == NodeKind::kGate) ++s.gates;
  }
  for (const Edge& e : g.edges) {
    if (e.from < n && e.to < n && !out[e.from] && !out[e.to] && m.edge_usable(g, e)) ++s.edges;
  }
  return s;
}

// ---- JSON ----

ojson cost_json(const Node& n) { return n.cost ? ojson(*n.cost) : ojson(nullptr); }

ojson path_json(const AttackGraph& g, const Path& p) {
  ojson steps = ojson::array();
  for (NodeId id : p.nodes) {
    if (id >= g.nodes.size()) continue;
    const Node& n = g.nodes[id];
    if (n.kind == NodeKind::kAttacker || n.kind == NodeKind::kTarget) continue;
    if (n.kind == NodeKind::kGate) {
      ojson step = {{"gate", n.name},
                    {"kind", gate_kind_name(n.gate_kind)},
                    {"p", n.p},
                    {"owner", n.owner},
                    {"cost", cost_json(n)}};
      if (!n.title.empty()) step["title"] = n.title;
      steps.push_back(std::move(step));
    } else {
      steps.push_back(ojson{{"state", n.name}});
    }
  }
  return ojson{{"probability", p.probability}, {"hops", p.hops}, {"steps", std::move(steps)}};
}

ojson opt_path_json(const AttackGraph& g, const std::optional<Path>& p) {
  return p ? path_json(g, *p) : ojson(nullptr);
}

ojson cut_json(const AttackGraph& g, const Cut& c) {
  ojson items = ojson::array();
  for (const CutItem& item : c.items) {
    const Node& n = g.nodes[item.gate];
    ojson one = {
        {"id", n.name},      {"kind", gate_kind_name(n.gate_kind)},       {"owner", n.owner},
        {"cost", item.cost}, {"path_probability", item.path_probability}, {"fix", n.fix}};
    if (!n.title.empty()) one["title"] = n.title;
    if (n.cost_defaulted) one["cost_default"] = true;
    items.push_back(std::move(one));
  }
  ojson owners = ojson::array();
  for (const OwnerShare& s : c.by_owner) {
    ojson ids = ojson::array();
    for (NodeId id : s.items) ids.push_back(g.nodes[id].name);
    owners.push_back(
        ojson{{"owner", s.owner}, {"cost", s.cost}, {"share", s.share}, {"items", std::move(ids)}});
  }
  return ojson{
      {"value", c.unbounded ? ojson(nullptr) : ojson(c.value)},
      {"reachable", c.reachable},
      {"unbounded", c.unbounded},
      {"items", std::move(items)},
      {"by_owner", std::move(owners)},
      {"unfixable_path", c.unfixable_path ? path_json(g, *c.unfixable_path) : ojson(nullptr)}};
}

// Gates shown anywhere in the result whose p or cost came from the defaults table.
ojson defaults_json(const AttackGraph& g, const AnalyzeResult& r) {
  std::set<NodeId> shown;
  auto add_path = [&](const std::optional<Path>& p) {
    if (p) shown.insert(p->nodes.begin(), p->nodes.end());
  };
  auto add_cut = [&](const Cut& c) {
    for (const CutItem& i : c.items) shown.insert(i.gate);
    add_path(c.unfixable_path);
  };
  add_path(r.best);
  for (const Path& p : r.top) shown.insert(p.nodes.begin(), p.nodes.end());
  add_cut(r.cut);
  for (const TargetResult& t : r.targets) {
    add_path(t.best);
    if (t.cut) add_cut(*t.cut);
  }
  for (const EntryKindResult& e : r.by_entry_kind) {
    add_path(e.best);
    add_cut(e.cut);
  }
  ojson out = ojson::array();
  for (NodeId id : shown) {
    if (id >= g.nodes.size()) continue;
    const Node& n = g.nodes[id];
    if (n.kind != NodeKind::kGate || (!n.p_defaulted && !n.cost_defaulted)) continue;
    ojson one = {{"gate", n.name}, {"kind", gate_kind_name(n.gate_kind)}};
    if (n.p_defaulted) {
      one["p"] = n.p;
      one["p_source"] = n.p_source.empty() ? std::string("default") : n.p_source;
    }
    if (n.cost_defaulted) one["cost"] = cost_json(n);
    out.push_back(std::move(one));
  }
  return out;
}

}  // namespace

Result<AnalyzeResult> analyze(const AttackGraph& g, const AnalyzeOptions& options) {
  AnalyzeResult r;
  r.options = options;
  auto mask = resolve(g, options.selection);
  if (!mask) return Unexpected(mask.error());
  const Mask& m = *mask;
  for (std::size_t i = 0; i < g.entries.size(); ++i) {
    if (m.entry_on[i]) r.entries.push_back(g.entries[i].id);
  }
  for (NodeId id = 0; id < m.node_off.size(); ++id) {
    if (m.node_off[id]) r.removed.push_back(g.nodes[id].name);
  }
  std::sort(r.removed.begin(), r.removed.end());
  r.selected = selection_size(g, m);

  auto t0 = Clock::now();
  r.reach = reachability(g, m);
  std::vector<NodeId> target_nodes;
  for (std::size_t i = 0; i < g.targets.size(); ++i) {
    if (!m.target_on[i]) continue;
    TargetResult t;
    t.state = g.targets[i].state;
    t.node = g.targets[i].node;
    t.reachable = t.node < r.reach.reached.size() && r.reach.reached[t.node];
    target_nodes.push_back(t.node);
    r.targets.push_back(std::move(t));
  }
  std::vector<Exposure> exposed = exposures(g, m, target_nodes);
  for (std::size_t i = 0; i < r.targets.size(); ++i) r.targets[i].exposure = exposed[i];
  r.ms.bfs = ms_since(t0);

  t0 = Clock::now();
  std::vector<NodeId> path_ends{g.target};
  path_ends.insert(path_ends.end(), target_nodes.begin(), target_nodes.end());
  std::vector<std::optional<Path>> paths = best_paths(g, m, options.metric, path_ends);
  r.best = std::move(paths[0]);
  for (std::size_t i = 0; i < r.targets.size(); ++i) {
    if (r.targets[i].reachable) r.targets[i].best = std::move(paths[i + 1]);
  }
  r.ms.dijkstra = ms_since(t0);

  t0 = Clock::now();
  if (options.k > 0) r.top = top_paths(g, m, options.k, options.metric);
  r.ms.yen = ms_since(t0);

  t0 = Clock::now();
  r.cut = min_cut(g, m, kNoNode, options.algorithm);
  if (r.targets.size() > 1) {
    // Which targets get their own max-flow: all that were named, else the most exposed ones.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < r.targets.size(); ++i) {
      if (r.targets[i].reachable) order.push_back(i);
    }
    std::size_t limit = order.size();
    if (options.selection.targets.empty()) {
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Exposure& x = r.targets[a].exposure;
        const Exposure& y = r.targets[b].exposure;
        return x.identities + x.assets > y.identities + y.assets;
      });
      limit = std::min(limit, options.target_cuts);
    }
    for (std::size_t i = 0; i < order.size(); ++i) {
      TargetResult& t = r.targets[order[i]];
      if (i < limit) {
        t.cut = min_cut(g, m, t.node, options.algorithm);
      } else {
        ++r.target_cuts_skipped;
      }
    }
  }
  r.ms.maxflow = ms_since(t0);

  // Per entry kind, in the order network, phishing, identity, among the selected entries.
  for (EntryKind kind : {EntryKind::kNetwork, EntryKind::kPhishing, EntryKind::kIdentity}) {
    EntryKindResult e;
    e.kind = kind;
    for (std::size_t i = 0; i < g.entries.size(); ++i) {
      if (m.entry_on[i] && g.entries[i].kind == kind) e.entries.push_back(g.entries[i].id);
    }
    if (e.entries.empty()) continue;
    Mask km = m;
    for (std::size_t i = 0; i < g.entries.size(); ++i) {
      km.entry_on[i] = m.entry_on[i] && g.entries[i].kind == kind;
    }
    auto t1 = Clock::now();
    e.reachable_targets = reachability(g, km).reachable_targets;
    r.ms.bfs += ms_since(t1);
    t1 = Clock::now();
    e.best = best_path(g, km, options.metric);
    r.ms.dijkstra += ms_since(t1);
    t1 = Clock::now();
    e.cut = min_cut(g, km, kNoNode, options.algorithm);
    r.ms.maxflow += ms_since(t1);
    r.by_entry_kind.push_back(std::move(e));
  }
  return r;
}

namespace {

template <class T>
std::vector<const T*> by_id(const std::vector<T>& items) {
  std::vector<const T*> out;
  out.reserve(items.size());
  for (const T& t : items) out.push_back(&t);
  std::stable_sort(out.begin(), out.end(), [](const T* a, const T* b) { return a->id < b->id; });
  return out;
}

// Calls put(key, value-writer) for each top-level key of the canonical model in the order
// nlohmann::json (a std::map) keeps object keys, so the streamed bytes equal
// canonical_model_json(model).dump().
template <class Out>
void write_canonical(const Model& model, Out& out) {
  auto array = [&](const char* key, const auto& items, bool first) {
    out(first ? "{\"" : ",\"");
    out(key);
    out("\":[");
    bool first_item = true;
    for (const auto* item : by_id(items)) {
      if (!first_item) out(",");
      first_item = false;
      out(detail::item_json(*item).dump());
    }
    out("]");
  };
  array("assets", model.assets, true);
  array("entry_points", model.entry_points, false);
  array("findings", model.findings, false);
  array("flows", model.flows, false);
  array("identities", model.identities, false);
  if (!model.org.empty()) {
    out(",\"org\":");
    out(json(model.org).dump());
  }
  array("owners", model.owners, false);
  array("people", model.people, false);
  array("relations", model.relations, false);
  out(",\"schema\":");
  out(json(std::string(kModelSchema)).dump());
  std::vector<std::string> targets = model.targets;
  std::sort(targets.begin(), targets.end());
  out(",\"targets\":");
  out(json(targets).dump());
  array("zones", model.zones, false);
  out("}");
}

}  // namespace

json canonical_model_json(const Model& model) {
  json j = model_to_json(model);
  auto sorted = [&](const char* key, const auto& items) {
    json arr = json::array();
    for (const auto* item : by_id(items)) arr.push_back(detail::item_json(*item));
    j[key] = std::move(arr);
  };
  sorted("owners", model.owners);
  sorted("zones", model.zones);
  sorted("assets", model.assets);
  sorted("identities", model.identities);
  sorted("people", model.people);
  sorted("flows", model.flows);
  sorted("findings", model.findings);
  sorted("relations", model.relations);
  sorted("entry_points", model.entry_points);
  std::sort(j["targets"].begin(), j["targets"].end());
  return j;
}

std::string model_digest(const Model& model) {
  // Streamed: the canonical text of a 100k-host model is tens of megabytes.
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) return "";
  bool ok = true;
  auto out = [&](std::string_view bytes) {
    ok = ok && EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()) == 1;
  };
  write_canonical(model, out);
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  if (!ok || EVP_DigestFinal_ex(ctx.get(), md.data(), &len) != 1) return "";
  std::string hex = "sha256:";
  for (unsigned int i = 0; i < len; ++i) hex += fmt::format("{:02x}", md[i]);
  return hex;
}

ojson result_json(const AttackGraph& g, const AnalyzeResult& r, const ResultContext& c) {
  ojson targets = ojson::array();
  for (const TargetResult& t : r.targets) {
    ojson one = {
        {"state", t.state},
        {"reachable", t.reachable},
        {"exposure", {{"identities", t.exposure.identities}, {"assets", t.exposure.assets}}},
        {"most_likely_path", opt_path_json(g, t.best)}};
    if (t.cut) one["min_cut"] = cut_json(g, *t.cut);
    targets.push_back(std::move(one));
  }
  ojson top = ojson::array();
  for (const Path& p : r.top) top.push_back(path_json(g, p));
  ojson by_kind = ojson::array();
  for (const EntryKindResult& e : r.by_entry_kind) {
    by_kind.push_back(ojson{{"kind", entry_kind_name(e.kind)},
                            {"entries", e.entries},
                            {"reachable_targets", e.reachable_targets},
                            {"most_likely_path", opt_path_json(g, e.best)},
                            {"min_cut", cut_json(g, e.cut)}});
  }
  ojson unfixable = ojson::array();
  std::set<std::vector<NodeId>> seen;
  auto add_unfixable = [&](const Cut& cut) {
    if (cut.unfixable_path && seen.insert(cut.unfixable_path->nodes).second) {
      unfixable.push_back(path_json(g, *cut.unfixable_path));
    }
  };
  add_unfixable(r.cut);
  for (const TargetResult& t : r.targets) {
    if (t.cut) add_unfixable(*t.cut);
  }
  const char* metric = r.options.metric == PathMetric::kLikely ? "likely" : "fewest_hops";
  const char* algorithm = r.options.algorithm == MaxFlowAlgorithm::kPushRelabel ? "push-relabel"
                          : r.options.algorithm == MaxFlowAlgorithm::kBoykovKolmogorov ? "bk"
                                                                                       : "ek";
  const std::size_t gates = g.gate_count();
  ojson out = {{"schema", kResultSchema}};
  if (!c.org.empty()) out["org"] = c.org;
  ojson rest = {
      {"model_digest", c.model_digest},
      {"entries", r.entries},
      {"removed", r.removed},
      {"options", {{"k", r.options.k}, {"paths", metric}, {"algorithm", algorithm}}},
      {"reachable_targets", r.reach.reachable_targets},
      {"targets", std::move(targets)},
      {"most_likely_path", opt_path_json(g, r.best)},
      {"top_paths", std::move(top)},
      {"min_cut", cut_json(g, r.cut)},
      {"cuts_by_entry_kind", std::move(by_kind)},
      {"target_cuts_skipped", r.target_cuts_skipped},
      {"unfixable_paths", std::move(unfixable)},
      {"defaults_used", defaults_json(g, r)},
      {"errors", c.errors},
      {"warnings", c.warnings},
      {"stats",
       {{"nodes", g.nodes.size()},
        {"states", g.nodes.size() - gates},
        {"gates", gates},
        {"edges", g.edges.size()},
        {"selected",
         {{"nodes", r.selected.nodes}, {"gates", r.selected.gates}, {"edges", r.selected.edges}}},
        {"reached_states", r.reach.reached_states},
        {"ms",
         {{"load", r.ms.load},
          {"compile", r.ms.compile},
          {"bfs", r.ms.bfs},
          {"dijkstra", r.ms.dijkstra},
          {"yen", r.ms.yen},
          {"maxflow", r.ms.maxflow}}}}}};
  for (auto& [key, value] : rest.items()) out[key] = std::move(value);
  return out;
}

std::string result_dot(const AttackGraph& g, const AnalyzeResult& r) {
  std::vector<Path> paths = r.top;
  if (paths.empty() && r.best) paths.push_back(*r.best);
  DotOptions o;
  if (r.cut.unbounded) {
    o.title = "no fix possible within the model: orange path uses only unfixable steps";
  } else if (r.cut.reachable) {
    o.title = fmt::format("cheapest complete fix: cost {:g} (red); most likely single path bold",
                          r.cut.value);
  } else {
    o.title = "no target reachable";
  }
  return to_dot(g, paths, r.cut, o);
}

}  // namespace sw::graph
