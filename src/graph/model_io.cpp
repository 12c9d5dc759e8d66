// SPDX-License-Identifier: Apache-2.0
// Reading shieldwall.graph/v1 models (model.h; ../shared/specs/graph.md, 2.2): one reader over the
// internal document form of model_doc.h (JSON and YAML alike), item by item. A bad item is
// reported (file, line where known, item kind and id, what is wrong) and skipped; the rest is kept.
// Items are merged into the model by id per top-level array: an identical duplicate (same
// canonical form, model_rules.h) is accepted once, the same id with other content is an error
// naming both places. `targets` merge as a set. Hand-written: this is our own schema.
//
// Two document forms feed the same item readers through a small value view (JsonView, SimdView):
// YAML (and JSON that simdjson refuses, for nlohmann's positioned message) as nlohmann::json, and
// JSON read with simdjson's DOM, which is what makes a 100k-host model (85 MB) load in about a
// second instead of the several that building an nlohmann tree takes.
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

#include <simdjson.h>

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

constexpr std::string_view kSchema = kModelSchema;

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

// ---- Value views: the handful of questions the readers ask of a document value ----

class JsonView {
 public:
  JsonView() = default;
  explicit JsonView(const json* v) : v_(v) {}
  bool absent() const { return v_ == nullptr; }
  bool is_null() const { return v_ != nullptr && v_->is_null(); }
  bool is_string() const { return v_ != nullptr && v_->is_string(); }
  bool is_bool() const { return v_ != nullptr && v_->is_boolean(); }
  bool is_number() const { return v_ != nullptr && v_->is_number(); }
  bool is_integer() const { return v_ != nullptr && v_->is_number_integer(); }
  bool is_array() const { return v_ != nullptr && v_->is_array(); }
  bool is_object() const { return v_ != nullptr && v_->is_object(); }
  std::string string() const { return v_->get<std::string>(); }
  bool boolean() const { return v_->get<bool>(); }
  double number() const { return v_->get<double>(); }
  std::string integer_text() const {
    return v_->is_number_unsigned() ? std::to_string(v_->get<std::uint64_t>())
                                    : std::to_string(v_->get<std::int64_t>());
  }
  std::size_t size() const { return v_->size(); }
  JsonView at(std::size_t i) const { return JsonView(&(*v_)[i]); }
  JsonView find(const char* key) const {
    auto it = v_->find(key);
    return it == v_->end() ? JsonView() : JsonView(&*it);
  }
  template <class Fn>
  void each_member(Fn fn) const {
    for (auto it = v_->begin(); it != v_->end(); ++it)
      fn(std::string_view(it.key()), JsonView(&*it));
  }
  json to_json() const { return v_ == nullptr ? json() : *v_; }

 private:
  const json* v_ = nullptr;
};

class SimdView {
 public:
  SimdView() = default;
  explicit SimdView(simdjson::dom::element e) : e_(e), present_(true) {}
  bool absent() const { return !present_; }
  bool is_null() const { return present_ && e_.is_null(); }
  bool is_string() const { return present_ && e_.is_string(); }
  bool is_bool() const { return present_ && e_.is_bool(); }
  bool is_number() const { return present_ && e_.is_number(); }
  bool is_integer() const { return present_ && (e_.is_int64() || e_.is_uint64()); }
  bool is_array() const { return present_ && e_.is_array(); }
  bool is_object() const { return present_ && e_.is_object(); }
  std::string string() const {
    std::string_view v;
    return e_.get(v) == simdjson::SUCCESS ? std::string(v) : std::string();
  }
  bool boolean() const {
    bool b = false;
    return e_.get(b) == simdjson::SUCCESS && b;
  }
  double number() const {
    double d = 0;
    if (e_.is_int64()) return static_cast<double>(std::int64_t(e_.get_int64().value_unsafe()));
    if (e_.is_uint64()) return static_cast<double>(std::uint64_t(e_.get_uint64().value_unsafe()));
    return e_.get(d) == simdjson::SUCCESS ? d : 0;
  }
  std::string integer_text() const {
    return e_.is_uint64() && !e_.is_int64()
               ? std::to_string(std::uint64_t(e_.get_uint64().value_unsafe()))
               : std::to_string(std::int64_t(e_.get_int64().value_unsafe()));
  }
  std::size_t size() const {
    simdjson::dom::array a;
    return e_.get(a) == simdjson::SUCCESS ? a.size() : 0;
  }
  template <class Fn>
  void each_item(Fn fn) const {
    simdjson::dom::array a;
    if (e_.get(a) != simdjson::SUCCESS) return;
    for (simdjson::dom::element x : a) fn(SimdView(x));
  }
  // The last member of that name wins, as with nlohmann.
  SimdView find(const char* key) const {
    simdjson::dom::object o;
    SimdView found;
    if (e_.get(o) != simdjson::SUCCESS) return found;
    const std::string_view k(key);
    for (auto field : o) {
      if (field.key == k) found = SimdView(field.value);
    }
    return found;
  }
  template <class Fn>
  void each_member(Fn fn) const {
    simdjson::dom::object o;
    if (e_.get(o) != simdjson::SUCCESS) return;
    for (auto field : o) fn(field.key, SimdView(field.value));
  }
  json to_json() const {
    if (!present_) return json();
    return json::parse(simdjson::minify(e_), nullptr, /*allow_exceptions=*/false);
  }

 private:
  simdjson::dom::element e_;
  bool present_ = false;
};

// Array iteration for both views.
template <class Fn>
void each_item(const JsonView& v, Fn fn) {
  for (std::size_t i = 0; i < v.size(); ++i) fn(v.at(i));
}
template <class Fn>
void each_item(const SimdView& v, Fn fn) {
  v.each_item(fn);
}

// The fields of one item: typed getters that record what is wrong, and the unknown rest.
template <class V>
class Fields {
 public:
  Fields(V obj, std::vector<std::string>& problems) : obj_(obj), problems_(problems) {}

  V raw(const char* key) {
    known_.push_back(key);
    return obj_.find(key);
  }

  // Absent and null are "". YAML plain integers are taken as their decimal text.
  std::string str(const char* key) {
    V v = raw(key);
    if (v.absent() || v.is_null()) return {};
    if (v.is_string()) return v.string();
    if (v.is_integer()) return v.integer_text();
    problems_.push_back(fmt::format("`{}` must be a string", key));
    return {};
  }

  std::optional<bool> boolean(const char* key) {
    V v = raw(key);
    if (v.absent() || v.is_null()) return std::nullopt;
    if (v.is_bool()) return v.boolean();
    problems_.push_back(fmt::format("`{}` must be true or false", key));
    return std::nullopt;
  }

  std::optional<double> number(const char* key) {
    V v = raw(key);
    if (v.absent() || v.is_null()) return std::nullopt;
    if (v.is_number()) {
      double d = v.number();
      if (std::isfinite(d)) return d;
    }
    problems_.push_back(fmt::format("`{}` must be a number", key));
    return std::nullopt;
  }

  // Absent: kDefault; null: kUnfixable; a number: kValue.
  FixCost cost(const char* key) {
    FixCost c;
    V v = raw(key);
    if (v.absent()) return c;
    if (v.is_null()) {
      c.state = FixCost::State::kUnfixable;
      return c;
    }
    if (v.is_number() && std::isfinite(v.number())) {
      c.state = FixCost::State::kValue;
      c.value = v.number();
      return c;
    }
    problems_.push_back(fmt::format("`{}` must be a number >= 0 or null (not fixable)", key));
    return c;
  }

  // A list of strings (a single string is a list of one); duplicates dropped, order kept.
  std::vector<std::string> strings(const char* key) {
    std::vector<std::string> out;
    V v = raw(key);
    if (v.absent() || v.is_null()) return out;
    bool ok = true;
    auto add = [&](const V& e) {
      if (!ok) return;
      std::string s;
      if (e.is_string()) {
        s = e.string();
      } else if (e.is_integer()) {
        s = e.integer_text();
      } else {
        problems_.push_back(fmt::format("`{}` must be a list of strings", key));
        ok = false;
        return;
      }
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
    };
    if (v.is_array()) {
      each_item(v, add);
    } else {
      add(v);
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
    obj_.each_member([&](std::string_view key, const V& value) {
      bool known =
          std::any_of(known_.begin(), known_.end(), [&](const char* n) { return key == n; });
      if (!known) e[std::string(key)] = value.to_json();
    });
    return e;
  }

 private:
  V obj_;
  std::vector<std::string>& problems_;
  std::vector<const char*> known_;  // the schema's field names asked for (a handful)
};

// Ports are kept in canonical form when they parse (the rules report those that do not).
std::string port_text(const std::string& s) {
  auto p = detail::canonical_port(s);
  return p ? *p : s;
}

template <class V>
void read(Fields<V>& f, Owner& o) {
  o.kind = f.str("kind");
  o.contact = f.str("contact");
}

template <class V>
void read(Fields<V>& f, Zone& z) {
  z.name = f.str("name");
}

template <class V>
void read(Fields<V>& f, Asset& a) {
  a.kind = f.str("kind");
  a.zone = f.str("zone");
  a.owner = f.str("owner");
  a.crown_jewel = f.boolean("crown_jewel").value_or(false);
  V services = f.raw("services");
  if (services.absent() || services.is_null()) return;
  if (!services.is_array()) {
    f.problem("`services` must be a list");
    return;
  }
  each_item(services, [&](const V& s) {
    if (!s.is_object()) {
      f.problem("each service must be a mapping {port, product, runs_as}");
      return;
    }
    std::vector<std::string> sub;
    Fields<V> sf(s, sub);
    Service svc;
    svc.port = port_text(sf.str("port"));
    svc.product = sf.str("product");
    svc.runs_as_admin = sf.admin_or_user("runs_as", false);
    if (svc.port.empty()) sub.emplace_back("needs `port`");
    for (auto& p : sub) f.problem(fmt::format("service {}: {}", svc.port, p));
    a.services.push_back(std::move(svc));
  });
}

template <class V>
void read(Fields<V>& f, Identity& i) {
  i.kind = f.str("kind");
  i.owner = f.str("owner");
  i.crown_jewel = f.boolean("crown_jewel").value_or(false);
}

template <class V>
void read(Fields<V>& f, Person& p) {
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

template <class V>
void read(Fields<V>& f, Flow& fl) {
  fl.from = f.strings("from");
  fl.to = f.strings("to");
  fl.ports = f.strings("ports");
  for (auto& p : fl.ports) p = port_text(p);
  fl.gate = f.gate();
}

template <class V>
void read(Fields<V>& f, Finding& fd) {
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

template <class V>
void read(Fields<V>& f, Relation& r) {
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

template <class V>
void read(Fields<V>& f, EntryPoint& e) {
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

  // `doc` gives the lines; `root` the document itself (its object).
  template <class V>
  void read_doc(const ModelDoc& doc, V root) {
    root.each_member([&](std::string_view key, const V&) {
      if (key == "schema" || key == "org" || key.starts_with("x-")) return;
      bool known = false;
      for (const auto& a : kArr) known = known || key == a.key;
      if (!known) {
        errors_.emplace_back(Errc::kParse,
                             fmt::format("unknown top-level field `{}` ignored (a typo of one "
                                         "of owners, zones, assets, identities, people, flows, "
                                         "findings, relations, entry_points, targets?)",
                                         key),
                             origin_, doc.key_line(std::string(key)));
      }
    });
    if (V org = root.find("org"); !org.absent() && !org.is_null()) {
      if (!org.is_string()) {
        errors_.emplace_back(Errc::kParse, "`org` must be a string", origin_, doc.key_line("org"));
      } else if (model_.org.empty()) {
        model_.org = org.string();
      }
    }
    read_array(doc, root, kOwners, model_.owners);
    read_array(doc, root, kZones, model_.zones);
    read_array(doc, root, kAssets, model_.assets);
    read_array(doc, root, kIdentities, model_.identities);
    read_array(doc, root, kPeople, model_.people);
    read_array(doc, root, kFlows, model_.flows);
    read_array(doc, root, kFindings, model_.findings);
    read_array(doc, root, kRelations, model_.relations);
    read_array(doc, root, kEntries, model_.entry_points);
    read_targets(doc, root);
  }

 private:
  template <class V>
  V section(const ModelDoc& doc, V root, Arr a) {
    V it = root.find(kArr[a].key);
    if (it.absent() || it.is_null()) return V();
    if (!it.is_array()) {
      errors_.emplace_back(Errc::kParse, fmt::format("`{}` must be a list", kArr[a].key), origin_,
                           doc.key_line(kArr[a].key));
      return V();
    }
    return it;
  }

  template <class V, class T>
  void read_array(const ModelDoc& doc, V root, Arr a, std::vector<T>& out) {
    V items = section(doc, root, a);
    if (items.absent()) return;
    const char* word = kArr[a].word;
    out.reserve(out.size() + items.size());
    std::size_t i = 0;
    each_item(items, [&](const V& item) {
      const std::size_t index = i++;
      Origin origin{origin_, doc.item_line(kArr[a].key, index)};
      if (!item.is_object()) {
        errors_.emplace_back(
            Errc::kParse,
            fmt::format("{} #{}: not a mapping (an item is {{id: ..., ...}})", word, index + 1),
            origin.file, origin.line);
        return;
      }
      std::vector<std::string> problems;
      Fields<V> f(item, problems);
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
        std::string name = t.id.empty() ? fmt::format("#{}", index + 1) : t.id;
        for (const auto& p : problems) {
          errors_.emplace_back(Errc::kParse, fmt::format("{} {}: {}", word, name, p), origin.file,
                               origin.line);
        }
        return;
      }
      merge(a, out, std::move(t));
    });
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

  template <class V>
  void read_targets(const ModelDoc& doc, V root) {
    V list = root.find("targets");
    if (list.absent() || list.is_null()) return;
    const int line = doc.key_line("targets");
    if (!list.is_array() && !list.is_string()) {
      errors_.emplace_back(Errc::kParse, "`targets` must be a list of state names", origin_, line);
      return;
    }
    std::size_t i = 0;
    auto one = [&](const V& t) {
      const std::size_t index = i++;
      int item_line = doc.item_line("targets", index);
      if (item_line == 0) item_line = line;
      if (!t.is_string()) {
        errors_.emplace_back(Errc::kParse, fmt::format("target #{}: not a string", index + 1),
                             origin_, item_line);
        return;
      }
      std::string s = t.string();
      auto state = detail::parse_state_name(s);
      if (!state) {
        errors_.emplace_back(Errc::kParse,
                             fmt::format("target {}: not a state name (user@ASSET, admin@ASSET, "
                                         "id:IDENTITY, net:ZONE, reach:ZONE:proto/port)",
                                         s),
                             origin_, item_line);
        return;
      }
      if (state->kind == detail::StateName::Kind::kReach) {
        s = fmt::format("reach:{}:{}", state->ref, state->port);
      }
      auto [pos, inserted] = model_.index.by_id[kTargets].try_emplace(s, model_.targets.size());
      if (inserted) {
        model_.targets.push_back(std::move(s));
        model_.index.indexed[kTargets] = model_.targets.size();
      }
    };
    if (list.is_string()) {
      one(list);
    } else {
      each_item(list, one);
    }
  }

  const std::string& origin_;
  Model& model_;
  std::vector<Error>& errors_;
};

}  // namespace

namespace {

// The file-level checks shared by both forms: a wrong schema or a non-mapping document loads
// nothing.
template <class V>
Result<void> check_document(const ModelDoc& doc, V root, const std::string& origin) {
  if (!root.is_object()) {
    return fail(Errc::kParse, "not a shieldwall.graph/v1 model (the top level must be a mapping)",
                origin, doc.line);
  }
  if (V schema = root.find("schema"); !schema.absent()) {
    if (!schema.is_string() || schema.string() != kSchema) {
      return fail(
          Errc::kUnsupported,
          fmt::format("schema {} is not supported (expected {})", schema.to_json().dump(), kSchema),
          origin, doc.key_line("schema"));
    }
  }
  return {};
}

Result<void> load_yaml_or_nlohmann(std::vector<ModelDoc> docs, const std::string& origin,
                                   Model& model, std::vector<Error>& errors) {
  for (const ModelDoc& doc : docs) {
    if (doc.root.is_null()) continue;  // an empty YAML document
    SW_TRY(check_document(doc, JsonView(&doc.root), origin));
  }
  sync_all(model);
  model.files.push_back(origin);
  Reader reader(origin, model, errors);
  for (const ModelDoc& doc : docs) {
    if (doc.root.is_object()) reader.read_doc(doc, JsonView(&doc.root));
  }
  return {};
}

}  // namespace

Result<void> load_model_text(std::string_view text, const std::string& origin, Model& model,
                             std::vector<Error>& errors) {
  try {
    if (detail::is_yaml(origin, text)) {
      auto parsed = detail::parse_yaml_docs(text, origin);
      if (!parsed) return Unexpected(parsed.error());
      return load_yaml_or_nlohmann(std::move(*parsed), origin, model, errors);
    }
    auto lines = detail::scan_json_doc(text, origin);
    if (!lines) return Unexpected(lines.error());
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (parser.parse(simdjson::padded_string(text)).get(root) != simdjson::SUCCESS) {
      // nlohmann names the line of the mistake (or reads what simdjson would not).
      auto parsed = detail::parse_json_doc(text, origin);
      if (!parsed) return Unexpected(parsed.error());
      std::vector<ModelDoc> docs;
      docs.push_back(std::move(*parsed));
      return load_yaml_or_nlohmann(std::move(docs), origin, model, errors);
    }
    SW_TRY(check_document(*lines, SimdView(root), origin));
    sync_all(model);
    model.files.push_back(origin);
    Reader reader(origin, model, errors);
    reader.read_doc(*lines, SimdView(root));
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
