// SPDX-License-Identifier: Apache-2.0
// Internal to src/vuln/osv: the mapping of an OSV record (https://ossf.github.io/osv-schema/,
// schema 1.7) onto the Advisory model, written once as a template over a small tree adapter so
// that the JSON reader (simdjson DOM, osv_json.cpp) and the YAML reader (yaml-cpp, osv_yaml.cpp)
// share it. An adapter N provides:
//   NodeKind kind() const;                     // null, string (any YAML scalar), array, object...
//   std::string_view str() const;              // when kind() == kString
//   int line() const;                          // 1-based source line, 0 when unknown (JSON)
//   template <class F> bool items(F f) const;  // array: f(N) for each element, false = stop
//   template <class F> bool fields(F f) const; // object: f(string_view key, N), false = stop
// Rules: unknown fields are ignored; null counts as absent; a known field of the wrong type is
// kParse naming its location (`affected[0].ranges[1].type`); the free-form `database_specific` /
// `ecosystem_specific` objects are only read for a `severity` / `informational` string.
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "core/result.h"
#include "vuln/osv/advisory.h"

namespace sw::vuln::osv_detail {

enum class NodeKind { kNull, kString, kArray, kObject, kNumber, kBool, kOther };

inline std::string_view kind_name(NodeKind k) {
  switch (k) {
    case NodeKind::kNull:
      return "null";
    case NodeKind::kString:
      return "a string";
    case NodeKind::kArray:
      return "an array";
    case NodeKind::kObject:
      return "an object";
    case NodeKind::kNumber:
      return "a number";
    case NodeKind::kBool:
      return "a boolean";
    case NodeKind::kOther:
      break;
  }
  return "another type";
}

// A location inside the record, built as a chain on the stack; turned into text only on error.
struct Loc {
  const Loc* parent = nullptr;
  std::string_view key;  // field name, or empty for an array index
  size_t index = 0;

  std::string text() const {
    std::string out = parent != nullptr ? parent->text() : std::string();
    if (key.empty()) {
      out += fmt::format("[{}]", index);
    } else {
      if (!out.empty()) out += '.';
      out += key;
    }
    return out;
  }
};

// Work budget: YAML aliases can make a small document expand to a huge walk (a list of aliases
// to lists of aliases...). Every visited element costs one unit.
inline constexpr size_t kMaxElements = 4'000'000;

struct Ctx {
  const std::string& path;
  std::optional<Error> error;
  size_t budget = kMaxElements;

  template <class N>
  bool fail_type(const N& n, const Loc& loc, std::string_view want) {
    if (!error) {
      error.emplace(
          Errc::kParse,
          fmt::format("OSV field {}: expected {}, got {}", loc.text(), want, kind_name(n.kind())),
          path, n.line());
    }
    return false;
  }
  template <class N>
  bool fail(const N& n, std::string msg) {
    if (!error) error.emplace(Errc::kParse, std::move(msg), path, n.line());
    return false;
  }
  template <class N>
  bool spend(const N& n) {
    if (budget == 0) return fail(n, "OSV record too large (alias expansion?)");
    --budget;
    return true;
  }
};

// Reads a string field (null = absent, leaves `out` unchanged).
template <class N>
bool read_string(Ctx& c, const N& n, const Loc& loc, std::string& out) {
  switch (n.kind()) {
    case NodeKind::kNull:
      return true;
    case NodeKind::kString:
      out.assign(n.str());
      return true;
    default:
      return c.fail_type(n, loc, "a string");
  }
}

template <class N>
bool read_string_list(Ctx& c, const N& n, const Loc& loc, std::vector<std::string>& out) {
  if (n.kind() == NodeKind::kNull) return true;
  if (n.kind() != NodeKind::kArray) return c.fail_type(n, loc, "an array of strings");
  size_t i = 0;
  return n.items([&](const N& item) {
    Loc at{&loc, {}, i++};
    if (!c.spend(item)) return false;
    if (item.kind() != NodeKind::kString) return c.fail_type(item, at, "a string");
    out.emplace_back(item.str());
    return true;
  });
}

// Iterates an object's fields (null = absent).
template <class N, class F>
bool read_object(Ctx& c, const N& n, const Loc& loc, F f) {
  if (n.kind() == NodeKind::kNull) return true;
  if (n.kind() != NodeKind::kObject) return c.fail_type(n, loc, "an object");
  return n.fields(f);
}

// Iterates an array's elements, each expected to be an object (null = absent).
template <class N, class F>
bool read_object_list(Ctx& c, const N& n, const Loc& loc, F f) {
  if (n.kind() == NodeKind::kNull) return true;
  if (n.kind() != NodeKind::kArray) return c.fail_type(n, loc, "an array");
  size_t i = 0;
  return n.items([&](const N& item) {
    Loc at{&loc, {}, i++};
    if (!c.spend(item)) return false;
    if (item.kind() != NodeKind::kObject) return c.fail_type(item, at, "an object");
    return f(item, at);
  });
}

template <class N>
bool read_severity_list(Ctx& c, const N& n, const Loc& loc, std::vector<Severity>& out) {
  return read_object_list(c, n, loc, [&](const N& obj, const Loc& at) {
    Severity s;
    bool ok = obj.fields([&](std::string_view key, const N& v) {
      Loc f{&at, key};
      if (key == "type") return read_string(c, v, f, s.type);
      if (key == "score") return read_string(c, v, f, s.score);
      return true;
    });
    if (ok) out.push_back(std::move(s));
    return ok;
  });
}

// Free-form database_specific / ecosystem_specific: picks a string-valued `key`, ignores the rest
// whatever its type.
template <class N>
void pick_free_form(const N& n, std::string_view want, std::string& out) {
  if (n.kind() != NodeKind::kObject) return;
  n.fields([&](std::string_view key, const N& v) {
    if (key == want && v.kind() == NodeKind::kString) out.assign(v.str());
    return true;
  });
}

template <class N>
bool read_range(Ctx& c, const N& obj, const Loc& at, Range& r) {
  bool have_type = false;
  return obj.fields([&](std::string_view key, const N& v) {
    Loc f{&at, key};
    if (key == "type") {
      if (v.kind() != NodeKind::kString) return c.fail_type(v, f, "a string");
      auto t = v.str();
      if (t == "SEMVER") {
        r.type = RangeType::kSemver;
      } else if (t == "ECOSYSTEM") {
        r.type = RangeType::kEcosystem;
      } else if (t == "GIT") {
        r.type = RangeType::kGit;
      } else {
        return c.fail(v, fmt::format("OSV field {}: unknown range type '{}'", f.text(), t));
      }
      have_type = true;
      return true;
    }
    if (key == "repo") return read_string(c, v, f, r.repo);
    if (key == "events") {
      return read_object_list(c, v, f, [&](const N& ev, const Loc& eat) {
        return ev.fields([&](std::string_view ek, const N& ev_v) {
          RangeEvent e;
          if (ek == "introduced") {
            e.kind = RangeEvent::Kind::kIntroduced;
          } else if (ek == "fixed") {
            e.kind = RangeEvent::Kind::kFixed;
          } else if (ek == "last_affected") {
            e.kind = RangeEvent::Kind::kLastAffected;
          } else if (ek == "limit") {
            e.kind = RangeEvent::Kind::kLimit;
          } else {
            return true;  // unknown event key
          }
          Loc ef{&eat, ek};
          if (ev_v.kind() != NodeKind::kString) return c.fail_type(ev_v, ef, "a string");
          e.value.assign(ev_v.str());
          r.events.push_back(std::move(e));
          return true;
        });
      });
    }
    return true;
  }) && (have_type || c.fail(obj, fmt::format("OSV field {}: range without a type", at.text())));
}

template <class N>
bool read_affected(Ctx& c, const N& obj, const Loc& at, Affected& a, std::string& informational) {
  std::string eco_severity;
  bool ok = obj.fields([&](std::string_view key, const N& v) {
    Loc f{&at, key};
    if (key == "package") {
      return read_object(c, v, f, [&](std::string_view pk, const N& pv) {
        Loc pf{&f, pk};
        if (pk == "ecosystem") return read_string(c, pv, pf, a.ecosystem);
        if (pk == "name") return read_string(c, pv, pf, a.name);
        if (pk == "purl") return read_string(c, pv, pf, a.purl);
        return true;
      });
    }
    if (key == "ranges") {
      return read_object_list(c, v, f, [&](const N& rv, const Loc& rat) {
        Range r;
        if (!read_range(c, rv, rat, r)) return false;
        a.ranges.push_back(std::move(r));
        return true;
      });
    }
    if (key == "versions") return read_string_list(c, v, f, a.versions);
    if (key == "severity") return read_severity_list(c, v, f, a.severity);
    if (key == "database_specific") {
      pick_free_form(v, "severity", a.db_severity);
      if (informational.empty()) pick_free_form(v, "informational", informational);
      return true;
    }
    if (key == "ecosystem_specific") {
      pick_free_form(v, "severity", eco_severity);
      return true;
    }
    return true;
  });
  if (ok && a.db_severity.empty()) a.db_severity = std::move(eco_severity);
  return ok;
}

// References in the order ADVISORY, FIX, WEB, then every other type, each group in the order
// given; exact duplicate URLs dropped (PyPA lists some both as ARTICLE and WEB).
struct RefItem {
  int rank;
  std::string url;
};
inline int reference_rank(std::string_view type) {
  if (type == "ADVISORY") return 0;
  if (type == "FIX") return 1;
  if (type == "WEB") return 2;
  return 3;
}

template <class N>
Result<Advisory> fill_advisory(const N& root, const std::string& path) {
  Ctx c{path, std::nullopt};
  Advisory adv;
  if (root.kind() != NodeKind::kObject) {
    return fail(Errc::kParse,
                fmt::format("OSV record: expected an object, got {}", kind_name(root.kind())), path,
                root.line());
  }
  std::vector<RefItem> refs;
  std::string informational;
  bool ok = root.fields([&](std::string_view key, const N& v) {
    Loc f{nullptr, key};
    if (!c.spend(v)) return false;
    if (key == "id") return read_string(c, v, f, adv.id);
    if (key == "modified") return read_string(c, v, f, adv.modified);
    if (key == "published") return read_string(c, v, f, adv.published);
    if (key == "withdrawn") return read_string(c, v, f, adv.withdrawn);
    if (key == "summary") return read_string(c, v, f, adv.summary);
    if (key == "details") return read_string(c, v, f, adv.details);
    if (key == "aliases") return read_string_list(c, v, f, adv.aliases);
    if (key == "related") return read_string_list(c, v, f, adv.related);
    if (key == "severity") return read_severity_list(c, v, f, adv.severity);
    if (key == "affected") {
      return read_object_list(c, v, f, [&](const N& av, const Loc& at) {
        Affected a;
        if (!read_affected(c, av, at, a, informational)) return false;
        adv.affected.push_back(std::move(a));
        return true;
      });
    }
    if (key == "references") {
      return read_object_list(c, v, f, [&](const N& rv, const Loc& at) {
        std::string type, url;
        bool rok = rv.fields([&](std::string_view rk, const N& rvv) {
          Loc rf{&at, rk};
          if (rk == "type") return read_string(c, rvv, rf, type);
          if (rk == "url") return read_string(c, rvv, rf, url);
          return true;
        });
        if (rok && !url.empty()) refs.push_back({reference_rank(type), std::move(url)});
        return rok;
      });
    }
    if (key == "database_specific") {
      pick_free_form(v, "severity", adv.db_severity);
      pick_free_form(v, "informational", adv.informational);
      return true;
    }
    return true;
  });
  if (!ok) {
    if (c.error) return Unexpected(std::move(*c.error));
    return fail(Errc::kParse, "OSV record could not be read", path);
  }
  if (adv.id.empty()) return fail(Errc::kParse, "OSV record without an id", path, root.line());
  if (adv.informational.empty()) adv.informational = std::move(informational);
  std::stable_sort(refs.begin(), refs.end(),
                   [](const RefItem& a, const RefItem& b) { return a.rank < b.rank; });
  adv.references.reserve(refs.size());
  for (auto& r : refs) {
    if (std::find(adv.references.begin(), adv.references.end(), r.url) == adv.references.end()) {
      adv.references.push_back(std::move(r.url));
    }
  }
  return adv;
}

}  // namespace sw::vuln::osv_detail
