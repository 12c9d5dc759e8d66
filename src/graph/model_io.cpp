// SPDX-License-Identifier: Apache-2.0
// Reading shieldwall.graph/v1 models (model.h; ../shared/specs/graph.md, 2.2): one reader over the
// internal document form of model_doc.h (JSON and YAML alike), item by item. A bad item is
// reported (file, line where known, item kind and id, what is wrong) and skipped; the rest is kept.
// Items are merged into the model by id per top-level array: an identical duplicate (same
// canonical form, model_rules.h) is accepted once, the same id with other content is an error
// naming both places. `targets` merge as a set. Hand-written: this is our own schema.
#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <memory>
#include <set>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "graph/model.h"
#include "graph/model_doc.h"
#include "graph/model_rules.h"

namespace sw::graph {

std::string_view relation_kind_name(RelationKind k) {
  switch (k) {
    case RelationKind::kMemberOf:
      return "member_of";
    case RelationKind::kAdminTo:
      return "admin_to";
    case RelationKind::kCanLogin:
      return "can_login";
    case RelationKind::kSession:
      return "session";
    case RelationKind::kControls:
      return "controls";
    case RelationKind::kSso:
      return "sso";
    case RelationKind::kExecOn:
      return "exec_on";
  }
  return "?";
}

std::optional<RelationKind> parse_relation_kind(std::string_view s) {
  for (auto k : {RelationKind::kMemberOf, RelationKind::kAdminTo, RelationKind::kCanLogin,
                 RelationKind::kSession, RelationKind::kControls, RelationKind::kSso,
                 RelationKind::kExecOn}) {
    if (relation_kind_name(k) == s) return k;
  }
  return std::nullopt;
}

std::string_view entry_kind_name(EntryKind k) {
  switch (k) {
    case EntryKind::kNetwork:
      return "network";
    case EntryKind::kPhishing:
      return "phishing";
    case EntryKind::kIdentity:
      return "identity";
  }
  return "?";
}

std::optional<EntryKind> parse_entry_kind(std::string_view s) {
  for (auto k : {EntryKind::kNetwork, EntryKind::kPhishing, EntryKind::kIdentity}) {
    if (entry_kind_name(k) == s) return k;
  }
  return std::nullopt;
}

namespace {

using json = nlohmann::json;
using detail::ModelDoc;

constexpr std::string_view kSchema = "shieldwall.graph/v1";

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// The top-level arrays, in the order they are read (and ModelIndex's order).
enum Arr : std::size_t {
  kOwners,
  kZones,
  kAssets,
  kIdentities,
  kPeople,
  kFlows,
  kFindings,
  kRelations,
  kEntries,
  kTargets
};
struct ArrName {
  const char* key;
  const char* word;
};
constexpr ArrName kArr[ModelIndex::kArrays] = {
    {"owners", "owner"},        {"zones", "zone"},         {"assets", "asset"},
    {"identities", "identity"}, {"people", "person"},      {"flows", "flow"},
    {"findings", "finding"},    {"relations", "relation"}, {"entry_points", "entry point"},
    {"targets", "target"}};

// The fields of one item: typed getters that record what is wrong, and the unknown rest.
class Fields {
 public:
  Fields(const json& obj, std::vector<std::string>& problems) : obj_(obj), problems_(problems) {}

  const json* raw(const char* key) {
    known_.push_back(key);
    auto it = obj_.find(key);
    return it == obj_.end() ? nullptr : &*it;
  }

  // Absent and null are "". YAML plain integers are taken as their decimal text.
  std::string str(const char* key) {
    const json* v = raw(key);
    if (v == nullptr || v->is_null()) return {};
    if (v->is_string()) return v->get<std::string>();
    if (v->is_number_unsigned()) return std::to_string(v->get<std::uint64_t>());
    if (v->is_number_integer()) return std::to_string(v->get<std::int64_t>());
    problems_.push_back(fmt::format("`{}` must be a string", key));
    return {};
  }

  std::optional<bool> boolean(const char* key) {
    const json* v = raw(key);
    if (v == nullptr || v->is_null()) return std::nullopt;
    if (v->is_boolean()) return v->get<bool>();
    problems_.push_back(fmt::format("`{}` must be true or false", key));
    return std::nullopt;
  }

  std::optional<double> number(const char* key) {
    const json* v = raw(key);
    if (v == nullptr || v->is_null()) return std::nullopt;
    if (v->is_number()) {
      double d = v->get<double>();
      if (std::isfinite(d)) return d;
    }
    problems_.push_back(fmt::format("`{}` must be a number", key));
    return std::nullopt;
  }

  // Absent: kDefault; null: kUnfixable; a number: kValue.
  FixCost cost(const char* key) {
    FixCost c;
    const json* v = raw(key);
    if (v == nullptr) return c;
    if (v->is_null()) {
      c.state = FixCost::State::kUnfixable;
      return c;
    }
    if (v->is_number() && std::isfinite(v->get<double>())) {
      c.state = FixCost::State::kValue;
      c.value = v->get<double>();
      return c;
    }
    problems_.push_back(fmt::format("`{}` must be a number >= 0 or null (not fixable)", key));
    return c;
  }

  // A list of strings (a single string is a list of one); duplicates dropped, order kept.
  std::vector<std::string> strings(const char* key) {
    std::vector<std::string> out;
    const json* v = raw(key);
    if (v == nullptr || v->is_null()) return out;
    auto add = [&](const json& e) {
      std::string s;
      if (e.is_string()) {
        s = e.get<std::string>();
      } else if (e.is_number_integer()) {
        s = e.dump();
      } else {
        problems_.push_back(fmt::format("`{}` must be a list of strings", key));
        return false;
      }
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
      return true;
    };
    if (v->is_array()) {
      for (const auto& e : *v) {
        if (!add(e)) break;
      }
    } else {
      add(*v);
    }
    return out;
  }

  // user|admin (absent: `dflt`).
  bool admin_or_user(const char* key, bool dflt) {
    std::string s = str(key);
    if (s.empty()) return dflt;
    if (s == "admin") return true;
    if (s == "user") return false;
    problems_.push_back(fmt::format("`{}` must be user or admin, got '{}'", key, s));
    return dflt;
  }

  GateFields gate() {
    GateFields g;
    g.owner = str("owner");
    g.fix_cost = cost("fix_cost");
    g.p = number("p");
    g.fix = str("fix");
    return g;
  }

  void problem(std::string p) { problems_.push_back(std::move(p)); }

  json extra() const {
    json e = json::object();
    for (auto it = obj_.begin(); it != obj_.end(); ++it) {
      const std::string& key = it.key();
      bool known =
          std::any_of(known_.begin(), known_.end(), [&](const char* n) { return key == n; });
      if (!known) e[key] = it.value();
    }
    return e;
  }

 private:
  const json& obj_;
  std::vector<std::string>& problems_;
  std::vector<const char*> known_;  // the schema's field names asked for (a handful)
};

// Ports are kept in canonical form when they parse (the rules report those that do not).
std::string port_text(const std::string& s) {
  auto p = detail::canonical_port(s);
  return p ? *p : s;
}

void read(Fields& f, Owner& o) {
  o.kind = f.str("kind");
  o.contact = f.str("contact");
}

void read(Fields& f, Zone& z) { z.name = f.str("name"); }

void read(Fields& f, Asset& a) {
  a.kind = f.str("kind");
  a.zone = f.str("zone");
  a.owner = f.str("owner");
  a.crown_jewel = f.boolean("crown_jewel").value_or(false);
  const json* services = f.raw("services");
  if (services == nullptr || services->is_null()) return;
  if (!services->is_array()) {
    f.problem("`services` must be a list");
    return;
  }
  for (const auto& s : *services) {
    if (!s.is_object()) {
      f.problem("each service must be a mapping {port, product, runs_as}");
      continue;
    }
    std::vector<std::string> sub;
    Fields sf(s, sub);
    Service svc;
    svc.port = port_text(sf.str("port"));
    svc.product = sf.str("product");
    svc.runs_as_admin = sf.admin_or_user("runs_as", false);
    if (svc.port.empty()) sub.emplace_back("needs `port`");
    for (auto& p : sub) f.problem(fmt::format("service {}: {}", svc.port, p));
    a.services.push_back(std::move(svc));
  }
}

void read(Fields& f, Identity& i) {
  i.kind = f.str("kind");
  i.owner = f.str("owner");
  i.crown_jewel = f.boolean("crown_jewel").value_or(false);
}

void read(Fields& f, Person& p) {
  p.identity = f.str("identity");
  p.workstation = f.str("workstation");
  p.owner = f.str("owner");
  p.phish_p = f.number("phish_p");
  p.phish_fix_cost = f.cost("phish_fix_cost");
  // A person is a gate item too (spec 2.2, "every gate item may carry ... p, fix_cost"): the
  // generic names are accepted where the phish_ ones are absent.
  if (auto generic = f.number("p"); generic && !p.phish_p) p.phish_p = generic;
  if (FixCost generic = f.cost("fix_cost"); generic.state != FixCost::State::kDefault &&
                                            p.phish_fix_cost.state == FixCost::State::kDefault) {
    p.phish_fix_cost = generic;
  }
  p.fix = f.str("fix");
}

void read(Fields& f, Flow& fl) {
  fl.from = f.strings("from");
  fl.to = f.strings("to");
  fl.ports = f.strings("ports");
  for (auto& p : fl.ports) p = port_text(p);
  fl.gate = f.gate();
}

void read(Fields& f, Finding& fd) {
  fd.kind = f.str("kind");
  fd.asset = f.str("asset");
  fd.port = f.str("port");
  if (!fd.port.empty()) fd.port = port_text(fd.port);
  fd.cve = f.str("cve");
  std::string effect = f.str("effect");
  if (effect == "code_exec") {
    fd.effect = Effect::kCodeExec;
  } else if (effect == "priv_esc") {
    fd.effect = Effect::kPrivEsc;
  } else if (!effect.empty() && effect != "none") {
    f.problem(fmt::format("`effect` must be code_exec, priv_esc or none, got '{}'", effect));
  }
  fd.kev = f.boolean("kev");
  fd.epss = f.number("epss");
  fd.cvss = f.str("cvss");
  fd.grants = f.str("grants");
  fd.requires_admin = f.admin_or_user("requires", false);
  fd.title = f.str("title");
  fd.gate = f.gate();
}

void read(Fields& f, Relation& r) {
  std::string kind = f.str("kind");
  if (auto k = parse_relation_kind(kind)) {
    r.kind = *k;
  } else {
    f.problem(kind.empty() ? std::string("needs `kind`")
                           : fmt::format("unknown relation kind '{}' (member_of, admin_to, "
                                         "can_login, session, controls, sso, exec_on)",
                                         kind));
  }
  r.from = f.str("from");
  r.to = f.str("to");
  r.identity = f.str("identity");
  r.host = f.str("host");
  if (r.kind == RelationKind::kExecOn) {
    r.requires_admin = f.admin_or_user("requires", true);
    r.level_admin = f.admin_or_user("level", true);
  }
  r.gate = f.gate();
}

void read(Fields& f, EntryPoint& e) {
  std::string kind = f.str("kind");
  if (auto k = parse_entry_kind(kind)) {
    e.kind = *k;
  } else {
    f.problem(kind.empty()
                  ? std::string("needs `kind`")
                  : fmt::format("unknown entry kind '{}' (network, phishing, identity)", kind));
  }
  e.zone = f.str("zone");
  e.identity = f.str("identity");
}

// The canonical form used to decide "same content".
json compare_form(const Flow& f) { return detail::item_json(f, true); }
template <class T>
json compare_form(const T& t) {
  return detail::item_json(t);
}

std::string where(const Origin& o) {
  return o.line > 0 ? fmt::format("{}:{}", o.file, o.line) : o.file;
}

// Names the top-level fields in which two canonical forms differ.
std::string differing_fields(const json& a, const json& b) {
  std::set<std::string> keys;
  for (const auto& [k, v] : a.items()) keys.insert(k);
  for (const auto& [k, v] : b.items()) keys.insert(k);
  std::string out;
  for (const auto& k : keys) {
    bool same = a.contains(k) && b.contains(k) && a.at(k) == b.at(k);
    if (same) continue;
    if (!out.empty()) out += ", ";
    out += k;
  }
  return out;
}

// Brings the merge index up to date with the model's arrays (other code may have added items).
template <class T, class IdOf>
void sync_index(ModelIndex& ix, std::size_t a, const std::vector<T>& items, IdOf id_of) {
  auto& by_id = ix.by_id[a];
  std::size_t& n = ix.indexed[a];
  bool stale = n > items.size() || by_id.size() > n ||
               (n > 0 && by_id.find(id_of(items[n - 1])) == by_id.end());
  if (stale) {
    by_id.clear();
    n = 0;
  }
  for (; n < items.size(); ++n) by_id.try_emplace(id_of(items[n]), n);
}

void sync_all(Model& m) {
  auto id = [](const auto& item) -> const std::string& { return item.id; };
  sync_index(m.index, kOwners, m.owners, id);
  sync_index(m.index, kZones, m.zones, id);
  sync_index(m.index, kAssets, m.assets, id);
  sync_index(m.index, kIdentities, m.identities, id);
  sync_index(m.index, kPeople, m.people, id);
  sync_index(m.index, kFlows, m.flows, id);
  sync_index(m.index, kFindings, m.findings, id);
  sync_index(m.index, kRelations, m.relations, id);
  sync_index(m.index, kEntries, m.entry_points, id);
  sync_index(m.index, kTargets, m.targets,
             [](const std::string& s) -> const std::string& { return s; });
}

class Reader {
 public:
  Reader(const std::string& origin, Model& model, std::vector<Error>& errors)
      : origin_(origin), model_(model), errors_(errors) {}

  void read_doc(const ModelDoc& doc) {
    const json& root = doc.root;
    for (const auto& [key, value] : root.items()) {
      if (key == "schema" || key == "org" || key.starts_with("x-")) continue;
      bool known = false;
      for (const auto& a : kArr) known = known || key == a.key;
      if (!known) {
        errors_.emplace_back(Errc::kParse,
                             fmt::format("unknown top-level field `{}` ignored (a typo of one "
                                         "of owners, zones, assets, identities, people, flows, "
                                         "findings, relations, entry_points, targets?)",
                                         key),
                             origin_, doc.key_line(key));
      }
    }
    if (auto it = root.find("org"); it != root.end() && !it->is_null()) {
      if (!it->is_string()) {
        errors_.emplace_back(Errc::kParse, "`org` must be a string", origin_, doc.key_line("org"));
      } else if (model_.org.empty()) {
        model_.org = it->get<std::string>();
      }
    }
    read_array(doc, kOwners, model_.owners);
    read_array(doc, kZones, model_.zones);
    read_array(doc, kAssets, model_.assets);
    read_array(doc, kIdentities, model_.identities);
    read_array(doc, kPeople, model_.people);
    read_array(doc, kFlows, model_.flows);
    read_array(doc, kFindings, model_.findings);
    read_array(doc, kRelations, model_.relations);
    read_array(doc, kEntries, model_.entry_points);
    read_targets(doc);
  }

 private:
  const json* section(const ModelDoc& doc, Arr a) {
    auto it = doc.root.find(kArr[a].key);
    if (it == doc.root.end() || it->is_null()) return nullptr;
    if (!it->is_array()) {
      errors_.emplace_back(Errc::kParse, fmt::format("`{}` must be a list", kArr[a].key), origin_,
                           doc.key_line(kArr[a].key));
      return nullptr;
    }
    return &*it;
  }

  template <class T>
  void read_array(const ModelDoc& doc, Arr a, std::vector<T>& out) {
    const json* items = section(doc, a);
    if (items == nullptr) return;
    const char* word = kArr[a].word;
    for (std::size_t i = 0; i < items->size(); ++i) {
      const json& item = (*items)[i];
      Origin origin{origin_, doc.item_line(kArr[a].key, i)};
      if (!item.is_object()) {
        errors_.emplace_back(
            Errc::kParse,
            fmt::format("{} #{}: not a mapping (an item is {{id: ..., ...}})", word, i + 1),
            origin.file, origin.line);
        continue;
      }
      std::vector<std::string> problems;
      Fields f(item, problems);
      T t;
      t.id = f.str("id");
      read(f, t);
      t.extra = f.extra();
      t.origin = origin;
      for (auto& p : detail::check_item(t)) {
        if (t.id.empty() && p == "has no id") continue;  // said below
        problems.push_back(std::move(p));
      }
      if (t.id.empty()) problems.insert(problems.begin(), "has no id");
      if (!problems.empty()) {
        std::string name = t.id.empty() ? fmt::format("#{}", i + 1) : t.id;
        for (const auto& p : problems) {
          errors_.emplace_back(Errc::kParse, fmt::format("{} {}: {}", word, name, p), origin.file,
                               origin.line);
        }
        continue;
      }
      merge(a, out, std::move(t));
    }
  }

  template <class T>
  void merge(Arr a, std::vector<T>& out, T item) {
    auto& by_id = model_.index.by_id[a];
    auto [it, inserted] = by_id.try_emplace(item.id, out.size());
    if (inserted) {
      out.push_back(std::move(item));
      model_.index.indexed[a] = out.size();
      return;
    }
    const T& old = out[it->second];
    json was = compare_form(old);
    json now = compare_form(item);
    if (was == now) return;  // the same item again (another export of the same fact)
    errors_.emplace_back(Errc::kParse,
                         fmt::format("{} {}: conflicts with {} {} read from {} (differs in: {}); "
                                     "this one is ignored",
                                     kArr[a].word, item.id, kArr[a].word, old.id, where(old.origin),
                                     differing_fields(was, now)),
                         item.origin.file, item.origin.line);
  }

  void read_targets(const ModelDoc& doc) {
    auto it = doc.root.find("targets");
    if (it == doc.root.end() || it->is_null()) return;
    int line = doc.key_line("targets");
    json list = it->is_string() ? json::array({*it}) : *it;
    if (!list.is_array()) {
      errors_.emplace_back(Errc::kParse, "`targets` must be a list of state names", origin_, line);
      return;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      const json& t = list[i];
      int item_line = doc.item_line("targets", i);
      if (item_line == 0) item_line = line;
      if (!t.is_string()) {
        errors_.emplace_back(Errc::kParse, fmt::format("target #{}: not a string", i + 1), origin_,
                             item_line);
        continue;
      }
      std::string s = t.get<std::string>();
      auto state = detail::parse_state_name(s);
      if (!state) {
        errors_.emplace_back(Errc::kParse,
                             fmt::format("target {}: not a state name (user@ASSET, admin@ASSET, "
                                         "id:IDENTITY, net:ZONE, reach:ZONE:proto/port)",
                                         s),
                             origin_, item_line);
        continue;
      }
      if (state->kind == detail::StateName::Kind::kReach) {
        s = fmt::format("reach:{}:{}", state->ref, state->port);
      }
      auto [pos, inserted] = model_.index.by_id[kTargets].try_emplace(s, model_.targets.size());
      if (inserted) {
        model_.targets.push_back(std::move(s));
        model_.index.indexed[kTargets] = model_.targets.size();
      }
    }
  }

  const std::string& origin_;
  Model& model_;
  std::vector<Error>& errors_;
};

}  // namespace

Result<void> load_model_text(std::string_view text, const std::string& origin, Model& model,
                             std::vector<Error>& errors) {
  try {
    std::vector<ModelDoc> docs;
    if (detail::is_yaml(origin, text)) {
      auto parsed = detail::parse_yaml_docs(text, origin);
      if (!parsed) return Unexpected(parsed.error());
      docs = std::move(*parsed);
    } else {
      auto parsed = detail::parse_json_doc(text, origin);
      if (!parsed) return Unexpected(parsed.error());
      docs.push_back(std::move(*parsed));
    }
    // The file as a whole first: a wrong schema or a non-mapping document loads nothing.
    for (const ModelDoc& doc : docs) {
      if (doc.root.is_null()) continue;  // an empty YAML document
      if (!doc.root.is_object()) {
        return fail(Errc::kParse,
                    "not a shieldwall.graph/v1 model (the top level must be a mapping)", origin,
                    doc.line);
      }
      if (auto it = doc.root.find("schema"); it != doc.root.end()) {
        if (!it->is_string() || it->get<std::string>() != kSchema) {
          return fail(Errc::kUnsupported,
                      fmt::format("schema {} is not supported (expected {})", it->dump(), kSchema),
                      origin, doc.key_line("schema"));
        }
      }
    }
    sync_all(model);
    model.files.push_back(origin);
    Reader reader(origin, model, errors);
    for (const ModelDoc& doc : docs) {
      if (doc.root.is_object()) reader.read_doc(doc);
    }
  } catch (const std::exception& e) {
    // Not expected (nlohmann and yaml-cpp are caught where they are called); no throw escapes.
    return fail(Errc::kInternal, fmt::format("reading the model failed: {}", e.what()), origin);
  }
  return {};
}

Result<void> load_model_file(const std::string& path, Model& model, std::vector<Error>& errors) {
  std::string text;
  std::FILE* raw = std::fopen(path.c_str(), "rb");
  if (raw == nullptr) return Unexpected(error_from_errno(errno, "cannot open", path));
  std::unique_ptr<std::FILE, FileCloser> file(raw);
  std::array<char, 65536> buf{};
  for (;;) {
    std::size_t n = std::fread(buf.data(), 1, buf.size(), file.get());
    if (n == 0) {
      if (std::ferror(file.get()) != 0) {
        return Unexpected(error_from_errno(errno, "read failed", path));
      }
      break;
    }
    if (text.size() + n > detail::kMaxModelBytes) {
      return fail(Errc::kIo, fmt::format("larger than the {} byte limit", detail::kMaxModelBytes),
                  path);
    }
    text.append(buf.data(), n);
  }
  return load_model_text(text, path, model, errors);
}

nlohmann::json model_to_json(const Model& model) {
  json j = {{"schema", kSchema}};
  if (!model.org.empty()) j["org"] = model.org;
  auto put = [&](const char* key, const auto& items) {
    json arr = json::array();
    for (const auto& item : items) arr.push_back(detail::item_json(item));
    j[key] = std::move(arr);
  };
  put("owners", model.owners);
  put("zones", model.zones);
  put("assets", model.assets);
  put("identities", model.identities);
  put("people", model.people);
  put("flows", model.flows);
  put("findings", model.findings);
  put("relations", model.relations);
  put("entry_points", model.entry_points);
  j["targets"] = model.targets;
  return j;
}

}  // namespace sw::graph
