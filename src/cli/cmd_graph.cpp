// SPDX-License-Identifier: Apache-2.0
// `shieldwall graph analyze|check|export MODEL...` (../shared/specs/graph.md, 2.2-2.5; issue 5
// "How people use it"): the weakest links of interconnected systems. MODEL files are
// shieldwall.graph/v1 JSON/YAML, SharpHound JSON/zips/directories and shieldwall scan/vuln/secrets
// JSON reports, sorted by content and merged into one model (graph/inputs.h).
//   analyze  reachable targets, exposure, the most likely single path, the k best paths, the
//            cheapest complete fix (min cut) per owner, per entry kind and per target; text,
//            json (shieldwall.graph.result/v1), dot, svg or html; or report-json: the cut as
//            shieldwall/report/v1 findings, one per fix, routed to its owner (team:<owner>)
//            like scan findings.
//   check    loads, validates and compiles; every problem on its own line, then a summary.
//   export   the merged model (json), the compiled graph as BloodHound OpenGraph, or as DOT.
// Exit codes (DESIGN.md): 2 when any input has an error (what can be analysed still is, and is
// printed), else 1 when a selected target is reachable (--fail-on reachable, the default), 0
// otherwise; 3 on an internal error.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/common.h"
#include "core/finding.h"
#include "core/report.h"
#include "graph/analysis.h"
#include "graph/attack_graph.h"
#include "graph/export_dot.h"
#include "graph/export_opengraph.h"
#include "graph/inputs.h"
#include "graph/model.h"
#include "graph/result.h"

namespace sw::cli {
namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Beyond this many nodes a whole-graph drawing is unreadable and slow to lay out.
constexpr std::size_t kLargeDot = 2000;

struct Loaded {
  graph::Model model;
  std::vector<Error> errors;  // load and validation problems
  double load_ms = 0;
};

// Loads and validates the inputs; prints nothing.
Loaded load(const std::vector<std::string>& paths) {
  Loaded l;
  const auto t0 = Clock::now();
  graph::load_inputs(paths, l.model, l.errors);
  for (Error& e : graph::validate(l.model)) l.errors.push_back(std::move(e));
  l.load_ms = ms_since(t0);
  return l;
}

void print_problems(const std::vector<Error>& errors, const std::vector<Error>& warnings) {
  for (const Error& e : errors) fmt::print(stderr, "shieldwall: error: {}\n", e.to_string());
  for (const Error& w : warnings) fmt::print(stderr, "shieldwall: warning: {}\n", w.to_string());
}

std::vector<std::string> lines_of(const std::vector<Error>& errors) {
  std::vector<std::string> out;
  out.reserve(errors.size());
  for (const Error& e : errors) out.push_back(e.to_string());
  return out;
}

// Writes `text` to `path` (stdout when empty). False, with a message, when it cannot.
bool write_output(const std::string& text, const std::string& path) {
  if (path.empty()) {
    std::cout << text;
    std::cout.flush();
    return static_cast<bool>(std::cout);
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) {
    fmt::print(stderr, "shieldwall: error: cannot write {}\n", path);
    return false;
  }
  file << text;
  file.flush();
  if (!file) {
    fmt::print(stderr, "shieldwall: error: writing {} failed\n", path);
    return false;
  }
  return true;
}

// The whole compiled graph as DOT: every node as one pseudo path behind an empty best path, so
// that to_dot keeps all nodes and edges and draws none of them bold.
std::string whole_graph_dot(const graph::AttackGraph& g) {
  graph::Path all;
  all.nodes.reserve(g.nodes.size());
  for (graph::NodeId id = 0; id < g.nodes.size(); ++id) all.nodes.push_back(id);
  graph::DotOptions o;
  o.title = fmt::format("attack graph: {} nodes ({} gates), {} edges", g.nodes.size(),
                        g.gate_count(), g.edges.size());
  return graph::to_dot(g, {graph::Path{}, std::move(all)}, graph::Cut{}, o);
}

// ---- analyze -f report-json ----

Severity severity_of(double risk) {
  if (risk >= 9) return Severity::kCritical;
  if (risk >= 7) return Severity::kHigh;
  if (risk >= 4) return Severity::kMedium;
  return Severity::kLow;
}

Responsible responsible_of(const std::string& owner) {
  Responsible r;
  if (owner.empty()) {
    r.role = Role::kOrg;
  } else {
    r.role = Role::kTeam;
    r.team = owner;
  }
  return r;
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// The cut as a shieldwall report (shieldwall/report/v1), so that the weakest links reach their
// owners the way scan findings do: one finding per cut item, responsible `team:<owner>`, risk
// 10 x the most likely single path's probability; or one critical finding when no fix is
// possible within the model.
Report cut_report(const graph::AttackGraph& g, const graph::AnalyzeResult& r,
                  const graph::ResultContext& c, const std::string& started_at, double ms) {
  Report report;
  report.tool_version = SW_VERSION;
  report.command = "graph";
  report.host = c.org.empty() ? std::string("model") : c.org;
  report.started_at = started_at;
  report.duration_ms = ms;
  report.errors = c.errors;
  const std::string targets = joined(r.reach.reachable_targets);
  const double p = r.best ? r.best->probability : 0.0;
  const double risk = static_cast<double>(static_cast<long long>(p * 100.0 + 0.5)) / 10.0;
  if (r.best) {
    report.notes.push_back(fmt::format(
        "most likely single path to {}: probability {:g} (not the probability of compromise)",
        targets, p));
  }
  if (r.cut.unbounded) {
    Finding f;
    f.check = "graph.no_fix_possible";
    f.subject = targets;
    f.host = report.host;
    f.id = fingerprint(report.host, f.check, f.subject);
    f.title = fmt::format("no fix possible within the model: {} reachable through unfixable steps",
                          targets);
    f.severity = Severity::kCritical;
    f.risk = 10;
    f.category = "graph";
    std::vector<std::string> steps;
    if (r.cut.unfixable_path) {
      for (graph::NodeId id : r.cut.unfixable_path->nodes) {
        if (g.nodes[id].kind == graph::NodeKind::kGate) steps.push_back(g.nodes[id].name);
      }
    }
    f.evidence = fmt::format("a path using only unfixable steps: {}", joined(steps));
    f.why =
        "Every step of this path is marked as not fixable (fix_cost null), so no set of fixes "
        "in the model can cut it.";
    f.fix = "Make one of these steps fixable in the model (give it a fix_cost) and plan its fix.";
    f.responsible = responsible_of("");
    report.findings.push_back(std::move(f));
  } else if (r.cut.reachable) {
    for (const graph::OwnerShare& share : r.cut.by_owner) {
      for (graph::NodeId id : share.items) {
        const graph::Node& n = g.nodes[id];
        Finding f;
        f.check = fmt::format("graph.weakest_link.{}", graph::gate_kind_name(n.gate_kind));
        f.subject = n.name;
        f.host = report.host;
        f.id = fingerprint(report.host, f.check, f.subject);
        f.title = fmt::format("weakest link: {}", n.title.empty() ? n.name : n.title);
        f.risk = risk;
        f.severity = severity_of(risk);
        f.category = "graph";
        f.evidence = fmt::format(
            "part of the cheapest complete fix (cost {:g}, {} items) that cuts every path to {}; "
            "this owner's part: {:g} ({:g}%)",
            r.cut.value, r.cut.items.size(), targets, share.cost,
            static_cast<double>(static_cast<long long>(share.share * 1000.0 + 0.5)) / 10.0);
        f.why =
            "Attack paths from the entry points to the crown jewels run through this step. "
            "Fixing it together with the other items of the same fix cuts every path the "
            "model knows, and no cheaper set of fixes does.";
        f.fix = n.fix;
        f.responsible = responsible_of(n.owner);
        f.details = {{"gate", n.name},
                     {"gate_kind", std::string(graph::gate_kind_name(n.gate_kind))},
                     {"cost", fmt::format("{:g}", n.cost.value_or(0))}};
        report.findings.push_back(std::move(f));
      }
    }
  }
  report.finalize();
  return report;
}

// ---- analyze ----

struct AnalyzeArgs {
  std::vector<std::string> models;
  std::vector<std::string> entry_kinds;
  std::vector<std::string> entry_ids;
  std::vector<std::string> targets;
  std::vector<std::string> fix;
  std::size_t k = 5;
  std::size_t target_cuts = 5;
  bool fewest_hops = false;
  std::string algorithm = "push-relabel";
  std::string format = "text";
  std::string output;
  std::string fail_on = "reachable";
};

int run_analyze(const AnalyzeArgs& args) {
  const std::string started_at = iso_now();
  const auto started = Clock::now();
  Loaded l = load(args.models);
  const std::string digest = graph::model_digest(l.model);
  // --target may name any state, not only the model's targets: it is added for this run.
  for (const std::string& t : args.targets) {
    if (std::find(l.model.targets.begin(), l.model.targets.end(), t) == l.model.targets.end()) {
      l.model.targets.push_back(t);
    }
  }
  const auto t0 = Clock::now();
  graph::CompileResult compiled = graph::compile(l.model);
  const double compile_ms = ms_since(t0);
  const graph::AttackGraph& g = compiled.graph;

  graph::AnalyzeOptions options;
  for (const std::string& kind : args.entry_kinds) {
    if (auto k = graph::parse_entry_kind(kind)) options.selection.entry_kinds.push_back(*k);
  }
  options.selection.entry_ids = args.entry_ids;
  options.selection.targets = args.targets;
  options.selection.removed = args.fix;
  options.k = args.k;
  options.target_cuts = args.target_cuts;
  options.metric = args.fewest_hops ? graph::PathMetric::kFewestHops : graph::PathMetric::kLikely;
  options.algorithm = args.algorithm == "bk"   ? graph::MaxFlowAlgorithm::kBoykovKolmogorov
                      : args.algorithm == "ek" ? graph::MaxFlowAlgorithm::kEdmondsKarp
                                               : graph::MaxFlowAlgorithm::kPushRelabel;
  for (graph::EntryKind kind : options.selection.entry_kinds) {
    bool any = false;
    for (const graph::EntryRef& e : g.entries) any = any || e.kind == kind;
    if (!any) {
      compiled.warnings.emplace_back(
          Errc::kUsage, fmt::format("--entry {}: the model has no entry point of that kind",
                                    graph::entry_kind_name(kind)));
    }
  }
  print_problems(l.errors, compiled.warnings);

  for (const std::string& t : args.targets) {
    auto it = g.states.find(t);
    if (it == g.states.end() || g.in(it->second).begin() == g.in(it->second).end()) {
      fmt::print(stderr,
                 "shieldwall: error: --target {}: no such state in the model (states are "
                 "admin@ASSET, user@ASSET, id:IDENTITY, net:ZONE, reach:ZONE:PROTO/PORT)\n",
                 t);
      return kExitInput;
    }
  }
  auto result = graph::analyze(g, options);
  if (!result) {
    fmt::print(stderr, "shieldwall: error: {}\n", result.error().to_string());
    return kExitInput;
  }
  result->ms.load = l.load_ms;
  result->ms.compile = compile_ms;

  graph::ResultContext context;
  context.model_digest = digest;
  context.errors = lines_of(l.errors);
  context.warnings = lines_of(compiled.warnings);
  context.org = l.model.org;

  std::string text;
  if (args.format == "report-json") {
    WriteOptions w;
    w.format = "json";
    w.output = args.output;
    const int rc = write_report(cut_report(g, *result, context, started_at, ms_since(started)), w);
    if (rc != kExitClean) return rc;
  } else if (args.format == "json") {
    text = graph::result_json(g, *result, context).dump(2) + "\n";
  } else if (args.format == "text") {
    text = graph::result_text(g, *result, context);
  } else {
    const std::string dot = graph::result_dot(g, *result);
    if (args.format == "dot") {
      text = dot;
    } else {
      auto svg = graph::render_svg(dot);
      if (!svg) {
        fmt::print(stderr, "shieldwall: error: {}\n", svg.error().to_string());
        if (args.format == "svg") return kExitInternal;
      }
      text = args.format == "svg" ? *svg : graph::result_html(g, *result, context, svg ? *svg : "");
    }
  }
  if (args.format != "report-json" && !write_output(text, args.output)) return kExitInput;

  if (!l.errors.empty()) return kExitInput;
  const bool reachable = !result->reach.reachable_targets.empty();
  if (args.fail_on == "reachable" && reachable) return kExitFindings;
  if (args.fail_on == "unbounded" && result->cut.unbounded) return kExitFindings;
  return kExitClean;
}

// ---- check ----

int run_check(const std::vector<std::string>& models) {
  Loaded l = load(models);
  graph::CompileResult compiled = graph::compile(l.model);
  const graph::AttackGraph& g = compiled.graph;
  for (const Error& e : l.errors) fmt::print("error: {}\n", e.to_string());
  for (const Error& w : compiled.warnings) fmt::print("warning: {}\n", w.to_string());
  const graph::Model& m = l.model;
  const std::size_t items = m.owners.size() + m.zones.size() + m.assets.size() +
                            m.identities.size() + m.people.size() + m.flows.size() +
                            m.findings.size() + m.relations.size() + m.entry_points.size();
  fmt::print(
      "{} {}: {} items ({} owners, {} zones, {} assets, {} identities, {} people, {} flows, {} "
      "findings, {} relations, {} entry points; {} targets listed)\n",
      m.files.size(), m.files.size() == 1 ? "file" : "files", items, m.owners.size(),
      m.zones.size(), m.assets.size(), m.identities.size(), m.people.size(), m.flows.size(),
      m.findings.size(), m.relations.size(), m.entry_points.size(), m.targets.size());
  fmt::print("compiled: {} states, {} gates, {} edges, {} entry points, {} targets\n",
             g.nodes.size() - g.gate_count(), g.gate_count(), g.edges.size(), g.entries.size(),
             g.targets.size());
  fmt::print("{} {}, {} {}: {}\n", l.errors.size(), l.errors.size() == 1 ? "error" : "errors",
             compiled.warnings.size(), compiled.warnings.size() == 1 ? "warning" : "warnings",
             l.errors.empty() ? "the model is valid" : "the model is NOT valid");
  return l.errors.empty() ? kExitClean : kExitInput;
}

// ---- export ----

struct ExportArgs {
  std::vector<std::string> models;
  std::string format;
  std::string output;
};

int run_export(const ExportArgs& args) {
  Loaded l = load(args.models);
  std::string text;
  if (args.format == "json") {
    print_problems(l.errors, {});
    text = graph::canonical_model_json(l.model).dump(2) + "\n";
  } else {
    graph::CompileResult compiled = graph::compile(l.model);
    const graph::AttackGraph& g = compiled.graph;
    if (args.format == "dot" && g.nodes.size() > kLargeDot) {
      compiled.warnings.emplace_back(
          Errc::kUsage,
          fmt::format("the whole graph has {} nodes: Graphviz will be slow and the drawing hard "
                      "to read; `graph analyze -f dot` draws only the paths and the cut",
                      g.nodes.size()));
    }
    print_problems(l.errors, compiled.warnings);
    text = args.format == "opengraph" ? graph::to_opengraph(g).dump(2) + "\n" : whole_graph_dot(g);
  }
  if (!write_output(text, args.output)) return kExitInput;
  return l.errors.empty() ? kExitClean : kExitInput;
}

}  // namespace

void add_graph(CLI::App& app, int& exit_code) {
  CLI::App* graph = app.add_subcommand(
      "graph",
      "attack paths to the crown jewels and the cheapest set of fixes that cuts them all, per "
      "owner");
  graph->require_subcommand(1);

  auto a = std::make_shared<AnalyzeArgs>();
  CLI::App* analyze = graph->add_subcommand(
      "analyze", "reachable targets, most likely paths, and the weakest links to fix, per owner");
  analyze
      ->add_option("MODEL", a->models,
                   "model files (shieldwall.graph/v1 JSON/YAML), SharpHound JSON/zip/directory, "
                   "shieldwall scan/vuln/secrets JSON reports")
      ->required();
  analyze
      ->add_option("--entry", a->entry_kinds,
                   "only entry points of this kind (repeatable): network, phishing, identity")
      ->check(CLI::IsMember({"network", "phishing", "identity"}))
      ->allow_extra_args(false);
  analyze->add_option("--entry-id", a->entry_ids, "only this entry point (repeatable)")
      ->allow_extra_args(false);
  analyze
      ->add_option("--target", a->targets,
                   "only this target state, e.g. admin@db01 (repeatable; any state may be "
                   "named)")
      ->allow_extra_args(false);
  analyze->add_option("--fix", a->fix, "what-if: analyse as if these gates were fixed (ID,...)")
      ->delimiter(',')
      ->allow_extra_args(false);
  analyze->add_option("--k", a->k, "how many best paths to list (Yen), default 5")
      ->check(CLI::Range(0, 1000));
  analyze
      ->add_option("--target-cuts", a->target_cuts,
                   "with several targets: own cheapest fix for the N most exposed reachable "
                   "targets (one max-flow each), default 5; every --target named gets one")
      ->check(CLI::Range(0, 1000000));
  analyze->add_flag("--fewest-hops", a->fewest_hops,
                    "paths with the fewest steps instead of the most likely ones");
  analyze->add_option("--algorithm", a->algorithm, "max-flow algorithm (default push-relabel)")
      ->check(CLI::IsMember({"push-relabel", "bk", "ek"}));
  analyze
      ->add_option("-f,--format", a->format,
                   "text (default), json, dot, svg, html, or report-json (the cut as shieldwall "
                   "report findings, one per fix, routed to its owner)")
      ->check(CLI::IsMember({"text", "json", "dot", "svg", "html", "report-json"}));
  analyze->add_option("-o,--output", a->output, "write to FILE instead of stdout");
  analyze
      ->add_option("--fail-on", a->fail_on,
                   "exit 1 when: reachable (a target is reachable; default), unbounded (no fix "
                   "possible within the model), none")
      ->check(CLI::IsMember({"reachable", "unbounded", "none"}));
  analyze->callback([a, &exit_code] { exit_code = run_analyze(*a); });

  auto models = std::make_shared<std::vector<std::string>>();
  CLI::App* check = graph->add_subcommand(
      "check", "load, validate and compile a model; explain every error (exit 2 when invalid)");
  check->add_option("MODEL", *models, "model files and imports, as for analyze")->required();
  check->callback([models, &exit_code] { exit_code = run_check(*models); });

  auto x = std::make_shared<ExportArgs>();
  CLI::App* exp = graph->add_subcommand(
      "export", "the merged model (json), or the compiled graph as BloodHound OpenGraph or DOT");
  exp->add_option("MODEL", x->models, "model files and imports, as for analyze")->required();
  exp->add_option("-f,--format", x->format, "opengraph, dot or json")
      ->required()
      ->check(CLI::IsMember({"opengraph", "dot", "json"}));
  exp->add_option("-o,--output", x->output, "write to FILE instead of stdout");
  exp->callback([x, &exit_code] { exit_code = run_export(*x); });
}

}  // namespace sw::cli
