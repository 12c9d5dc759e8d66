// SPDX-License-Identifier: Apache-2.0
// DOT text of the relevant subgraph, and SVG rendering with libgvc (see export_dot.h).
#include "graph/export_dot.h"

#include <memory>
#include <mutex>

#include <fmt/format.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

namespace sw::graph {
namespace {

std::string number(double v) { return fmt::format("{:g}", v); }

std::string gate_label(const Node& n) {
  std::string label = n.name;
  label += "\n";
  label += gate_kind_name(n.gate_kind);
  if (!n.owner.empty()) label += " · " + n.owner;
  label += "\ncost " + (n.cost ? number(*n.cost) : std::string("∞")) + " · p " + number(n.p);
  return label;
}

// Messages Graphviz reports while render_svg runs (guarded by the render mutex).
std::string* g_gv_errors = nullptr;

int collect_gv_error(char* msg) {
  if (g_gv_errors != nullptr && msg != nullptr) {
    std::string_view m(msg);
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.remove_suffix(1);
    if (!g_gv_errors->empty()) *g_gv_errors += "; ";
    *g_gv_errors += m;
  }
  return 0;
}

struct RenderDataFree {
  void operator()(char* d) const { gvFreeRenderData(d); }
};

}  // namespace

std::string dot_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string to_dot(const AttackGraph& g, const std::vector<Path>& paths, const Cut& cut,
                   const DotOptions& options) {
  const std::size_t n = g.nodes.size();
  std::vector<bool> keep(n, false), in_cut(n, false);
  // Edges (from, to) on the best path and on the unfixable path.
  auto mark_path = [&](const Path& p) {
    for (NodeId id : p.nodes) {
      if (id < n) keep[id] = true;
    }
  };
  for (const Path& p : paths) mark_path(p);
  if (cut.unfixable_path) mark_path(*cut.unfixable_path);
  for (const CutItem& item : cut.items) {
    if (item.gate < n) {
      keep[item.gate] = true;
      in_cut[item.gate] = true;
    }
  }
  // A cut gate is shown with the states it joins.
  for (const Edge& e : g.edges) {
    if (e.from >= n || e.to >= n) continue;
    if (in_cut[e.to] || in_cut[e.from]) keep[e.from] = keep[e.to] = true;
  }
  auto on_path = [](const Path* p, NodeId a, NodeId b) {
    if (p == nullptr) return false;
    for (std::size_t i = 0; i + 1 < p->nodes.size(); ++i) {
      if (p->nodes[i] == a && p->nodes[i + 1] == b) return true;
    }
    return false;
  };
  const Path* best = paths.empty() ? nullptr : &paths.front();
  const Path* unfixable = cut.unfixable_path ? &*cut.unfixable_path : nullptr;

  std::string out = "digraph attack {\n";
  out += "  rankdir=LR;\n";
  out += "  node [fontname=\"Helvetica\", fontsize=10];\n";
  out += "  edge [color=\"#555555\"];\n";
  if (!options.title.empty()) {
    out += fmt::format("  label=\"{}\";\n  labelloc=t;\n", dot_escape(options.title));
  }
  for (NodeId id = 0; id < n; ++id) {
    if (!keep[id]) continue;
    const Node& node = g.nodes[id];
    std::string attrs;
    switch (node.kind) {
      case NodeKind::kAttacker:
        attrs = fmt::format("shape=diamond, label=\"{}\"", dot_escape(node.name));
        break;
      case NodeKind::kTarget:
        attrs = fmt::format("shape=doubleoctagon, label=\"{}\"", dot_escape(node.name));
        break;
      case NodeKind::kState:
        attrs = fmt::format("shape=ellipse, label=\"{}\"", dot_escape(node.name));
        break;
      case NodeKind::kGate:
        attrs = fmt::format("shape=box, label=\"{}\"", dot_escape(gate_label(node)));
        if (in_cut[id]) attrs += ", color=red, fontcolor=red, penwidth=2";
        break;
    }
    out += fmt::format("  n{} [{}];\n", id, attrs);
  }
  for (const Edge& e : g.edges) {
    if (e.from >= n || e.to >= n || !keep[e.from] || !keep[e.to]) continue;
    std::string attrs;
    if (on_path(best, e.from, e.to)) {
      attrs = "penwidth=3, color=black";
    } else if (on_path(unfixable, e.from, e.to)) {
      attrs = "penwidth=2, color=darkorange";
    }
    if (attrs.empty()) {
      out += fmt::format("  n{} -> n{};\n", e.from, e.to);
    } else {
      out += fmt::format("  n{} -> n{} [{}];\n", e.from, e.to, attrs);
    }
  }
  out += "}\n";
  return out;
}

Result<std::string> render_svg(std::string_view dot_text) {
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  std::string errors;
  g_gv_errors = &errors;
  agusererrf previous = agseterrf(&collect_gv_error);
  agreseterrors();
  struct Restore {
    agusererrf previous;
    ~Restore() {
      agseterrf(previous);
      g_gv_errors = nullptr;
    }
  } restore{previous};

  const std::string text(dot_text);  // agmemread wants a NUL-terminated string
  // One context for the whole process, never freed: Graphviz 2.43's pango text layout keeps a
  // font-name cache across contexts, and a second context after gvFreeContext reads freed
  // memory (AddressSanitizer: heap-use-after-free in textspan_size). One context is also what
  // Graphviz's own tools use.
  static GVC_t* const context = gvContext();
  if (context == nullptr) return fail(Errc::kInternal, "graphviz: cannot create a context");
  GVC_t* const gvc = context;
  Agraph_t* graph = agmemread(text.c_str());
  if (graph == nullptr) {
    return fail(Errc::kParse, fmt::format("graphviz: cannot read the DOT text{}",
                                          errors.empty() ? "" : ": " + errors));
  }
  if (gvLayout(gvc, graph, "dot") != 0) {
    agclose(graph);
    return fail(Errc::kInternal,
                fmt::format("graphviz: layout failed{}", errors.empty() ? "" : ": " + errors));
  }
  char* data = nullptr;
  unsigned int length = 0;
  const int rc = gvRenderData(gvc, graph, "svg", &data, &length);
  std::unique_ptr<char, RenderDataFree> owned(data);
  gvFreeLayout(gvc, graph);
  agclose(graph);
  if (rc != 0 || data == nullptr) {
    return fail(Errc::kInternal, fmt::format("graphviz: SVG rendering failed{}",
                                             errors.empty() ? "" : ": " + errors));
  }
  return std::string(data, length);
}

}  // namespace sw::graph

// Under LeakSanitizer (the sanitizer builds), fontconfig's process-lifetime caches, made when
// Graphviz's pango plugin first measures text, are reported as leaks at exit. They are not ours
// and are bounded (one set per process: the context above is never freed). This weak hook is
// LSan's documented way to suppress them; without the sanitizer nothing calls it. Graphviz 2.43's
// dot layout also loses the virtual edges it makes to break a cycle (acyclic() in
// libgvplugin_dot_layout): a few hundred bytes per layout of a graph with a cycle, not ours. With
// the sanitizers' default fast unwinding the leak's stack stops in libgvc's gmalloc, so the
// suppression has to name libgvc; render_svg frees everything it gets from Graphviz (agclose,
// gvFreeLayout, gvFreeRenderData).
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\nleak:libgvc.so\n";
}
