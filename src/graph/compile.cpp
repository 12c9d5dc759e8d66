// SPDX-License-Identifier: Apache-2.0
// compile(): a shieldwall.graph/v1 model to the attack graph (attack_graph.h), applying the
// normative compile rules C1-C15 of ../shared/specs/graph.md, 2.3, with owners, costs and p
// resolved per 2.2 (the item's own values, else inheritance and the defaults table). Hand-written:
// these rules are ours.
//
// Order (deterministic, no hash-map iteration): node 0 is `attacker`, node 1 is `target`; then the
// rules in order C1..C15, each over the model's items in model (file) order. Within one item the
// predecessor states come first, then the gate, then the successor states. States are created
// when an edge first uses them, so a zone no rule mentions has no `net:` state.
//
// What the node and edge counts mean, on the worked example of 2.7 (worked-8.json): 18 states
// (C1 gives admin@/user@ of the 4 assets and net:dmz, net:corp, net:srv-app, net:srv-db; the
// flows add net:internet, reach:dmz:tcp/443 and reach:srv-db:tcp/1433; the secret, the relations
// and the phishing gate add id:svc_db, id:u.helpdesk, id:u.alice) + `attacker` + `target` +
// 11 gates = 31 nodes, the reference compiler's figure, which therefore counts the two special
// nodes (AttackGraph::state_count() excludes them: 18). Edges: C1 8, flows 2x2, the four findings
// 4x2, the four relations 4x2, one network entry edge, the phishing gate 1 in + 2 out, one edge
// into `target` = 33. mulval-3host.json gives 24 nodes and 28 edges the same way.
//
// compile() expects a validated model, but never trusts it: an item whose references do not
// resolve, or whose gate id is taken, is skipped and named in one warning.
#include <algorithm>
#include <cmath>
#include <exception>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "graph/attack_graph.h"
#include "graph/gate_defaults.h"
#include "graph/model_rules.h"

namespace sw::graph {
namespace {

constexpr std::size_t kListMax = 5;  // names listed in one warning before "+N more"

std::string some(const std::vector<std::string>& v, std::size_t max = kListMax) {
  std::string out;
  for (std::size_t i = 0; i < v.size() && i < max; ++i) {
    if (i > 0) out += ", ";
    out += v[i];
  }
  if (v.size() > max) out += fmt::format(" (+{} more)", v.size() - max);
  return out;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string user_or_admin(bool admin) { return admin ? "admin" : "user"; }

class Compiler {
 public:
  Compiler(const Model& m, const Defaults& d) : m_(m), d_(d) {}

  CompileResult run() {
    for (const auto& z : m_.zones) zones_.insert(z.id);
    for (const auto& a : m_.assets) assets_.try_emplace(a.id, &a);
    for (const auto& i : m_.identities) identities_.try_emplace(i.id, &i);
    for (const auto& f : m_.flows) {
      for (const auto& z : f.from) zones_left_.insert(z);
    }

    // Sizes known up front (C1 makes two states per asset), to spare the rehashing.
    std::size_t gates =
        m_.flows.size() + m_.findings.size() + m_.relations.size() + m_.people.size();
    std::size_t states = 2 * m_.assets.size() + m_.identities.size() + m_.zones.size() + 2;
    g_.nodes.reserve(states + gates);
    g_.states.reserve(states);
    g_.gates.reserve(gates);
    g_.edges.reserve(2 * m_.assets.size() + 2 * gates);
    g_.add_state("attacker");
    g_.add_state("target");
    for (const auto& a : m_.assets) c1_asset(a);
    for (const auto& f : m_.flows) c2_flow(f);
    for (const auto& f : m_.findings) c3_c5_finding(f);
    for (const auto& r : m_.relations) c6_c11_relation(r);
    for (const auto& e : m_.entry_points) c12_c14_entry(e);
    c15_targets();
    warn_after();
    g_.finish();
    CompileResult out;
    out.graph = std::move(g_);
    out.warnings = std::move(warnings_);
    return out;
  }

 private:
  // ---- helpers ----

  const Asset* asset(const std::string& id) const {
    auto it = assets_.find(id);
    return it == assets_.end() ? nullptr : it->second;
  }
  const Identity* identity(const std::string& id) const {
    auto it = identities_.find(id);
    return it == identities_.end() ? nullptr : it->second;
  }
  std::string asset_owner(const std::string& id) const {
    const Asset* a = asset(id);
    return a == nullptr ? std::string() : a->owner;
  }
  std::string identity_owner(const std::string& id) const {
    const Identity* i = identity(id);
    return i == nullptr ? std::string() : i->owner;
  }

  // How a person knows an identity or asset: its display name when an import gave one that
  // differs from the id ("ALICE@CORP.LOCAL" for a SharpHound SID; the gate id keeps the SID), else
  // the id.
  static std::string label(const nlohmann::json* extra, const std::string& id) {
    if (extra == nullptr) return id;
    auto it = extra->find("name");
    if (it == extra->end() || !it->is_string()) return id;
    const auto& name = it->get_ref<const std::string&>();
    return name.empty() ? id : name;
  }
  std::string identity_label(const std::string& id) const {
    const Identity* i = identity(id);
    return label(i == nullptr ? nullptr : &i->extra, id);
  }
  std::string asset_label(const std::string& id) const {
    const Asset* a = asset(id);
    return label(a == nullptr ? nullptr : &a->extra, id);
  }

  void skip(std::string_view word, const std::string& id, std::string_view why) {
    skipped_.push_back(fmt::format("{} {} ({})", word, id, why));
  }

  // A gate node with owner, cost and p resolved. nullopt when the id is taken already.
  std::optional<NodeId> gate(const std::string& id, std::string_view word, GateKind kind,
                             const GateFields& gf, std::string inherited_owner, double dflt_p,
                             std::string_view p_source, double dflt_cost, std::string title,
                             std::string fix) {
    if (g_.gates.count(id) != 0) {
      skip(word, id, "its id is already used by another gate");
      return std::nullopt;
    }
    if (gf.p && !(std::isfinite(*gf.p) && *gf.p > 0 && *gf.p <= 1)) {
      skip(word, id, "p not in (0, 1]");
      return std::nullopt;
    }
    if (gf.fix_cost.state == FixCost::State::kValue &&
        !(std::isfinite(gf.fix_cost.value) && gf.fix_cost.value >= 0)) {
      skip(word, id, "fix_cost below 0");
      return std::nullopt;
    }
    Node n;
    n.kind = NodeKind::kGate;
    n.name = id;
    n.gate_kind = kind;
    n.owner = gf.owner.empty() ? std::move(inherited_owner) : gf.owner;
    if (gf.p) {
      n.p = *gf.p;
      n.p_source = "model";
    } else {
      n.p = dflt_p;
      n.p_defaulted = true;
      n.p_source = p_source;
    }
    switch (gf.fix_cost.state) {
      case FixCost::State::kValue:
        n.cost = gf.fix_cost.value;
        break;
      case FixCost::State::kUnfixable:
        n.cost = std::nullopt;
        break;
      case FixCost::State::kDefault:
        n.cost = dflt_cost;
        n.cost_defaulted = true;
        break;
    }
    n.title = std::move(title);
    n.fix = gf.fix.empty() ? std::move(fix) : gf.fix;
    if (n.owner.empty()) unowned_.push_back(id);
    return g_.add_gate(std::move(n));
  }

  // pred [gate] succ, the common one-in one-out case.
  void chain(const std::string& pred, NodeId gate_node, const std::string& succ) {
    NodeId p = g_.add_state(pred);
    g_.add_edge(p, gate_node);
    g_.add_edge(gate_node, g_.add_state(succ));
  }

  // ---- C1 ----
  void c1_asset(const Asset& a) {
    NodeId admin = g_.add_state("admin@" + a.id);
    NodeId user = g_.add_state("user@" + a.id);
    g_.add_edge(admin, user);
    if (a.zone.empty()) return;
    if (zones_.count(a.zone) == 0) {
      skip("asset", a.id, fmt::format("zone {} is not declared; no net: edge", a.zone));
      return;
    }
    g_.add_edge(user, g_.add_state("net:" + a.zone));
    zones_with_assets_.insert(a.zone);
  }

  // ---- C2 ----
  void c2_flow(const Flow& f) {
    for (const auto* list : {&f.from, &f.to}) {
      for (const auto& z : *list) {
        if (zones_.count(z) == 0) return skip("flow", f.id, fmt::format("zone {} unknown", z));
      }
    }
    std::vector<std::string> ports;
    for (const auto& p : f.ports) {
      auto c = detail::canonical_port(p);
      if (!c) return skip("flow", f.id, fmt::format("port {} invalid", p));
      ports.push_back(*c);
    }
    if (f.from.empty() || f.to.empty() || ports.empty()) {
      return skip("flow", f.id, "needs from, to and ports");
    }
    std::string what = fmt::format("{} → {} {}", some(f.from, 3), some(f.to, 3), some(ports, 3));
    std::vector<NodeId> preds;
    for (const auto& z : f.from) preds.push_back(g_.add_state("net:" + z));
    auto g = gate(f.id, "flow", GateKind::kFlow, f.gate, {}, d_.flow_p, "default", d_.flow_cost,
                  fmt::format("firewall rule {}: {}", f.id, what),
                  fmt::format("narrow or remove firewall rule {} ({})", f.id, what));
    if (!g) return;
    for (NodeId p : preds) g_.add_edge(p, *g);
    for (const auto& z : f.to) {
      for (const auto& p : ports) g_.add_edge(*g, g_.add_state(fmt::format("reach:{}:{}", z, p)));
      if (zones_with_assets_.count(z) == 0)
        flows_to_empty_.push_back(fmt::format("{} ({})", f.id, z));
    }
  }

  // ---- C3, C4, C5 ----
  void c3_c5_finding(const Finding& f) {
    bool vuln = f.kind == "vuln";
    bool secret = f.kind == "secret";
    if (!secret && !(vuln && f.effect != Effect::kNone)) {
      ++no_edge_[vuln ? std::string("vuln without code_exec/priv_esc effect")
                      : fmt::format("kind {}", f.kind.empty() ? "(none)" : f.kind)];
      return;
    }
    const Asset* a = asset(f.asset);
    if (a == nullptr) return skip("finding", f.id, fmt::format("asset {} unknown", f.asset));
    std::string thing = !f.cve.empty() ? f.cve : f.id;
    if (secret) {
      if (identity(f.grants) == nullptr) {
        return skip("finding", f.id, fmt::format("grants unknown identity {}", f.grants));
      }
      std::string req = user_or_admin(f.requires_admin);
      auto g =
          gate(f.id, "finding", GateKind::kSecret, f.gate, a->owner, d_.secret_p, "default",
               d_.secret_cost,
               !f.title.empty() ? f.title : fmt::format("secret on {} grants {}", a->id, f.grants),
               fmt::format("remove the credential for {} from {} and rotate it", f.grants, a->id));
      if (g) chain(fmt::format("{}@{}", req, a->id), *g, "id:" + f.grants);
      return;
    }
    DefaultP dp = default_vuln_p(f, d_);
    std::string fix = fmt::format("patch {} on {}", thing, a->id);
    if (f.effect == Effect::kCodeExec) {
      auto port = detail::canonical_port(f.port);
      const Service* svc = nullptr;
      if (port) {
        for (const auto& s : a->services) {
          if (s.port == *port) svc = &s;
        }
      }
      if (svc == nullptr || a->zone.empty() || zones_.count(a->zone) == 0) {
        return skip("finding", f.id,
                    fmt::format("no service on {} of {} in a known zone", f.port, a->id));
      }
      auto g =
          gate(f.id, "finding", GateKind::kVuln, f.gate, a->owner, dp.p, dp.source, d_.vuln_cost,
               !f.title.empty() ? f.title : fmt::format("{} on {} ({})", thing, a->id, *port),
               std::move(fix));
      if (!g) return;
      NodeId reach = g_.add_state(fmt::format("reach:{}:{}", a->zone, *port));
      code_exec_.emplace_back(fmt::format("{} ({} {})", f.id, a->zone, *port), reach);
      g_.add_edge(reach, *g);
      g_.add_edge(*g, g_.add_state(fmt::format("{}@{}", user_or_admin(svc->runs_as_admin), a->id)));
      return;
    }
    auto g = gate(
        f.id, "finding", GateKind::kVuln, f.gate, a->owner, dp.p, dp.source, d_.vuln_cost,
        !f.title.empty() ? f.title : fmt::format("{} on {} (privilege escalation)", thing, a->id),
        std::move(fix));
    if (g) chain("user@" + a->id, *g, "admin@" + a->id);
  }

  // ---- C6 .. C11 ----
  void c6_c11_relation(const Relation& r) {
    const std::string& id = r.id;
    auto need_id = [&](const std::string& x) {
      if (identity(x) != nullptr) return true;
      skip("relation", id, fmt::format("identity {} unknown", x));
      return false;
    };
    auto need_asset = [&](const std::string& x) {
      if (asset(x) != nullptr) return true;
      skip("relation", id, fmt::format("asset {} unknown", x));
      return false;
    };
    // Words for people: display names where the import has them.
    const std::string from = r.kind == RelationKind::kSso || r.kind == RelationKind::kExecOn
                                 ? asset_label(r.from)
                                 : identity_label(r.from);
    const bool to_asset = r.kind == RelationKind::kAdminTo || r.kind == RelationKind::kCanLogin ||
                          r.kind == RelationKind::kSso || r.kind == RelationKind::kExecOn;
    const std::string to = to_asset ? asset_label(r.to) : identity_label(r.to);
    switch (r.kind) {
      case RelationKind::kMemberOf: {  // C6
        if (!need_id(r.from) || !need_id(r.to)) return;
        auto g =
            gate(id, "relation", GateKind::kMemberOf, r.gate, identity_owner(r.to), d_.member_of_p,
                 "default", d_.member_of_cost, fmt::format("{} is a member of {}", from, to),
                 fmt::format("remove {} from {}", from, to));
        if (g) chain("id:" + r.from, *g, "id:" + r.to);
        return;
      }
      case RelationKind::kAdminTo:
      case RelationKind::kCanLogin: {  // C7
        if (!need_id(r.from) || !need_asset(r.to)) return;
        bool admin = r.kind == RelationKind::kAdminTo;
        auto g = gate(id, "relation", admin ? GateKind::kAdminTo : GateKind::kCanLogin, r.gate,
                      asset_owner(r.to), d_.admin_p, "default", d_.admin_cost,
                      admin ? fmt::format("{} is admin on {}", from, to)
                            : fmt::format("{} can log in to {}", from, to),
                      admin ? fmt::format("remove {}'s admin rights on {}", from, to)
                            : fmt::format("remove {}'s login right on {}", from, to));
        if (g) chain("id:" + r.from, *g, fmt::format("{}@{}", user_or_admin(admin), r.to));
        return;
      }
      case RelationKind::kSession: {  // C8: the session grants the identity
        if (!need_id(r.identity) || !need_asset(r.host)) return;
        auto g = gate(
            id, "relation", GateKind::kSession, r.gate, identity_owner(r.identity), d_.session_p,
            "default", d_.session_cost,
            fmt::format("{}'s credentials on {}", identity_label(r.identity), asset_label(r.host)),
            fmt::format("stop {}'s credentials being left on {}", identity_label(r.identity),
                        asset_label(r.host)));
        if (g) chain("admin@" + r.host, *g, "id:" + r.identity);
        return;
      }
      case RelationKind::kControls: {  // C9
        if (!need_id(r.from) || !need_id(r.to)) return;
        auto g = gate(id, "relation", GateKind::kControls, r.gate, identity_owner(r.to), d_.admin_p,
                      "default", d_.admin_cost, fmt::format("{} controls {}", from, to),
                      fmt::format("remove {}'s control over {} (password reset, full control, "
                                  "added credentials)",
                                  from, to));
        if (g) chain("id:" + r.from, *g, "id:" + r.to);
        return;
      }
      case RelationKind::kSso: {  // C10
        if (!need_asset(r.from) || !need_asset(r.to)) return;
        auto g =
            gate(id, "relation", GateKind::kSso, r.gate, asset_owner(r.to), d_.sso_p, "default",
                 d_.sso_cost, fmt::format("{} signs users in to {} (SSO)", from, to),
                 fmt::format("restrict or remove the SSO trust from {} to {}", from, to));
        if (g) chain("admin@" + r.from, *g, "admin@" + r.to);
        return;
      }
      case RelationKind::kExecOn: {  // C11
        if (!need_asset(r.from) || !need_asset(r.to)) return;
        std::string level = user_or_admin(r.level_admin);
        auto g = gate(id, "relation", GateKind::kExecOn, r.gate, asset_owner(r.to), d_.exec_on_p,
                      "default", d_.exec_on_cost,
                      fmt::format("{} can run code on {} as {}", from, to, level),
                      fmt::format("remove {}'s ability to run code on {}", from, to));
        if (g) {
          chain(fmt::format("{}@{}", user_or_admin(r.requires_admin), r.from), *g,
                fmt::format("{}@{}", level, r.to));
        }
        return;
      }
    }
  }

  // ---- C12, C13, C14 ----
  void c12_c14_entry(const EntryPoint& e) {
    auto tag = static_cast<std::uint32_t>(g_.entries.size());
    g_.entries.push_back(EntryRef{e.id, e.kind});
    switch (e.kind) {
      case EntryKind::kNetwork:  // C12
        if (zones_.count(e.zone) == 0) {
          return skip("entry point", e.id, fmt::format("zone {} unknown", e.zone));
        }
        g_.add_edge(g_.attacker, g_.add_state("net:" + e.zone), tag);
        if (zones_left_.count(e.zone) == 0) {
          warn(Errc::kUsage,
               fmt::format("entry point {}: no flow leaves zone {}, so this entry reaches "
                           "nothing",
                           e.id, e.zone),
               e.origin);
        }
        return;
      case EntryKind::kPhishing: {  // C13
        std::size_t used = 0;
        for (const auto& p : m_.people) {
          if (phish(p, tag)) ++used;
        }
        if (used == 0) {
          warn(Errc::kUsage,
               fmt::format("entry point {}: no person can be phished (people with phish_p > 0, "
                           "a known identity or workstation)",
                           e.id),
               e.origin);
        }
        return;
      }
      case EntryKind::kIdentity:  // C14
        if (identity(e.identity) == nullptr) {
          return skip("entry point", e.id, fmt::format("identity {} unknown", e.identity));
        }
        g_.add_edge(g_.attacker, g_.add_state("id:" + e.identity), tag);
        return;
    }
  }

  // One gate per person, two successors; another phishing entry adds only its attacker edge.
  bool phish(const Person& p, std::uint32_t tag) {
    double pp = p.phish_p.value_or(d_.phish_p);
    if (!(pp > 0)) return false;
    std::string id = "phish." + p.id;
    if (auto it = phish_gates_.find(id); it != phish_gates_.end()) {
      g_.add_edge(g_.attacker, it->second, tag);
      return true;
    }
    bool ws = !p.workstation.empty() && asset(p.workstation) != nullptr;
    bool ident = !p.identity.empty() && identity(p.identity) != nullptr;
    if ((!p.workstation.empty() && !ws) || (!p.identity.empty() && !ident) || (!ws && !ident)) {
      skip("person", p.id, "workstation or identity unknown");
      return false;
    }
    GateFields gf;
    gf.owner = p.owner.empty() ? p.id : p.owner;  // a phishing gate belongs to the person
    gf.p = p.phish_p;
    gf.fix_cost = p.phish_fix_cost;
    gf.fix = p.fix;
    std::string what = ident && ws ? fmt::format("{}, {}", p.identity, p.workstation)
                                   : (ident ? p.identity : p.workstation);
    auto g = gate(id, "person", GateKind::kPhish, gf, {}, d_.phish_p, "default", d_.phish_cost,
                  fmt::format("{} can be phished ({})", p.id, what),
                  fmt::format("phishing training and phishing-resistant MFA for {}", p.id));
    if (!g) return false;
    phish_gates_.emplace(id, *g);
    g_.add_edge(g_.attacker, *g, tag);
    if (ws) g_.add_edge(*g, g_.add_state("user@" + p.workstation));
    if (ident) g_.add_edge(*g, g_.add_state("id:" + p.identity));
    return true;
  }

  // ---- C15 ----
  void c15_targets() {
    std::vector<std::string> names;
    for (const auto& t : m_.targets) {
      auto s = detail::parse_state_name(t);
      if (!s) {
        skip("target", t, "not a state name");
        continue;
      }
      using K = detail::StateName::Kind;
      bool known = (s->kind == K::kUser || s->kind == K::kAdmin) ? asset(s->ref) != nullptr
                   : s->kind == K::kId                           ? identity(s->ref) != nullptr
                                                                 : zones_.count(s->ref) != 0;
      if (!known) {
        skip("target", t, fmt::format("{} unknown", s->ref));
        continue;
      }
      names.push_back(s->kind == K::kReach ? fmt::format("reach:{}:{}", s->ref, s->port) : t);
    }
    for (const auto& a : m_.assets) {
      if (a.crown_jewel) names.push_back("admin@" + a.id);
    }
    for (const auto& i : m_.identities) {
      if (i.crown_jewel) names.push_back("id:" + i.id);
    }
    std::vector<bool> has_in(g_.nodes.size(), false);
    for (const Edge& e : g_.edges) has_in[e.to] = true;
    std::unordered_set<std::string> seen;
    for (auto& name : names) {
      if (!seen.insert(name).second) continue;
      // A target state nothing leads to (before its own edge into `target`).
      NodeId node = g_.add_state(name);
      if (node >= has_in.size() || !has_in[node]) dead_targets_.push_back(name);
      auto tag = static_cast<std::uint32_t>(g_.targets.size());
      g_.targets.push_back(TargetRef{name, node});
      g_.add_edge(node, g_.target, kNoTag, tag);
    }
  }

  // ---- warnings that need the whole graph ----
  void warn(Errc code, std::string msg, const Origin& o = {}) {
    warnings_.emplace_back(code, std::move(msg), o.file, o.line);
  }

  void warn_after() {
    if (!skipped_.empty()) {
      warn(Errc::kUsage,
           fmt::format("{} left out of the graph because they do not validate (run `shieldwall "
                       "graph check`): {}",
                       plural(skipped_.size(), "item", "items"), some(skipped_)));
    }
    if (!no_edge_.empty()) {
      std::size_t n = 0;
      std::string kinds;
      for (const auto& [kind, count] : no_edge_) {
        n += count;
        if (!kinds.empty()) kinds += ", ";
        kinds += fmt::format("{}: {}", kind, count);
      }
      warn(Errc::kUnsupported, fmt::format("{} make no attack step and stay plain findings ({})",
                                           plural(n, "finding", "findings"), kinds));
    }
    std::vector<bool> has_in(g_.nodes.size(), false);
    for (const Edge& e : g_.edges) has_in[e.to] = true;
    std::vector<std::string> unreached_vulns;
    for (const auto& [what, reach] : code_exec_) {
      if (!has_in[reach]) unreached_vulns.push_back(what);
    }
    if (!unreached_vulns.empty()) {
      warn(Errc::kUsage,
           fmt::format("{} on ports no flow reaches, so no path uses them: {}",
                       plural(unreached_vulns.size(), "code_exec vuln sits", "code_exec vulns sit"),
                       some(unreached_vulns)));
    }
    if (!flows_to_empty_.empty()) {
      warn(Errc::kUsage, fmt::format("{} into zones where no asset is: {}",
                                     plural(flows_to_empty_.size(), "flow leads", "flows lead"),
                                     some(flows_to_empty_)));
    }
    if (!dead_targets_.empty()) {
      warn(Errc::kUsage,
           fmt::format("{} that no rule of the model leads to, so never reached: {}",
                       plural(dead_targets_.size(), "target", "targets"), some(dead_targets_)));
    }
    if (!unowned_.empty()) {
      warn(Errc::kUsage,
           fmt::format("{} no owner (none given, none to inherit); the per-owner split shows "
                       "them under \"\": {}",
                       plural(unowned_.size(), "gate has", "gates have"), some(unowned_)));
    }
    if (!m_.owners.empty()) {
      std::set<std::string> declared;
      for (const auto& o : m_.owners) declared.insert(o.id);
      std::set<std::string> unknown;
      for (const Node& n : g_.nodes) {
        if (n.kind == NodeKind::kGate && !n.owner.empty() && declared.count(n.owner) == 0) {
          unknown.insert(n.owner);
        }
      }
      if (!unknown.empty()) {
        warn(Errc::kUsage,
             fmt::format("gate owners not listed in owners (a typo?): {}",
                         some(std::vector<std::string>(unknown.begin(), unknown.end()))));
      }
    }
  }

  const Model& m_;
  const Defaults& d_;
  AttackGraph g_;
  std::vector<Error> warnings_;
  std::unordered_set<std::string> zones_;
  std::unordered_set<std::string> zones_left_;         // zones some flow leaves
  std::unordered_set<std::string> zones_with_assets_;  // zones some asset is in
  std::unordered_map<std::string, const Asset*> assets_;
  std::unordered_map<std::string, const Identity*> identities_;
  std::unordered_map<std::string, NodeId> phish_gates_;
  std::vector<std::string> skipped_, flows_to_empty_, dead_targets_, unowned_;
  std::vector<std::pair<std::string, NodeId>> code_exec_;  // "f-x (dmz tcp/22)", its reach state
  std::map<std::string, std::size_t> no_edge_;             // reason -> findings
};

}  // namespace

CompileResult compile(const Model& model, const Defaults& defaults) {
  try {
    return Compiler(model, defaults).run();
  } catch (const std::exception& e) {  // bad_alloc; nothing else throws here
    CompileResult out;
    out.graph.add_state("attacker");
    out.graph.add_state("target");
    out.graph.finish();
    out.warnings.emplace_back(Errc::kInternal, fmt::format("compiling failed: {}", e.what()));
    return out;
  }
}

}  // namespace sw::graph
