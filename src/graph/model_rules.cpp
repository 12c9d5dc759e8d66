// SPDX-License-Identifier: Apache-2.0
// Field rules of one shieldwall.graph/v1 item (model_rules.h; ../shared/specs/graph.md, 2.2) and
// the canonical JSON form of each item. Hand-written: these are our schema's rules.
#include "graph/model_rules.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <set>

#include <fmt/format.h>

namespace sw::graph::detail {
namespace {

using json = nlohmann::json;

bool id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == ':' || c == '/' || c == '-';
}

void check_id(std::string_view id, std::vector<std::string>& out) {
  if (id.empty()) {
    out.emplace_back("has no id");
  } else if (id.size() > kMaxIdLength) {
    out.push_back(fmt::format("id longer than {} characters", kMaxIdLength));
  } else if (!valid_id(id)) {
    out.emplace_back("id may only hold letters, digits and . _ : / -");
  }
}

void check_ref(std::string_view field, std::string_view ref, std::vector<std::string>& out) {
  if (ref.empty()) {
    out.push_back(fmt::format("needs `{}`", field));
  } else if (!valid_id(ref)) {
    out.push_back(fmt::format("{} '{}' is not a valid id", field, ref));
  }
}

void check_opt_ref(std::string_view field, std::string_view ref, std::vector<std::string>& out) {
  if (!ref.empty()) check_ref(field, ref, out);
}

void check_p(std::string_view field, const std::optional<double>& p, bool zero_ok,
             std::vector<std::string>& out) {
  if (!p) return;
  bool ok = std::isfinite(*p) && *p <= 1 && (zero_ok ? *p >= 0 : *p > 0);
  if (!ok)
    out.push_back(fmt::format("{} must be in {}0, 1], got {}", field, zero_ok ? "[" : "(", *p));
}

void check_cost(std::string_view field, const FixCost& c, std::vector<std::string>& out) {
  if (c.state != FixCost::State::kValue) return;
  if (!std::isfinite(c.value) || c.value < 0) {
    out.push_back(
        fmt::format("{} must be a number >= 0 or null (not fixable), got {}", field, c.value));
  }
}

void check_gate(const GateFields& g, std::vector<std::string>& out) {
  check_p("p", g.p, false, out);
  check_cost("fix_cost", g.fix_cost, out);
}

void check_port(std::string_view field, std::string_view port, std::vector<std::string>& out) {
  std::string why = port_problem(port);
  if (!why.empty()) out.push_back(fmt::format("{}: {}", field, why));
}

void put(json& j, const char* key, const std::string& v) {
  if (!v.empty()) j[key] = v;
}

void put_cost(json& j, const char* key, const FixCost& c) {
  if (c.state == FixCost::State::kUnfixable) j[key] = nullptr;
  if (c.state == FixCost::State::kValue) j[key] = c.value;
}

void put_gate(json& j, const GateFields& g) {
  put(j, "owner", g.owner);
  put_cost(j, "fix_cost", g.fix_cost);
  if (g.p) j["p"] = *g.p;
  put(j, "fix", g.fix);
}

void put_extra(json& j, const json& extra) {
  if (!extra.is_object()) return;
  for (const auto& [k, v] : extra.items()) {
    if (!j.contains(k)) j[k] = v;
  }
}

json list(std::vector<std::string> v, bool sorted) {
  if (sorted) std::sort(v.begin(), v.end());
  return json(std::move(v));
}

}  // namespace

bool valid_id(std::string_view id) {
  return !id.empty() && id.size() <= kMaxIdLength && std::all_of(id.begin(), id.end(), id_char);
}

std::optional<std::string> canonical_port(std::string_view text) {
  auto slash = text.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 >= text.size()) {
    return std::nullopt;
  }
  std::string proto(text.substr(0, slash));
  for (char& c : proto) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return std::nullopt;
  }
  if (proto.size() > 16 || !(proto[0] >= 'a' && proto[0] <= 'z')) return std::nullopt;
  std::string_view num = text.substr(slash + 1);
  if (num.size() > 10 ||
      !std::all_of(num.begin(), num.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  std::uint64_t n = 0;
  auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), n);
  if (ec != std::errc() || p != num.data() + num.size()) return std::nullopt;
  bool ip = proto == "tcp" || proto == "udp" || proto == "sctp";
  if (n > (ip ? 65535u : 4294967295u)) return std::nullopt;
  return fmt::format("{}/{}", proto, n);
}

std::string port_problem(std::string_view text) {
  if (text == "any" || text.ends_with("/any") || text == "*" || text.ends_with("/*")) {
    return fmt::format("'{}': v1 has no wildcard ports, list them (e.g. tcp/443)", text);
  }
  if (!canonical_port(text)) {
    return fmt::format("'{}' is not a port; write proto/number, e.g. tcp/443", text);
  }
  return {};
}

std::optional<StateName> parse_state_name(std::string_view name) {
  StateName s;
  auto at = name.find('@');
  if (name.starts_with("user@")) {
    s.kind = StateName::Kind::kUser;
    s.ref = name.substr(at + 1);
  } else if (name.starts_with("admin@")) {
    s.kind = StateName::Kind::kAdmin;
    s.ref = name.substr(at + 1);
  } else if (name.starts_with("id:")) {
    s.kind = StateName::Kind::kId;
    s.ref = name.substr(3);
  } else if (name.starts_with("net:")) {
    s.kind = StateName::Kind::kNet;
    s.ref = name.substr(4);
  } else if (name.starts_with("reach:")) {
    s.kind = StateName::Kind::kReach;
    std::string_view rest = name.substr(6);
    // The zone id may itself hold ':'; the port is the part after the last ':'.
    auto colon = rest.rfind(':');
    if (colon == std::string_view::npos) return std::nullopt;
    s.ref = rest.substr(0, colon);
    auto port = canonical_port(rest.substr(colon + 1));
    if (!port) return std::nullopt;
    s.port = *port;
  } else {
    return std::nullopt;
  }
  if (!valid_id(s.ref)) return std::nullopt;
  return s;
}

std::string_view effect_name(Effect e) {
  switch (e) {
    case Effect::kCodeExec:
      return "code_exec";
    case Effect::kPrivEsc:
      return "priv_esc";
    case Effect::kNone:
      return "none";
  }
  return "none";
}

// ---- one item's problems ----

std::vector<std::string> check_item(const Owner& o) {
  std::vector<std::string> out;
  check_id(o.id, out);
  return out;
}

std::vector<std::string> check_item(const Zone& z) {
  std::vector<std::string> out;
  check_id(z.id, out);
  return out;
}

std::vector<std::string> check_item(const Asset& a) {
  std::vector<std::string> out;
  check_id(a.id, out);
  check_opt_ref("zone", a.zone, out);
  std::set<std::string> ports;
  for (const Service& s : a.services) {
    check_port("service port", s.port, out);
    if (!ports.insert(s.port).second) {
      out.push_back(fmt::format("two services on port {}", s.port));
    }
  }
  return out;
}

std::vector<std::string> check_item(const Identity& i) {
  std::vector<std::string> out;
  check_id(i.id, out);
  return out;
}

std::vector<std::string> check_item(const Person& p) {
  std::vector<std::string> out;
  check_id(p.id, out);
  check_opt_ref("identity", p.identity, out);
  check_opt_ref("workstation", p.workstation, out);
  if (p.identity.empty() && p.workstation.empty()) {
    out.emplace_back("needs `identity` or `workstation` (what phishing this person gives)");
  }
  check_p("phish_p", p.phish_p, true, out);
  check_cost("phish_fix_cost", p.phish_fix_cost, out);
  return out;
}

std::vector<std::string> check_item(const Flow& f) {
  std::vector<std::string> out;
  check_id(f.id, out);
  if (f.from.empty()) out.emplace_back("needs `from` (zones)");
  if (f.to.empty()) out.emplace_back("needs `to` (zones)");
  if (f.ports.empty()) out.emplace_back("needs `ports`");
  for (const auto& z : f.from) check_ref("from", z, out);
  for (const auto& z : f.to) check_ref("to", z, out);
  for (const auto& p : f.ports) check_port("ports", p, out);
  check_gate(f.gate, out);
  return out;
}

std::vector<std::string> check_item(const Finding& f) {
  std::vector<std::string> out;
  check_id(f.id, out);
  if (f.kind.empty()) out.emplace_back("needs `kind` (vuln, secret, ...)");
  bool vuln = f.kind == "vuln";
  bool secret = f.kind == "secret";
  if (vuln || secret) check_ref("asset", f.asset, out);
  if (vuln && f.effect == Effect::kCodeExec) {
    if (f.port.empty()) {
      out.emplace_back("a code_exec vuln needs `port` (the service it is in)");
    } else {
      check_port("port", f.port, out);
    }
  } else if (!f.port.empty()) {
    check_port("port", f.port, out);
  }
  if (secret) check_ref("grants", f.grants, out);
  if (f.epss && !(std::isfinite(*f.epss) && *f.epss >= 0 && *f.epss <= 1)) {
    out.push_back(fmt::format("epss must be in [0, 1], got {}", *f.epss));
  }
  check_gate(f.gate, out);
  return out;
}

std::vector<std::string> check_item(const Relation& r) {
  std::vector<std::string> out;
  check_id(r.id, out);
  if (r.kind == RelationKind::kSession) {
    check_ref("identity", r.identity, out);
    check_ref("host", r.host, out);
  } else {
    check_ref("from", r.from, out);
    check_ref("to", r.to, out);
  }
  check_gate(r.gate, out);
  return out;
}

std::vector<std::string> check_item(const EntryPoint& e) {
  std::vector<std::string> out;
  check_id(e.id, out);
  if (e.kind == EntryKind::kNetwork) check_ref("zone", e.zone, out);
  if (e.kind == EntryKind::kIdentity) check_ref("identity", e.identity, out);
  return out;
}

// ---- canonical JSON ----

json item_json(const Owner& o) {
  json j = {{"id", o.id}};
  put(j, "kind", o.kind);
  put(j, "contact", o.contact);
  put_extra(j, o.extra);
  return j;
}

json item_json(const Zone& z) {
  json j = {{"id", z.id}};
  put(j, "name", z.name);
  put_extra(j, z.extra);
  return j;
}

json item_json(const Asset& a) {
  json j = {{"id", a.id}};
  put(j, "kind", a.kind);
  put(j, "zone", a.zone);
  put(j, "owner", a.owner);
  if (a.crown_jewel) j["crown_jewel"] = true;
  if (!a.services.empty()) {
    json s = json::array();
    for (const Service& svc : a.services) {
      json one = {{"port", svc.port}, {"runs_as", svc.runs_as_admin ? "admin" : "user"}};
      put(one, "product", svc.product);
      s.push_back(std::move(one));
    }
    j["services"] = std::move(s);
  }
  put_extra(j, a.extra);
  return j;
}

json item_json(const Identity& i) {
  json j = {{"id", i.id}};
  put(j, "kind", i.kind);
  put(j, "owner", i.owner);
  if (i.crown_jewel) j["crown_jewel"] = true;
  put_extra(j, i.extra);
  return j;
}

json item_json(const Person& p) {
  json j = {{"id", p.id}};
  put(j, "identity", p.identity);
  put(j, "workstation", p.workstation);
  put(j, "owner", p.owner);
  if (p.phish_p) j["phish_p"] = *p.phish_p;
  put_cost(j, "phish_fix_cost", p.phish_fix_cost);
  put(j, "fix", p.fix);
  put_extra(j, p.extra);
  return j;
}

json item_json(const Flow& f, bool for_compare) {
  json j = {{"id", f.id},
            {"from", list(f.from, for_compare)},
            {"to", list(f.to, for_compare)},
            {"ports", list(f.ports, for_compare)}};
  put_gate(j, f.gate);
  put_extra(j, f.extra);
  return j;
}

json item_json(const Finding& f) {
  json j = {{"id", f.id}, {"kind", f.kind}};
  put(j, "asset", f.asset);
  put(j, "port", f.port);
  put(j, "cve", f.cve);
  if (f.effect != Effect::kNone) j["effect"] = effect_name(f.effect);
  if (f.kev) j["kev"] = *f.kev;
  if (f.epss) j["epss"] = *f.epss;
  put(j, "cvss", f.cvss);
  put(j, "grants", f.grants);
  if (f.requires_admin) j["requires"] = "admin";
  put(j, "title", f.title);
  put_gate(j, f.gate);
  put_extra(j, f.extra);
  return j;
}

json item_json(const Relation& r) {
  json j = {{"id", r.id}, {"kind", relation_kind_name(r.kind)}};
  put(j, "from", r.from);
  put(j, "to", r.to);
  put(j, "identity", r.identity);
  put(j, "host", r.host);
  if (r.kind == RelationKind::kExecOn) {
    j["requires"] = r.requires_admin ? "admin" : "user";
    j["level"] = r.level_admin ? "admin" : "user";
  }
  put_gate(j, r.gate);
  put_extra(j, r.extra);
  return j;
}

json item_json(const EntryPoint& e) {
  json j = {{"id", e.id}, {"kind", entry_kind_name(e.kind)}};
  put(j, "zone", e.zone);
  put(j, "identity", e.identity);
  put_extra(j, e.extra);
  return j;
}

}  // namespace sw::graph::detail
