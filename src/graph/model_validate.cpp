// SPDX-License-Identifier: Apache-2.0
// validate(): the checks across a merged shieldwall.graph/v1 model (model.h;
// ../shared/specs/graph.md, 2.2 and the preconditions of the compile rules in 2.3): every item's
// own field rules again (models may be built by code, not read), unique ids, gate ids unique across
// flows, findings, relations and phishing gates (they share one namespace in the compiled graph),
// and every reference resolved. One Error per problem, naming file, line where known, item kind
// and id. Hand-written: these are our schema's rules.
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "graph/model.h"
#include "graph/model_rules.h"

namespace sw::graph {
namespace {

std::string where(const Origin& o) {
  if (o.file.empty()) return "the model";
  return o.line > 0 ? fmt::format("{}:{}", o.file, o.line) : o.file;
}

class Validator {
 public:
  explicit Validator(const Model& m) : m_(m) {}

  std::vector<Error> run() {
    index("zone", m_.zones, zones_);
    index("asset", m_.assets, assets_);
    index("identity", m_.identities, identities_);
    std::unordered_map<std::string, const Owner*> owners;
    index("owner", m_.owners, owners);
    std::unordered_map<std::string, const Person*> people;
    index("person", m_.people, people);
    std::unordered_map<std::string, const EntryPoint*> entries;
    index("entry point", m_.entry_points, entries);
    std::unordered_map<std::string, const Flow*> flows;
    index("flow", m_.flows, flows);
    std::unordered_map<std::string, const Finding*> findings;
    index("finding", m_.findings, findings);
    std::unordered_map<std::string, const Relation*> relations;
    index("relation", m_.relations, relations);

    for (const auto& a : m_.assets) {
      if (!a.zone.empty()) need_zone(a, "asset", "zone", a.zone);
    }
    for (const auto& p : m_.people) {
      if (!p.identity.empty()) need_identity(p, "person", "identity", p.identity);
      if (!p.workstation.empty()) need_asset(p, "person", "workstation", p.workstation);
      gate_id(fmt::format("phish.{}", p.id), "person", p);
    }
    for (const auto& f : m_.flows) {
      for (const auto& z : f.from) need_zone(f, "flow", "from", z);
      for (const auto& z : f.to) need_zone(f, "flow", "to", z);
      gate_id(f.id, "flow", f);
    }
    for (const auto& f : m_.findings) check_finding(f);
    for (const auto& r : m_.relations) check_relation(r);
    for (const auto& e : m_.entry_points) {
      if (e.kind == EntryKind::kNetwork) need_zone(e, "entry point", "zone", e.zone);
      if (e.kind == EntryKind::kIdentity) need_identity(e, "entry point", "identity", e.identity);
    }
    for (const auto& t : m_.targets) check_target(t);
    return std::move(errors_);
  }

 private:
  template <class T>
  void report(const T& item, std::string_view word, std::string_view what) {
    errors_.emplace_back(Errc::kParse, fmt::format("{} {}: {}", word, item.id, what),
                         item.origin.file, item.origin.line);
  }
  template <class T>
  void missing(const T& item, std::string_view word, std::string_view what) {
    errors_.emplace_back(Errc::kNotFound, fmt::format("{} {}: {}", word, item.id, what),
                         item.origin.file, item.origin.line);
  }

  // Ids unique per array; every item's own rules.
  template <class T, class Map>
  void index(std::string_view word, const std::vector<T>& items, Map& map) {
    for (const T& item : items) {
      for (const auto& p : detail::check_item(item)) report(item, word, p);
      auto [it, inserted] = map.try_emplace(item.id, &item);
      if (!inserted) {
        report(item, word,
               fmt::format("the id is used twice (also at {})", where(it->second->origin)));
      }
    }
  }

  template <class T>
  void need_zone(const T& item, std::string_view word, std::string_view field,
                 const std::string& z) {
    if (!zones_.count(z))
      missing(item, word, fmt::format("{} names zone {}, which no zones entry declares", field, z));
  }
  template <class T>
  const Asset* need_asset(const T& item, std::string_view word, std::string_view field,
                          const std::string& a) {
    auto it = assets_.find(a);
    if (it != assets_.end()) return it->second;
    missing(item, word, fmt::format("{} names asset {}, which is not in assets", field, a));
    return nullptr;
  }
  template <class T>
  void need_identity(const T& item, std::string_view word, std::string_view field,
                     const std::string& i) {
    if (!identities_.count(i)) {
      missing(item, word,
              fmt::format("{} names identity {}, which is not in identities", field, i));
    }
  }

  // Flows, findings, relations and phishing gates become gate nodes named by id: one namespace.
  template <class T>
  void gate_id(const std::string& id, std::string_view word, const T& item) {
    auto [it, inserted] = gate_ids_.try_emplace(id, word, &item.origin);
    if (!inserted) {
      report(item, word,
             fmt::format("gate id {} is also used by the {} at {}; gate ids must be unique "
                         "across flows, findings, relations and phish.<person>",
                         id, it->second.first, where(*it->second.second)));
    }
  }

  void check_finding(const Finding& f) {
    bool vuln = f.kind == "vuln";
    bool secret = f.kind == "secret";
    if (vuln || secret) gate_id(f.id, "finding", f);
    const Asset* asset = nullptr;
    if (!f.asset.empty()) asset = need_asset(f, "finding", "asset", f.asset);
    if (secret && !f.grants.empty()) need_identity(f, "finding", "grants", f.grants);
    if (vuln && f.effect == Effect::kCodeExec && asset != nullptr && !f.port.empty()) {
      if (asset->zone.empty()) {
        report(f, "finding",
               fmt::format("code_exec on {} port {}, but asset {} has no zone, so no flow can "
                           "reach it",
                           f.port, asset->id, asset->id));
      }
      bool found = false;
      for (const auto& s : asset->services) found = found || s.port == f.port;
      if (!found) {
        missing(f, "finding",
                fmt::format("code_exec on port {}, but asset {} lists no service on {}", f.port,
                            asset->id, f.port));
      }
    }
  }

  void check_relation(const Relation& r) {
    gate_id(r.id, "relation", r);
    const char* w = "relation";
    switch (r.kind) {
      case RelationKind::kMemberOf:
      case RelationKind::kControls:
        need_identity(r, w, "from", r.from);
        need_identity(r, w, "to", r.to);
        break;
      case RelationKind::kAdminTo:
      case RelationKind::kCanLogin:
        need_identity(r, w, "from", r.from);
        need_asset(r, w, "to", r.to);
        break;
      case RelationKind::kSession:
        need_identity(r, w, "identity", r.identity);
        need_asset(r, w, "host", r.host);
        break;
      case RelationKind::kSso:
      case RelationKind::kExecOn:
        need_asset(r, w, "from", r.from);
        need_asset(r, w, "to", r.to);
        break;
    }
  }

  void check_target(const std::string& t) {
    auto s = detail::parse_state_name(t);
    auto err = [&](Errc code, std::string what) {
      errors_.emplace_back(code, fmt::format("target {}: {}", t, what));
    };
    if (!s) {
      err(Errc::kParse,
          "not a state name (user@ASSET, admin@ASSET, id:IDENTITY, net:ZONE, reach:ZONE:port)");
      return;
    }
    using K = detail::StateName::Kind;
    switch (s->kind) {
      case K::kUser:
      case K::kAdmin:
        if (!assets_.count(s->ref)) err(Errc::kNotFound, fmt::format("no asset {}", s->ref));
        break;
      case K::kId:
        if (!identities_.count(s->ref)) {
          err(Errc::kNotFound, fmt::format("no identity {}", s->ref));
        }
        break;
      case K::kNet:
      case K::kReach:
        if (!zones_.count(s->ref)) err(Errc::kNotFound, fmt::format("no zone {}", s->ref));
        break;
    }
  }

  const Model& m_;
  std::unordered_map<std::string, const Zone*> zones_;
  std::unordered_map<std::string, const Asset*> assets_;
  std::unordered_map<std::string, const Identity*> identities_;
  std::unordered_map<std::string, std::pair<std::string_view, const Origin*>> gate_ids_;
  std::vector<Error> errors_;
};

}  // namespace

std::vector<Error> validate(const Model& model) {
  try {
    return Validator(model).run();
  } catch (const std::exception& e) {
    return {Error(Errc::kInternal, fmt::format("validating the model failed: {}", e.what()))};
  }
}

}  // namespace sw::graph
