// SPDX-License-Identifier: Apache-2.0
// The text output of `shieldwall graph analyze` (../shared/specs/graph.md, 2.5; issue 5 "Outputs":
// "text: the weakest links first, per owner"): the cheapest complete fix split per owner with the
// fix text of every item, then the most likely single path in words, the other likely paths, the
// cuts per entry kind and per target, and which p/cost values were product defaults. Written for
// a person who is not a security expert: plain words, no P(compromise). Hand-written wording.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "graph/result.h"

namespace sw::graph {
namespace {

std::string num(double v) { return fmt::format("{:g}", v); }

std::string percent(double share) {
  const double pct = static_cast<double>(static_cast<long long>(share * 1000.0 + 0.5)) / 10.0;
  return fmt::format("{:g}%", pct);
}

std::string_view kind_words(GateKind k) {
  switch (k) {
    case GateKind::kFlow:
      return "firewall rule";
    case GateKind::kVuln:
      return "vulnerability";
    case GateKind::kSecret:
      return "leaked secret";
    case GateKind::kSession:
      return "stored credentials";
    case GateKind::kMemberOf:
      return "group membership";
    case GateKind::kAdminTo:
      return "admin right";
    case GateKind::kCanLogin:
      return "login right";
    case GateKind::kControls:
      return "control over an account";
    case GateKind::kSso:
      return "SSO trust";
    case GateKind::kExecOn:
      return "trust between hosts";
    case GateKind::kPhish:
      return "person who can be phished";
  }
  return "step";
}

std::string_view p_source_words(std::string_view s) {
  if (s == "kev") return "actively exploited: in CISA KEV";
  if (s == "epss") return "from its EPSS score";
  if (s == "cvss3") return "from its CVSS v3 exploitability";
  if (s == "cvss2") return "from its CVSS v2 access complexity";
  return "the default for its kind";
}

std::string owner_name(const std::string& owner) { return owner.empty() ? "(no owner)" : owner; }

std::string cost_words(const Node& n) {
  return n.cost ? fmt::format("cost {}", num(*n.cost)) : std::string("cannot be fixed");
}

// "f-web-secret (team-web)", ...
std::string cut_items_short(const AttackGraph& g, const Cut& c) {
  std::string out;
  for (const CutItem& item : c.items) {
    if (!out.empty()) out += ", ";
    const Node& n = g.nodes[item.gate];
    out += fmt::format("{} ({})", n.name, owner_name(n.owner));
  }
  return out;
}

std::string cut_summary(const AttackGraph& g, const Cut& c) {
  if (!c.reachable) return "no target reachable, nothing to fix";
  if (c.unbounded) return "no fix possible within the model (a path uses only unfixable steps)";
  return fmt::format("cheapest complete fix costs {}: {}", num(c.value), cut_items_short(g, c));
}

void path_in_words(const AttackGraph& g, const Path& p, std::string& out) {
  int step = 0;
  bool first = true;
  for (std::size_t i = 0; i < p.nodes.size(); ++i) {
    const NodeId id = p.nodes[i];
    if (id >= g.nodes.size()) continue;
    const Node& n = g.nodes[id];
    if (n.kind == NodeKind::kAttacker) continue;
    if (n.kind == NodeKind::kTarget) {
      out += "     -> a target is reached\n";
      continue;
    }
    if (n.kind == NodeKind::kState) {
      if (first) {
        std::string entry;
        for (std::uint32_t ei : g.in(id)) {
          const Edge& e = g.edges[ei];
          if (e.from == g.attacker && e.entry < g.entries.size()) {
            entry = fmt::format(" (entry point {})", g.entries[e.entry].id);
            break;
          }
        }
        out += fmt::format("  The attacker starts: {}{}\n", describe_state(n.name), entry);
      } else {
        out += fmt::format("     now the attacker {}\n", describe_state(n.name));
      }
      first = false;
      continue;
    }
    if (first) out += "  The attacker starts outside, with no foothold.\n";
    first = false;
    ++step;
    out += fmt::format("  {}. {} ({}, owner {}, succeeds with p {}): {}\n", step, n.name,
                       kind_words(n.gate_kind), owner_name(n.owner), num(n.p),
                       n.title.empty() ? n.fix : n.title);
  }
}

std::string gate_list(const AttackGraph& g, const Path& p) {
  std::string out;
  for (NodeId id : p.nodes) {
    if (id >= g.nodes.size() || g.nodes[id].kind != NodeKind::kGate) continue;
    if (!out.empty()) out += ", ";
    out += g.nodes[id].name;
  }
  return out;
}

void weakest_links(const AttackGraph& g, const Cut& c, std::string& out) {
  out += "THE WEAKEST LINKS\n";
  if (!c.reachable) {
    out += "  No target can be reached from the selected entry points: there is nothing to cut.\n";
    return;
  }
  if (c.unbounded) {
    out +=
        "  No fix possible within the model: a path reaches a target using only steps the model\n";
    out += "  marks as not fixable (fix_cost null). This path:\n";
    if (c.unfixable_path) path_in_words(g, *c.unfixable_path, out);
    out += "  To cut it, make one of its steps fixable in the model (give it a fix_cost), or\n";
    out += "  change what the model says (a firewall rule, a right) and run the analysis again.\n";
    return;
  }
  if (c.items.size() == 1) {
    out += fmt::format(
        "  Fixing this one item (cost {}) cuts every path from the entry points to the targets;\n"
        "  no cheaper fix does.\n",
        num(c.value));
  } else {
    out += fmt::format(
        "  Fixing these {} items (total cost {}) cuts every path from the entry points to the\n"
        "  targets; no cheaper set of fixes does.\n",
        c.items.size(), num(c.value));
  }
  // Fix order: the item on the most likely attack path first.
  std::map<NodeId, std::size_t> rank;
  if (c.items.size() > 1) {
    out += "\n  In this order (the most likely attack path through each item first):\n";
  }
  for (const CutItem& item : c.items) {
    rank[item.gate] = rank.size() + 1;
    if (c.items.size() == 1) break;
    const Node& n = g.nodes[item.gate];
    out += fmt::format("  {:>3}. {} ({}), cost {}: on attack paths that work with p up to {}\n",
                       rank.size(), n.name, owner_name(n.owner), num(item.cost),
                       num(item.path_probability));
  }
  for (const OwnerShare& s : c.by_owner) {
    out += fmt::format("\n  {}: {} {}, cost {}, {} of the cheapest complete fix\n",
                       owner_name(s.owner), s.items.size(), s.items.size() == 1 ? "fix" : "fixes",
                       num(s.cost), percent(s.share));
    for (NodeId id : s.items) {
      const Node& n = g.nodes[id];
      out += fmt::format("    {}. {} ({}), {}{}\n", rank[id], n.name, kind_words(n.gate_kind),
                         cost_words(n), n.cost_defaulted ? " (default)" : "");
      if (!n.title.empty()) out += fmt::format("      what: {}\n", n.title);
      if (!n.fix.empty()) out += fmt::format("      fix:  {}\n", n.fix);
    }
  }
}

}  // namespace

std::string describe_state(std::string_view state) {
  auto after = [&](std::size_t n) { return std::string(state.substr(n)); };
  if (state == "attacker") return "is outside, with no foothold";
  if (state.rfind("user@", 0) == 0) return "runs code as a normal user on " + after(5);
  if (state.rfind("admin@", 0) == 0) return "has admin rights on " + after(6);
  if (state.rfind("id:", 0) == 0) return "can act as the account or group " + after(3);
  if (state.rfind("net:", 0) == 0) return "can send network traffic from zone " + after(4);
  if (state.rfind("reach:", 0) == 0) {
    std::string rest = after(6);
    const std::size_t colon = rest.find(':');
    if (colon != std::string::npos) {
      return fmt::format("can reach {} on hosts in zone {}", rest.substr(colon + 1),
                         rest.substr(0, colon));
    }
  }
  return "holds " + std::string(state);
}

std::string result_text(const AttackGraph& g, const AnalyzeResult& r, const ResultContext& c) {
  std::string out;
  out += fmt::format("shieldwall graph{}\n", c.org.empty() ? "" : ": " + c.org);
  std::string entries;
  for (std::size_t i = 0; i < g.entries.size(); ++i) {
    if (std::find(r.entries.begin(), r.entries.end(), g.entries[i].id) == r.entries.end()) {
      continue;
    }
    if (!entries.empty()) entries += ", ";
    entries += fmt::format("{} ({})", g.entries[i].id, entry_kind_name(g.entries[i].kind));
  }
  out += fmt::format("Entry points: {}\n", entries.empty() ? "none selected" : entries);
  if (!r.removed.empty()) {
    std::string removed;
    for (const auto& id : r.removed) removed += (removed.empty() ? "" : ", ") + id;
    out += fmt::format("What-if: as if these were fixed: {}\n", removed);
  }
  if (r.targets.empty()) {
    out += "Targets: none (mark crown jewels with crown_jewel: true, or list `targets`).\n";
  } else {
    std::string reachable;
    for (const auto& t : r.reach.reachable_targets)
      reachable += (reachable.empty() ? "" : ", ") + t;
    out += fmt::format("Targets reachable: {} of {}{}\n", r.reach.reachable_targets.size(),
                       r.targets.size(), reachable.empty() ? "" : " (" + reachable + ")");
  }
  out += "\n";

  weakest_links(g, r.cut, out);

  if (r.best) {
    const bool likely = r.options.metric == PathMetric::kLikely;
    out +=
        fmt::format("\n{} (probability {}, {} {})\n",
                    likely ? "MOST LIKELY SINGLE PATH" : "SHORTEST PATH (fewest steps)",
                    num(r.best->probability), r.best->hops, r.best->hops == 1 ? "step" : "steps");
    path_in_words(g, *r.best, out);
    out += fmt::format(
        "  {} is the product of the steps' p: the chance that this one path works. It is not\n"
        "  the chance that a target is compromised: every other path adds to that risk.\n",
        num(r.best->probability));
  }
  if (r.top.size() > 1) {
    out += "\nOTHER PATHS (next most likely first)\n";
    for (std::size_t i = 1; i < r.top.size(); ++i) {
      out += fmt::format("  {}. probability {}, {} steps: {}\n", i + 1, num(r.top[i].probability),
                         r.top[i].hops, gate_list(g, r.top[i]));
    }
  }
  if (r.by_entry_kind.size() > 1) {
    out += "\nBY KIND OF ENTRY POINT (each kind on its own)\n";
    for (const EntryKindResult& e : r.by_entry_kind) {
      std::string ids;
      for (const auto& id : e.entries) ids += (ids.empty() ? "" : ", ") + id;
      out += fmt::format("  {} only ({}): {}", entry_kind_name(e.kind), ids, cut_summary(g, e.cut));
      if (e.best) out += fmt::format("; most likely single path {}", num(e.best->probability));
      out += "\n";
    }
  }
  if (!r.targets.empty()) {
    out += "\nTARGETS\n";
    for (const TargetResult& t : r.targets) {
      if (!t.reachable) {
        out += fmt::format("  {}: not reachable\n", t.state);
        continue;
      }
      out += fmt::format(
          "  {}: reachable; {} {} and {} {} have a path to it; most likely single path {}\n",
          t.state, t.exposure.identities, t.exposure.identities == 1 ? "identity" : "identities",
          t.exposure.assets, t.exposure.assets == 1 ? "asset" : "assets",
          t.best ? num(t.best->probability) : std::string("-"));
      if (t.cut) out += fmt::format("    for this target alone: {}\n", cut_summary(g, *t.cut));
    }
    if (r.target_cuts_skipped > 0) {
      out += fmt::format(
          "  ({} more reachable {} without their own cheapest fix, one max-flow each: ask with "
          "--target STATE or --target-cuts N)\n",
          r.target_cuts_skipped, r.target_cuts_skipped == 1 ? "target" : "targets");
    }
  }

  // Defaults used by what is shown above.
  std::set<NodeId> shown;
  if (r.best) shown.insert(r.best->nodes.begin(), r.best->nodes.end());
  for (const Path& p : r.top) shown.insert(p.nodes.begin(), p.nodes.end());
  for (const CutItem& i : r.cut.items) shown.insert(i.gate);
  if (r.cut.unfixable_path) {
    shown.insert(r.cut.unfixable_path->nodes.begin(), r.cut.unfixable_path->nodes.end());
  }
  std::string defaults;
  for (NodeId id : shown) {
    if (id >= g.nodes.size()) continue;
    const Node& n = g.nodes[id];
    if (n.kind != NodeKind::kGate || (!n.p_defaulted && !n.cost_defaulted)) continue;
    std::string what;
    if (n.p_defaulted) what = fmt::format("p {} ({})", num(n.p), p_source_words(n.p_source));
    if (n.cost_defaulted) {
      what += fmt::format("{}cost {} (the default for its kind)", what.empty() ? "" : ", ",
                          n.cost ? num(*n.cost) : std::string("-"));
    }
    defaults += fmt::format("  {}: {}\n", n.name, what);
  }
  if (!defaults.empty()) {
    out += "\nPRODUCT DEFAULTS USED\n";
    out +=
        "  The model gives no value for these; shieldwall used its product defaults (a product\n";
    out += "  decision, not a measurement; see docs/graph.md). Give p / fix_cost in the model to\n";
    out += "  replace them.\n";
    out += defaults;
  }
  if (!c.errors.empty() || !c.warnings.empty()) {
    out += fmt::format("\nThe model has {} {} and {} {} (printed on stderr).\n", c.errors.size(),
                       c.errors.size() == 1 ? "error" : "errors", c.warnings.size(),
                       c.warnings.size() == 1 ? "warning" : "warnings");
  }
  return out;
}

}  // namespace sw::graph
