// SPDX-License-Identifier: Apache-2.0
// The HTML output of `shieldwall graph analyze -f html` (../shared/specs/graph.md, 2.5 "HTML: a
// single file: an embedded SVG plus a table of paths, cut and per-owner view, with no JS"). Every
// text from the model is HTML-escaped; the SVG is Graphviz's (its labels are escaped by Graphviz)
// with the XML prolog and DOCTYPE removed so that it can sit inline. Hand-written: a few tables.
#include <fmt/format.h>

#include "core/html_escape.h"
#include "graph/result.h"

namespace sw::graph {
namespace {

std::string num(double v) { return fmt::format("{:g}", v); }

std::string e(std::string_view s) { return html_escape(s); }

std::string percent(double share) {
  const double pct = static_cast<double>(static_cast<long long>(share * 1000.0 + 0.5)) / 10.0;
  return fmt::format("{:g}%", pct);
}

// The <svg ...>...</svg> element of Graphviz's output.
std::string_view svg_element(std::string_view svg) {
  const std::size_t start = svg.find("<svg");
  if (start == std::string_view::npos) return {};
  return svg.substr(start);
}

std::string path_cells(const AttackGraph& g, const Path& p) {
  std::string steps;
  for (NodeId id : p.nodes) {
    if (id >= g.nodes.size()) continue;
    const Node& n = g.nodes[id];
    if (n.kind == NodeKind::kAttacker || n.kind == NodeKind::kTarget) continue;
    if (!steps.empty()) steps += " &rarr; ";
    if (n.kind == NodeKind::kGate) {
      steps += fmt::format("<b>{}</b> <small>({}, p {})</small>", e(n.name),
                           e(gate_kind_name(n.gate_kind)), num(n.p));
    } else {
      steps += fmt::format("<code>{}</code>", e(n.name));
    }
  }
  return fmt::format("<td>{}</td><td>{}</td><td>{}</td>", num(p.probability), p.hops, steps);
}

void cut_tables(const AttackGraph& g, const Cut& c, std::string& out) {
  if (!c.reachable) {
    out += "<p>No target can be reached from the selected entry points: nothing to cut.</p>\n";
    return;
  }
  if (c.unbounded) {
    out +=
        "<p class=\"bad\"><b>No fix possible within the model.</b> This path uses only steps "
        "the model marks as not fixable (fix_cost null):</p>\n";
    if (c.unfixable_path) {
      out += "<table><tr><th>p</th><th>steps</th><th>path</th></tr>\n<tr>" +
             path_cells(g, *c.unfixable_path) + "</tr></table>\n";
    }
    return;
  }
  out += fmt::format(
      "<p>Fixing these {} items (total cost <b>{}</b>) cuts every path from the entry points to "
      "the targets; no cheaper set of fixes does.</p>\n",
      c.items.size(), num(c.value));
  out +=
      "<h3>Per owner</h3>\n<table class=\"owners\"><tr><th>owner</th><th>fixes</th>"
      "<th>cost</th><th>share of the cheapest complete fix</th><th>items</th></tr>\n";
  for (const OwnerShare& s : c.by_owner) {
    std::string items;
    for (NodeId id : s.items) items += (items.empty() ? "" : ", ") + e(g.nodes[id].name);
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                       e(s.owner.empty() ? "(no owner)" : s.owner), s.items.size(), num(s.cost),
                       percent(s.share), items);
  }
  out +=
      "</table>\n<h3>Fixes, in this order</h3>\n<p>The first fix breaks the most likely attack "
      "path; p is the most likely way through each item before anything is fixed.</p>\n"
      "<table class=\"cut\"><tr><th>#</th><th>item</th><th>kind</th><th>owner</th><th>cost</th>"
      "<th>p</th><th>what</th><th>fix</th></tr>\n";
  std::size_t rank = 0;
  for (const CutItem& item : c.items) {
    const Node& n = g.nodes[item.gate];
    out += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td></tr>\n",
        ++rank, e(n.name), e(gate_kind_name(n.gate_kind)), e(n.owner), num(item.cost),
        n.cost_defaulted ? " (default)" : "", num(item.path_probability), e(n.title), e(n.fix));
  }
  out += "</table>\n";
}

}  // namespace

std::string result_html(const AttackGraph& g, const AnalyzeResult& r, const ResultContext& c,
                        std::string_view svg) {
  std::string out;
  const std::string title = c.org.empty() ? "shieldwall graph" : "shieldwall graph: " + c.org;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += fmt::format("<title>{}</title>\n", e(title));
  out +=
      "<style>\n"
      "body{font-family:sans-serif;margin:2em;max-width:80em;color:#222}\n"
      "table{border-collapse:collapse;margin:.5em 0 1.5em}\n"
      "th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}\n"
      "th{background:#f2f2f2}\n.bad{color:#b00}\nsmall{color:#666}\n"
      ".graph{overflow:auto;border:1px solid #ddd;padding:.5em}\n"
      "</style>\n</head>\n<body>\n";
  out += fmt::format("<h1>{}</h1>\n", e(title));
  std::string entries;
  for (const auto& id : r.entries) entries += (entries.empty() ? "" : ", ") + e(id);
  out += fmt::format("<p>Entry points: {}. Targets reachable: {} of {}.</p>\n",
                     entries.empty() ? "none selected" : entries, r.reach.reachable_targets.size(),
                     r.targets.size());
  if (!r.removed.empty()) {
    std::string removed;
    for (const auto& id : r.removed) removed += (removed.empty() ? "" : ", ") + e(id);
    out += fmt::format("<p>What-if: as if these were fixed: {}.</p>\n", removed);
  }

  out += "<h2>The weakest links</h2>\n";
  cut_tables(g, r.cut, out);

  out += "<h2>Most likely paths</h2>\n";
  if (r.top.empty() && !r.best) {
    out += "<p>No path reaches a target.</p>\n";
  } else {
    out +=
        "<p>The probability of a path is the product of its steps' p: the chance that this one "
        "path works (most likely single path). It is not the chance that a target is "
        "compromised; every other path adds to that risk.</p>\n";
    out +=
        "<table class=\"paths\"><tr><th>#</th><th>probability</th><th>steps</th>"
        "<th>path</th></tr>\n";
    const std::vector<Path>& paths = r.top;
    for (std::size_t i = 0; i < paths.size(); ++i) {
      out += fmt::format("<tr><td>{}</td>{}</tr>\n", i + 1, path_cells(g, paths[i]));
    }
    if (paths.empty() && r.best) out += "<tr><td>1</td>" + path_cells(g, *r.best) + "</tr>\n";
    out += "</table>\n";
  }

  if (r.by_entry_kind.size() > 1) {
    out +=
        "<h2>By kind of entry point</h2>\n<table class=\"entries\"><tr><th>entry kind</th>"
        "<th>entry points</th><th>cheapest complete fix</th><th>items</th>"
        "<th>most likely single path</th></tr>\n";
    for (const EntryKindResult& k : r.by_entry_kind) {
      std::string ids, items;
      for (const auto& id : k.entries) ids += (ids.empty() ? "" : ", ") + e(id);
      for (const CutItem& item : k.cut.items) {
        items += (items.empty() ? "" : ", ") + e(g.nodes[item.gate].name);
      }
      const std::string value = !k.cut.reachable  ? "nothing reachable"
                                : k.cut.unbounded ? "no fix possible"
                                                  : num(k.cut.value);
      out += fmt::format("<tr><td>{} only</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                         e(entry_kind_name(k.kind)), ids, value, items,
                         k.best ? num(k.best->probability) : std::string("-"));
    }
    out += "</table>\n";
  }

  if (!r.targets.empty()) {
    out +=
        "<h2>Targets</h2>\n<table class=\"targets\"><tr><th>target</th><th>reachable</th>"
        "<th>identities with a path</th><th>assets with a path</th>"
        "<th>most likely single path</th></tr>\n";
    for (const TargetResult& t : r.targets) {
      out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                         e(t.state), t.reachable ? "yes" : "no", t.exposure.identities,
                         t.exposure.assets, t.best ? num(t.best->probability) : std::string("-"));
    }
    out += "</table>\n";
  }

  const std::string_view element = svg_element(svg);
  if (!element.empty()) {
    out +=
        "<h2>Graph</h2>\n<p>The most likely paths (the best in bold) and the cheapest complete "
        "fix (red).</p>\n<div class=\"graph\">\n";
    out += element;
    out += "\n</div>\n";
  }
  if (!c.errors.empty() || !c.warnings.empty()) {
    out += "<h2>Problems in the model</h2>\n<ul>\n";
    for (const auto& m : c.errors) out += fmt::format("<li class=\"bad\">{}</li>\n", e(m));
    for (const auto& m : c.warnings) out += fmt::format("<li>{}</li>\n", e(m));
    out += "</ul>\n";
  }
  out += fmt::format(
      "<p><small>Costs and p values the model does not give are product defaults (see the "
      "shieldwall graph documentation). Model digest {}.</small></p>\n",
      e(c.model_digest));
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace sw::graph
