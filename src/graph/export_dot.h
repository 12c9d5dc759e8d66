// SPDX-License-Identifier: Apache-2.0
// Graphviz output of an analysis (../shared/specs/graph.md, 2.5 "DOT / SVG"): only the relevant
// subgraph (the given paths, the cut gates with the states they join, and the unfixable path when
// the cut is unbounded), since a 100k-host graph cannot be drawn usefully.
//
// Drawing: states as ellipses (attacker a diamond, target a double octagon), gates as boxes
// labelled with id, kind, owner, cost (∞ when unfixable) and p; the first path (the best one) in
// bold; cut gates red; the unfixable path orange. Nodes are written in node-id order and edges in
// edge order, with identifiers n<node id> and every label a quoted, escaped DOT string: the output
// is deterministic and safe for any names. The DOT text is written by hand (it is a few lines of
// text); the rendering to SVG is libgvc's, in process.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "graph/analysis.h"
#include "graph/attack_graph.h"

namespace sw::graph {

struct DotOptions {
  std::string title;  // graph label; empty: none
};

// The DOT text of the relevant subgraph. `paths` best first (paths[0] is drawn bold).
std::string to_dot(const AttackGraph& g, const std::vector<Path>& paths, const Cut& cut,
                   const DotOptions& options = {});

// `s` as the inside of a DOT double-quoted string (quotes and backslashes escaped, newlines as
// the \n label escape, other control characters as spaces).
std::string dot_escape(std::string_view s);

// Lays DOT text out with Graphviz's "dot" engine and renders it to SVG, in process (libgvc).
// Errors (a syntax error, a failed layout or render) as sw::Error; Graphviz's own messages are
// captured, not printed. Serialized with a mutex: Graphviz is not thread-safe.
Result<std::string> render_svg(std::string_view dot_text);

}  // namespace sw::graph
