// SPDX-License-Identifier: Apache-2.0
// SharpHound JSON -> model items. The mapping is documented in import_sharphound.h. Parsing with
// simdjson's DOM and error codes (no exceptions), zip archives with libzip; the mapping itself is
// ours (no library knows both SharpHound's format and our schema).
#include "graph/import_sharphound.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <simdjson.h>
#include <zip.h>

#include <fmt/format.h>

#include "graph/import_util.h"

namespace sw::graph {
namespace {

namespace dom = simdjson::dom;

enum class ObjKind { kUser, kComputer, kGroup, kDomain, kOther };

ObjKind kind_of_type(std::string_view type) {
  if (type == "users") return ObjKind::kUser;
  if (type == "computers") return ObjKind::kComputer;
  if (type == "groups") return ObjKind::kGroup;
  if (type == "domains") return ObjKind::kDomain;
  return ObjKind::kOther;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Field access with error codes: a missing key or a wrong type gives the fallback.
std::string_view str_of(dom::element e, std::string_view key) {
  std::string_view v;
  if (e[key].get(v) != simdjson::SUCCESS) return {};
  return v;
}

bool has_true(dom::element e, std::string_view key) {
  bool v = false;
  if (e[key].get(v) != simdjson::SUCCESS) return false;
  return v;
}

// Arrays SharpHound writes either bare or as {"Results": [...], "Collected": ...}.
bool results_of(dom::element e, dom::array& out) {
  if (e.get(out) == simdjson::SUCCESS) return true;
  dom::element r;
  if (e["Results"].get(r) != simdjson::SUCCESS) return false;
  return r.get(out) == simdjson::SUCCESS;
}

// The rights that give control, per object kind (import_sharphound.h).
bool right_controls_user(std::string_view r) {
  static const std::set<std::string_view> k = {
      "GenericAll", "GenericWrite",        "WriteOwner",        "WriteDacl",
      "Owns",       "ForceChangePassword", "AllExtendedRights", "AddKeyCredentialLink",
      "WriteSPN",   "ReadGMSAPassword"};
  return k.count(r) != 0;
}
bool right_controls_group(std::string_view r) {
  static const std::set<std::string_view> k = {
      "GenericAll", "GenericWrite", "WriteOwner", "WriteDacl", "Owns", "AddMember", "AddSelf"};
  return k.count(r) != 0;
}
bool right_admins_computer(std::string_view r) {
  static const std::set<std::string_view> k = {"GenericAll",
                                               "GenericWrite",
                                               "WriteOwner",
                                               "WriteDacl",
                                               "Owns",
                                               "AllExtendedRights",
                                               "AddKeyCredentialLink",
                                               "ReadLAPSPassword",
                                               "SyncLAPSPassword",
                                               "AddAllowedToAct",
                                               "WriteAccountRestrictions"};
  return k.count(r) != 0;
}
bool right_controls_domain(std::string_view r) {
  static const std::set<std::string_view> k = {"GenericAll", "GenericWrite", "WriteOwner",
                                               "WriteDacl",  "Owns",         "AllExtendedRights"};
  return k.count(r) != 0;
}

struct Rel {
  Relation r;
  std::vector<std::string> rights;  // ACE rights, in first-seen order
  std::vector<std::string> via;     // "LocalGroups:Administrators", "GPO", "AllowedToAct", ...
  bool inherited = false;
};

struct Ref {
  std::string id;
  std::string raw;
  std::string kind;
};

}  // namespace

struct SharpHoundImporter::State {
  dom::parser parser;
  std::vector<Identity> identities;
  std::unordered_map<std::string, std::size_t> identity_index;
  std::vector<Asset> assets;
  std::unordered_map<std::string, std::size_t> asset_index;
  std::vector<Rel> relations;
  std::unordered_map<std::string, std::size_t> relation_index;
  std::vector<Ref> refs;
  std::unordered_set<std::string> ref_seen;
  std::map<std::string, std::string> domain_sid_by_name;  // "PHANTOM.CORP" -> "S-1-5-21-..."
  std::vector<std::string> files;
  SharpHoundStats stats;
  bool finished = false;

  void reference(std::string_view raw, std::string_view kind) {
    std::string id = import::make_id(raw);
    if (ref_seen.insert(id).second) {
      refs.push_back(Ref{id, std::string(raw), kind.empty() ? "principal" : lower(kind)});
    }
  }

  Rel& relation(RelationKind kind, const std::string& from, const std::string& to,
                const std::string& origin) {
    std::string id = fmt::format("sh:{}:{}:{}", relation_kind_name(kind), from, to);
    if (auto it = relation_index.find(id); it != relation_index.end()) {
      return relations[it->second];
    }
    Rel rel;
    rel.r.id = id;
    rel.r.kind = kind;
    if (kind == RelationKind::kSession) {
      rel.r.identity = from;
      rel.r.host = to;
    } else {
      rel.r.from = from;
      rel.r.to = to;
    }
    rel.r.origin = Origin{origin, 0};
    relation_index.emplace(std::move(id), relations.size());
    relations.push_back(std::move(rel));
    return relations.back();
  }

  static void add_unique(std::vector<std::string>& v, std::string_view s) {
    if (std::find(v.begin(), v.end(), s) == v.end()) v.emplace_back(s);
  }

  // A principal -> computer relation (admin_to / can_login) from a list of principals.
  void principals_to(RelationKind kind, dom::element list, const std::string& computer,
                     std::string_view via, const std::string& where, const std::string& origin,
                     std::vector<Error>& errors) {
    dom::array arr;
    if (!results_of(list, arr)) return;
    std::size_t i = 0;
    for (dom::element m : arr) {
      std::string_view sid = str_of(m, "ObjectIdentifier");
      std::string_view type = str_of(m, "ObjectType");
      if (sid.empty()) {
        errors.emplace_back(Errc::kParse,
                            fmt::format("{}: {}[{}]: no ObjectIdentifier; left out", where, via, i),
                            origin);
      } else if (type == "LocalUser" || type == "LocalGroup") {
        // Local accounts of the computer itself: not domain principals; not modelled in v1.
      } else {
        reference(sid, type);
        Rel& r = relation(kind, import::make_id(sid), computer, origin);
        add_unique(r.via, via);
      }
      ++i;
    }
  }

  void object(ObjKind kind, dom::element o, std::size_t index, std::string_view type,
              const std::string& origin, std::vector<Error>& errors);
  Result<void> document(std::string_view text, const std::string& origin,
                        std::vector<Error>& errors);
};

void SharpHoundImporter::State::object(ObjKind kind, dom::element o, std::size_t index,
                                       std::string_view type, const std::string& origin,
                                       std::vector<Error>& errors) {
  std::string_view oid = str_of(o, "ObjectIdentifier");
  if (oid.empty()) {
    ++stats.skipped_objects;
    errors.emplace_back(Errc::kParse,
                        fmt::format("{}[{}]: no ObjectIdentifier; object left out", type, index),
                        origin);
    return;
  }
  if (has_true(o, "IsDeleted")) {
    ++stats.skipped_objects;
    return;
  }
  const std::string id = import::make_id(oid);
  const std::string where = fmt::format("{}[{}] {}", type, index, oid);
  dom::element props;
  const bool has_props =
      o["Properties"].get(props) == simdjson::SUCCESS && props.type() == dom::element_type::OBJECT;
  std::string_view name = has_props ? str_of(props, "name") : std::string_view();
  std::string_view domain = has_props ? str_of(props, "domain") : std::string_view();
  std::string_view domain_sid = has_props ? str_of(props, "domainsid") : std::string_view();
  if (domain_sid.empty()) domain_sid = str_of(o, "DomainSID");
  if (!domain.empty() && !domain_sid.empty()) {
    domain_sid_by_name.emplace(std::string(domain), std::string(domain_sid));
  }

  if (kind == ObjKind::kOther) {
    ++stats.other_objects;
  } else if (identity_index.count(id) != 0) {
    // The same object twice (SharpHound's own sample has such records, with different Members
    // and Aces): like BloodHound's ingest, keep the first object's properties and take the
    // relations of both.
    ++stats.duplicates;
  } else {
    nlohmann::json extra = {{"source", "sharphound"}, {"objectid", std::string(oid)}};
    if (!name.empty()) extra["name"] = std::string(name);
    if (!domain.empty()) extra["domain"] = std::string(domain);
    if (has_props) {
      bool b = false;
      if (props["enabled"].get(b) == simdjson::SUCCESS) extra["enabled"] = b;
      if (props["admincount"].get(b) == simdjson::SUCCESS) extra["admincount"] = b;
      std::string_view os = str_of(props, "operatingsystem");
      if (!os.empty()) extra["operatingsystem"] = std::string(os);
    }
    Identity ident;
    ident.id = id;
    ident.origin = Origin{origin, 0};
    ident.extra = extra;
    switch (kind) {
      case ObjKind::kUser:
        ident.kind = "user";
        ++stats.users;
        break;
      case ObjKind::kComputer:
        ident.kind = "computer";
        ++stats.computers;
        break;
      case ObjKind::kGroup:
        ident.kind = "group";
        ident.crown_jewel =
            ends_with(oid, "-512") || ends_with(oid, "-519") || ends_with(oid, "-544");
        ++stats.groups;
        break;
      case ObjKind::kDomain:
        ident.kind = "domain";
        ident.crown_jewel = true;
        ++stats.domains;
        if (!name.empty()) domain_sid_by_name.emplace(std::string(name), std::string(oid));
        break;
      case ObjKind::kOther:
        break;
    }
    identity_index.emplace(id, identities.size());
    identities.push_back(std::move(ident));

    if (kind == ObjKind::kComputer) {
      Asset a;
      a.id = id;
      a.kind = "host";
      a.crown_jewel = has_true(o, "IsDC") || (has_props && has_true(props, "isdc"));
      a.extra = std::move(extra);
      a.origin = Origin{origin, 0};
      asset_index.emplace(id, assets.size());
      assets.push_back(std::move(a));
      // Admin on a computer holds its machine account: an unfixable step admin@C -> id:C.
      Rel& r = relation(RelationKind::kSession, id, id, origin);
      r.r.gate.fix_cost.state = FixCost::State::kUnfixable;
      add_unique(r.via, "machine account");
    }
  }

  // Memberships.
  std::string_view primary = str_of(o, "PrimaryGroupSID");
  if (!primary.empty() && kind != ObjKind::kOther && kind != ObjKind::kDomain) {
    reference(primary, "Group");
    add_unique(relation(RelationKind::kMemberOf, id, import::make_id(primary), origin).via,
               "PrimaryGroupSID");
  }
  if (kind == ObjKind::kGroup) {
    dom::array members;
    dom::element m_el;
    if (o["Members"].get(m_el) == simdjson::SUCCESS && results_of(m_el, members)) {
      std::size_t i = 0;
      for (dom::element m : members) {
        std::string_view sid = str_of(m, "ObjectIdentifier");
        if (sid.empty()) {
          errors.emplace_back(
              Errc::kParse, fmt::format("{}: Members[{}]: no ObjectIdentifier; left out", where, i),
              origin);
        } else {
          reference(sid, str_of(m, "ObjectType"));
          add_unique(relation(RelationKind::kMemberOf, import::make_id(sid), id, origin).via,
                     "Members");
        }
        ++i;
      }
    }
  }

  // Computers: sessions, local groups, delegation.
  if (kind == ObjKind::kComputer) {
    for (std::string_view key : {"Sessions", "PrivilegedSessions", "RegistrySessions"}) {
      dom::element s_el;
      dom::array arr;
      if (o[key].get(s_el) != simdjson::SUCCESS || !results_of(s_el, arr)) continue;
      std::size_t i = 0;
      for (dom::element s : arr) {
        std::string_view user = str_of(s, "UserSID");
        if (user.empty()) {
          errors.emplace_back(
              Errc::kParse, fmt::format("{}: {}[{}]: no UserSID; left out", where, key, i), origin);
        } else {
          reference(user, "User");
          add_unique(relation(RelationKind::kSession, import::make_id(user), id, origin).via, key);
        }
        ++i;
      }
    }
    dom::element lg_el;
    dom::array groups;
    if (o["LocalGroups"].get(lg_el) == simdjson::SUCCESS &&
        lg_el.get(groups) == simdjson::SUCCESS) {
      for (dom::element g : groups) {
        std::string_view gid = str_of(g, "ObjectIdentifier");
        std::string_view gname = str_of(g, "Name");
        auto rid_is = [&](std::string_view rid, std::string_view prefix) {
          return ends_with(gid, rid) || lower(gname.substr(0, prefix.size())) == prefix;
        };
        if (rid_is("-544", "administrators@")) {
          principals_to(RelationKind::kAdminTo, g, id, "LocalGroups:Administrators", where, origin,
                        errors);
        } else if (rid_is("-555", "remote desktop users@")) {
          principals_to(RelationKind::kCanLogin, g, id, "LocalGroups:Remote Desktop Users", where,
                        origin, errors);
        } else if (rid_is("-562", "distributed com users@")) {
          principals_to(RelationKind::kCanLogin, g, id, "LocalGroups:Distributed COM Users", where,
                        origin, errors);
        } else if (rid_is("-580", "remote management users@")) {
          principals_to(RelationKind::kCanLogin, g, id, "LocalGroups:Remote Management Users",
                        where, origin, errors);
        }
      }
    }
    struct Legacy {
      std::string_view key;
      RelationKind kind;
    };
    for (const Legacy& l : {Legacy{"LocalAdmins", RelationKind::kAdminTo},
                            Legacy{"RemoteDesktopUsers", RelationKind::kCanLogin},
                            Legacy{"DcomUsers", RelationKind::kCanLogin},
                            Legacy{"PSRemoteUsers", RelationKind::kCanLogin}}) {
      dom::element el;
      if (o[l.key].get(el) == simdjson::SUCCESS) {
        principals_to(l.kind, el, id, l.key, where, origin, errors);
      }
    }
    dom::element act;
    if (o["AllowedToAct"].get(act) == simdjson::SUCCESS) {
      principals_to(RelationKind::kAdminTo, act, id, "AllowedToAct", where, origin, errors);
    }
  }
  if (kind == ObjKind::kUser || kind == ObjKind::kComputer) {
    // Constrained delegation: this principal can impersonate anyone to services on the targets.
    dom::element del;
    dom::array arr;
    if (o["AllowedToDelegate"].get(del) == simdjson::SUCCESS && results_of(del, arr)) {
      for (dom::element t : arr) {
        std::string_view target = str_of(t, "ObjectIdentifier");
        std::string_view type_t = str_of(t, "ObjectType");
        if (target.empty() || (!type_t.empty() && type_t != "Computer")) continue;
        add_unique(relation(RelationKind::kAdminTo, id, import::make_id(target), origin).via,
                   "AllowedToDelegate");
      }
    }
  }

  // GPO-granted local group memberships (domains and OUs).
  dom::element gpo;
  if (o["GPOChanges"].get(gpo) == simdjson::SUCCESS && gpo.is_object()) {
    dom::element affected_el;
    dom::array affected;
    if (gpo["AffectedComputers"].get(affected_el) == simdjson::SUCCESS &&
        results_of(affected_el, affected)) {
      for (dom::element c : affected) {
        std::string_view csid = str_of(c, "ObjectIdentifier");
        if (csid.empty()) continue;
        const std::string cid = import::make_id(csid);
        struct G {
          std::string_view key;
          RelationKind kind;
        };
        for (const G& g : {G{"LocalAdmins", RelationKind::kAdminTo},
                           G{"RemoteDesktopUsers", RelationKind::kCanLogin},
                           G{"DcomUsers", RelationKind::kCanLogin},
                           G{"PSRemoteUsers", RelationKind::kCanLogin}}) {
          dom::element el;
          if (gpo[g.key].get(el) == simdjson::SUCCESS) {
            principals_to(g.kind, el, cid, fmt::format("GPO:{}", g.key), where, origin, errors);
          }
        }
      }
    }
  }

  // ACEs: collect the rights per principal (first-seen order), then map per object kind.
  dom::element aces_el;
  dom::array aces;
  if (o["Aces"].get(aces_el) != simdjson::SUCCESS || aces_el.get(aces) != simdjson::SUCCESS) {
    return;
  }
  struct Held {
    std::string raw;
    std::string type;
    std::vector<std::string> rights;
    bool inherited = false;
  };
  std::vector<Held> held;
  std::size_t i = 0;
  for (dom::element ace : aces) {
    ++stats.aces;
    std::string_view principal = str_of(ace, "PrincipalSID");
    std::string_view right = str_of(ace, "RightName");
    if (principal.empty() || right.empty()) {
      ++stats.aces_unmapped;
      errors.emplace_back(
          Errc::kParse,
          fmt::format("{}: Aces[{}]: no PrincipalSID or RightName; left out", where, i), origin);
      ++i;
      continue;
    }
    ++i;
    if (principal == oid) {  // rights over itself: nothing to gain
      ++stats.aces_unmapped;
      continue;
    }
    auto it =
        std::find_if(held.begin(), held.end(), [&](const Held& h) { return h.raw == principal; });
    if (it == held.end()) {
      held.push_back(
          Held{std::string(principal), std::string(str_of(ace, "PrincipalType")), {}, false});
      it = held.end() - 1;
    }
    add_unique(it->rights, right);
    it->inherited = it->inherited || has_true(ace, "IsInherited");
  }
  for (const Held& h : held) {
    std::vector<std::string> mapped;
    bool dcsync_a = false, dcsync_b = false;
    for (const std::string& r : h.rights) {
      bool ok = false;
      switch (kind) {
        case ObjKind::kUser:
          ok = right_controls_user(r);
          break;
        case ObjKind::kGroup:
          ok = right_controls_group(r);
          break;
        case ObjKind::kComputer:
          ok = right_admins_computer(r);
          break;
        case ObjKind::kDomain:
          ok = right_controls_domain(r);
          dcsync_a = dcsync_a || r == "GetChanges";
          dcsync_b = dcsync_b || r == "GetChangesAll";
          break;
        case ObjKind::kOther:
          break;
      }
      if (ok) mapped.push_back(r);
    }
    std::size_t used = mapped.size();
    if (dcsync_a && dcsync_b) {
      mapped.emplace_back("GetChanges");
      mapped.emplace_back("GetChangesAll");
      used += 2;
    }
    stats.aces_unmapped += h.rights.size() - std::min(used, h.rights.size());
    if (mapped.empty()) continue;
    reference(h.raw, h.type);
    RelationKind rk = kind == ObjKind::kComputer ? RelationKind::kAdminTo : RelationKind::kControls;
    Rel& r = relation(rk, import::make_id(h.raw), id, origin);
    for (const std::string& m : mapped) add_unique(r.rights, m);
    add_unique(r.via, "Aces");
    r.inherited = r.inherited || h.inherited;
  }
}

Result<void> SharpHoundImporter::State::document(std::string_view text, const std::string& origin,
                                                 std::vector<Error>& errors) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // BOM
  dom::element doc;
  if (auto err = parser.parse(text.data(), text.size()).get(doc); err != simdjson::SUCCESS) {
    return fail(Errc::kParse, fmt::format("not valid JSON: {}", simdjson::error_message(err)),
                origin);
  }
  dom::element meta;
  std::string_view type;
  if (doc["meta"].get(meta) != simdjson::SUCCESS || meta["type"].get(type) != simdjson::SUCCESS) {
    return fail(Errc::kParse, "not SharpHound data: no meta.type", origin);
  }
  dom::array data;
  if (doc["data"].get(data) != simdjson::SUCCESS) {
    return fail(Errc::kParse, "not SharpHound data: no data array", origin);
  }
  int64_t version = 0;
  if (meta["version"].get(version) == simdjson::SUCCESS && version < 4) {
    return fail(Errc::kUnsupported,
                fmt::format("SharpHound format version {} is not supported (4 to 6 are)", version),
                origin);
  }
  const ObjKind kind = kind_of_type(type);
  ++stats.files;
  files.push_back(origin);
  std::size_t index = 0;
  for (dom::element o : data) {
    if (!o.is_object()) {
      ++stats.skipped_objects;
      errors.emplace_back(Errc::kParse, fmt::format("{}[{}]: not an object; left out", type, index),
                          origin);
    } else {
      object(kind, o, index, type, origin, errors);
    }
    ++index;
  }
  return {};
}

SharpHoundImporter::SharpHoundImporter() : s_(std::make_unique<State>()) {}
SharpHoundImporter::~SharpHoundImporter() = default;

Result<void> SharpHoundImporter::add_text(std::string_view text, const std::string& origin,
                                          std::vector<Error>& errors) {
  return s_->document(text, origin, errors);
}

namespace {

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

bool is_json_name(std::string_view name) {
  return name.size() > 5 && lower(name.substr(name.size() - 5)) == ".json";
}
bool is_zip_name(std::string_view name) {
  return name.size() > 4 && lower(name.substr(name.size() - 4)) == ".zip";
}

}  // namespace

Result<void> SharpHoundImporter::add_zip(std::string_view bytes, const std::string& origin,
                                         std::vector<Error>& errors) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
  if (src == nullptr) {
    Error e(Errc::kIo, fmt::format("cannot read zip: {}", zip_error_strerror(&ze)), origin);
    zip_error_fini(&ze);
    return Unexpected(std::move(e));
  }
  std::unique_ptr<zip_t, ZipDiscard> za(zip_open_from_source(src, ZIP_RDONLY, &ze));
  if (!za) {
    zip_source_free(src);
    Error e(Errc::kParse, fmt::format("not a readable zip archive: {}", zip_error_strerror(&ze)),
            origin);
    zip_error_fini(&ze);
    return Unexpected(std::move(e));
  }
  zip_error_fini(&ze);
  // Members in name order, so that the result does not depend on the archive's order.
  std::vector<std::pair<std::string, zip_uint64_t>> members;
  const zip_int64_t n = zip_get_num_entries(za.get(), 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(za.get(), static_cast<zip_uint64_t>(i), 0);
    if (name != nullptr && is_json_name(name)) {
      members.emplace_back(name, static_cast<zip_uint64_t>(i));
    }
  }
  std::sort(members.begin(), members.end());
  std::string buf;
  for (const auto& [name, idx] : members) {
    const std::string where = fmt::format("{}:{}", origin, name);
    std::unique_ptr<zip_file_t, ZipFileClose> zf(zip_fopen_index(za.get(), idx, 0));
    if (!zf) {
      errors.emplace_back(Errc::kParse,
                          fmt::format("cannot read zip member: {}", zip_strerror(za.get())), where);
      continue;
    }
    buf.assign(1 << 16, '\0');
    std::size_t got = 0;
    bool ok = true;
    while (true) {
      if (got == buf.size()) {
        if (buf.size() >= import::kMaxImportBytes) {
          ok = false;
          errors.emplace_back(Errc::kUnsupported, "zip member too large; left out", where);
          break;
        }
        buf.resize(buf.size() * 2);
      }
      zip_int64_t r = zip_fread(zf.get(), buf.data() + got, buf.size() - got);
      if (r < 0) {
        ok = false;
        errors.emplace_back(Errc::kParse,
                            fmt::format("cannot read zip member: {}",
                                        zip_error_strerror(zip_file_get_error(zf.get()))),
                            where);
        break;
      }
      if (r == 0) break;
      got += static_cast<std::size_t>(r);
    }
    if (!ok) continue;
    buf.resize(got);
    if (auto r = s_->document(buf, where, errors); !r) errors.push_back(r.error());
  }
  return {};
}

Result<void> SharpHoundImporter::add_path(const std::string& path, std::vector<Error>& errors) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
      const std::string name = entry.path().filename().string();
      if ((is_json_name(name) || is_zip_name(name)) && entry.is_regular_file(ec)) {
        names.push_back(entry.path().string());
      }
    }
    if (ec) return fail(Errc::kIo, fmt::format("cannot list directory: {}", ec.message()), path);
    std::sort(names.begin(), names.end());
    if (names.empty()) return fail(Errc::kNotFound, "no .json or .zip files in directory", path);
    for (const std::string& f : names) {
      auto bytes = import::read_whole(f, import::kMaxImportBytes);
      if (!bytes) {
        errors.push_back(bytes.error());
        continue;
      }
      auto r = is_zip_name(f) ? add_zip(*bytes, f, errors) : add_text(*bytes, f, errors);
      if (!r) errors.push_back(r.error());
    }
    return {};
  }
  auto bytes = import::read_whole(path, import::kMaxImportBytes);
  if (!bytes) return Unexpected(bytes.error());
  if (bytes->size() >= 4 && bytes->compare(0, 4, "PK\x03\x04") == 0) {
    return add_zip(*bytes, path, errors);
  }
  return add_text(*bytes, path, errors);
}

SharpHoundStats SharpHoundImporter::finish(Model& model, std::vector<Error>& errors) {
  State& s = *s_;
  if (s.finished) return s.stats;
  s.finished = true;

  // Ids already in the model win over the import.
  std::unordered_set<std::string> model_identities, model_assets, model_relations;
  for (const Identity& i : model.identities) model_identities.insert(i.id);
  for (const Asset& a : model.assets) model_assets.insert(a.id);
  for (const Relation& r : model.relations) model_relations.insert(r.id);

  // Stubs for principals referenced but not read.
  for (const Ref& ref : s.refs) {
    if (s.identity_index.count(ref.id) != 0 || model_identities.count(ref.id) != 0) continue;
    Identity stub;
    stub.id = ref.id;
    stub.kind = ref.kind;
    stub.extra = {{"source", "sharphound"}, {"objectid", ref.raw}, {"stub", true}};
    stub.origin = Origin{s.files.empty() ? std::string() : s.files.front(), 0};
    s.identity_index.emplace(stub.id, s.identities.size());
    s.identities.push_back(std::move(stub));
    ++s.stats.stubs;
  }
  // Implicit memberships of well-known groups (import_sharphound.h).
  const std::size_t n_ident = s.identities.size();
  for (std::size_t i = 0; i < n_ident; ++i) {
    const std::string raw = s.identities[i].extra.value("objectid", std::string());
    for (std::string_view wk : {"-S-1-5-11", "-S-1-1-0"}) {
      if (!ends_with(raw, wk)) continue;
      auto dom_it = s.domain_sid_by_name.find(raw.substr(0, raw.size() - wk.size()));
      if (dom_it == s.domain_sid_by_name.end()) continue;
      for (std::string_view rid : {"-513", "-515"}) {
        const std::string member = import::make_id(dom_it->second + std::string(rid));
        if (s.identity_index.count(member) == 0 && model_identities.count(member) == 0) continue;
        Rel& r = s.relation(RelationKind::kMemberOf, member, s.identities[i].id,
                            s.identities[i].origin.file);
        r.r.gate.fix_cost.state = FixCost::State::kUnfixable;
        State::add_unique(r.via, "implicit");
      }
    }
  }

  auto name_of = [&](const std::string& id) -> std::string {
    if (auto it = s.identity_index.find(id); it != s.identity_index.end()) {
      const nlohmann::json& e = s.identities[it->second].extra;
      if (auto n = e.find("name"); n != e.end() && n->is_string()) return n->get<std::string>();
    }
    return id;
  };
  auto have_asset = [&](const std::string& id) {
    return s.asset_index.count(id) != 0 || model_assets.count(id) != 0;
  };

  std::size_t dropped = 0;
  std::string dropped_example;
  for (Rel& rel : s.relations) {
    Relation& r = rel.r;
    const bool to_asset = r.kind == RelationKind::kAdminTo || r.kind == RelationKind::kCanLogin;
    const std::string& host = r.kind == RelationKind::kSession ? r.host : r.to;
    if ((to_asset || r.kind == RelationKind::kSession) && !have_asset(host)) {
      if (dropped++ == 0) dropped_example = r.id;
      continue;
    }
    if (model_relations.count(r.id) != 0) continue;
    r.extra = {{"source", "sharphound"}, {"via", rel.via}};
    if (!rel.rights.empty()) {
      r.extra["rights"] = rel.rights;
      if (rel.inherited) r.extra["inherited"] = true;
    }
    std::string rights;
    for (const std::string& x : rel.rights) rights += (rights.empty() ? "" : ", ") + x;
    switch (r.kind) {
      case RelationKind::kMemberOf:
        if (r.gate.fix_cost.state != FixCost::State::kUnfixable) {
          r.gate.fix = fmt::format("remove {} from the group {}", name_of(r.from), name_of(r.to));
        }
        ++s.stats.member_of;
        break;
      case RelationKind::kSession:
        if (r.gate.fix_cost.state != FixCost::State::kUnfixable) {
          r.gate.fix = fmt::format(
              "keep {}'s credentials off {}: no interactive logons there, sign the sessions out, "
              "clear cached credentials (tier the account)",
              name_of(r.identity), name_of(r.host));
        }
        ++s.stats.sessions;
        break;
      case RelationKind::kControls:
      case RelationKind::kAdminTo:
      case RelationKind::kCanLogin: {
        std::vector<std::string> parts;
        if (!rights.empty()) {
          parts.push_back(fmt::format("remove the ACE rights {} that {} holds over {}", rights,
                                      name_of(r.from), name_of(r.to)));
        }
        for (const std::string& v : rel.via) {
          if (v == "Aces") continue;
          if (v == "AllowedToAct") {
            parts.push_back(fmt::format("clear {}'s msDS-AllowedToActOnBehalfOfOtherIdentity of {}",
                                        name_of(r.to), name_of(r.from)));
          } else if (v == "AllowedToDelegate") {
            parts.push_back(fmt::format("remove {}'s constrained delegation to {}", name_of(r.from),
                                        name_of(r.to)));
          } else {
            parts.push_back(
                fmt::format("take {} out of {} on {}", name_of(r.from), v, name_of(r.to)));
          }
        }
        std::string fix;
        for (const std::string& p : parts) fix += (fix.empty() ? "" : "; ") + p;
        r.gate.fix = std::move(fix);
        if (r.kind == RelationKind::kControls) ++s.stats.controls;
        if (r.kind == RelationKind::kAdminTo) ++s.stats.admin_to;
        if (r.kind == RelationKind::kCanLogin) ++s.stats.can_login;
        break;
      }
      case RelationKind::kSso:
      case RelationKind::kExecOn:
        break;
    }
    model.relations.push_back(std::move(r));
  }
  if (dropped > 0) {
    errors.emplace_back(
        Errc::kNotFound,
        fmt::format("{} relation(s) name a computer that is not in the SharpHound data (for "
                    "example {}); left out",
                    dropped, dropped_example),
        s.files.empty() ? std::string() : s.files.front());
  }
  for (Identity& i : s.identities) {
    if (model_identities.count(i.id) != 0) continue;
    if (i.crown_jewel) ++s.stats.crown_jewels;
    model.identities.push_back(std::move(i));
  }
  for (Asset& a : s.assets) {
    if (model_assets.count(a.id) != 0) continue;
    if (a.crown_jewel) ++s.stats.crown_jewels;
    model.assets.push_back(std::move(a));
  }
  for (const std::string& f : s.files) {
    if (std::find(model.files.begin(), model.files.end(), f) == model.files.end()) {
      model.files.push_back(f);
    }
  }
  return s.stats;
}

Result<SharpHoundStats> import_sharphound(const std::vector<std::string>& paths, Model& model,
                                          std::vector<Error>& errors) {
  SharpHoundImporter imp;
  for (const std::string& p : paths) SW_TRY(imp.add_path(p, errors));
  return imp.finish(model, errors);
}

bool looks_like_sharphound(std::string_view text) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // On-Demand: asked of every JSON input, and a model file can be tens of megabytes; only the
  // two top-level fields are looked at.
  simdjson::ondemand::parser parser;
  simdjson::padded_string padded(text);
  simdjson::ondemand::document doc;
  simdjson::ondemand::object root;
  if (parser.iterate(padded).get(doc) != simdjson::SUCCESS ||
      doc.get_object().get(root) != simdjson::SUCCESS) {
    return false;
  }
  std::string_view type;
  if (root.find_field_unordered("meta").find_field_unordered("type").get_string().get(type) !=
      simdjson::SUCCESS) {
    return false;
  }
  simdjson::ondemand::array data;
  return root.find_field_unordered("data").get_array().get(data) == simdjson::SUCCESS;
}

}  // namespace sw::graph
