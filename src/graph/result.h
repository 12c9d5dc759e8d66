// SPDX-License-Identifier: Apache-2.0
// One analysis run of `shieldwall graph analyze` and its outputs (../shared/specs/graph.md, 2.4
// and 2.5): reachability and exposure, the most likely single path and the k best paths, the
// minimum-cost cut with its per-owner split, the cut per entry kind and per target, statistics;
// written as JSON (schema shieldwall.graph.result/v1, docs/graph-result.schema.json), as text for
// a person (the weakest links first, per owner), as DOT/SVG of the relevant subgraph, and as one
// self-contained HTML page. Hand-written: it only puts the analyses of analysis.h together and
// words their results.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/result.h"
#include "graph/analysis.h"
#include "graph/attack_graph.h"
#include "graph/model.h"

namespace sw::graph {

inline constexpr std::string_view kResultSchema = "shieldwall.graph.result/v1";

struct AnalyzeOptions {
  Selection selection;  // entry kinds / ids, targets, removed gates (what-if)
  std::size_t k = 5;    // top paths (Yen)
  PathMetric metric = PathMetric::kLikely;
  MaxFlowAlgorithm algorithm = MaxFlowAlgorithm::kPushRelabel;
  // Per-target cuts (one max-flow each) when several targets are selected: for every target the
  // user named with --target, else for the `target_cuts` most exposed reachable targets.
  std::size_t target_cuts = 5;
};

// Milliseconds per phase (wall clock). Filled by analyze(), except load and compile, which the
// caller measures.
struct PhaseTimes {
  double load = 0, compile = 0, bfs = 0, dijkstra = 0, yen = 0, maxflow = 0;
};

struct TargetResult {
  std::string state;
  NodeId node = kNoNode;
  bool reachable = false;
  Exposure exposure;
  std::optional<Path> best;
  std::optional<Cut> cut;  // only when several targets are selected (one max-flow each)
};

// The analysis restricted to the selected entry points of one kind ("network only").
struct EntryKindResult {
  EntryKind kind = EntryKind::kNetwork;
  std::vector<std::string> entries;  // entry ids of this kind in the selection
  std::vector<std::string> reachable_targets;
  std::optional<Path> best;
  Cut cut;
};

// The part of the compiled graph the selection uses: usable edges, and every node except the
// gates that only edges of unselected entry points lead into (a phishing gate when no phishing
// entry is selected) and the removed gates. These are the counts of a compiler that compiled
// only the selected entries (the reference answers of the examples give them so).
struct SelectionSize {
  std::size_t nodes = 0, gates = 0, edges = 0;
};

struct AnalyzeResult {
  std::vector<std::string> entries;  // selected entry ids, in graph order
  std::vector<std::string> removed;  // what-if: gates taken out
  Reachability reach;
  std::vector<TargetResult> targets;  // the selected targets, in graph order
  std::optional<Path> best;
  std::vector<Path> top;
  Cut cut;
  std::vector<EntryKindResult> by_entry_kind;  // one per entry kind present in the selection
  std::size_t target_cuts_skipped = 0;         // reachable targets left without their own cut
  SelectionSize selected;
  AnalyzeOptions options;
  PhaseTimes ms;
};

// Runs every analysis on `g`. An unknown entry id, target state or gate id is an error naming it.
Result<AnalyzeResult> analyze(const AttackGraph& g, const AnalyzeOptions& options);

// The model as canonical shieldwall.graph/v1 JSON: model_to_json() with every top-level array
// sorted by id and the targets sorted, so that the same items in any file order give the same
// bytes.
nlohmann::json canonical_model_json(const Model& model);
// "sha256:<64 hex>" over canonical_model_json(model).dump().
std::string model_digest(const Model& model);

// What the outputs show besides the analysis itself.
struct ResultContext {
  std::string model_digest;
  std::vector<std::string> errors;    // input problems (one line each), already printed on stderr
  std::vector<std::string> warnings;  // compile warnings
  std::string org;
};

nlohmann::ordered_json result_json(const AttackGraph& g, const AnalyzeResult& r,
                                   const ResultContext& c);
std::string result_text(const AttackGraph& g, const AnalyzeResult& r, const ResultContext& c);
// DOT of the relevant subgraph: the top paths (the best bold) and the cut (red), or the
// unfixable path when the cut is unbounded.
std::string result_dot(const AttackGraph& g, const AnalyzeResult& r);
// One HTML page, no script: the SVG (`svg`, the output of render_svg; may be empty when
// rendering failed) and tables of the cut, the per-owner view, the paths and the targets.
std::string result_html(const AttackGraph& g, const AnalyzeResult& r, const ResultContext& c,
                        std::string_view svg);

// Plain words for a state name: "admin@db01" -> "admin rights on db01".
std::string describe_state(std::string_view state);

}  // namespace sw::graph
