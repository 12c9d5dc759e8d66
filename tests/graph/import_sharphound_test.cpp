// SPDX-License-Identifier: Apache-2.0
// SharpHound import (src/graph/import_sharphound.h): small SharpHound-v6-shaped files written by
// the tests, checked item by item against the mapping in the header.
#include "graph/import_sharphound.h"

#include <algorithm>
#include <string>
#include <vector>

#include <zip.h>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "support/fixture.h"

namespace sw::graph {
namespace {

constexpr const char* kDom = "S-1-5-21-1-2-3";

// One SharpHound file: {"data": [...], "meta": {...}}.
std::string file(std::string_view type, std::string_view objects) {
  return fmt::format(
      R"({{"data": [{}], "meta": {{"methods": 1, "type": "{}", "count": 0, "version": 6}}}})",
      objects, type);
}

std::string props(std::string_view name) {
  return fmt::format(
      R"("Properties": {{"domain": "CORP.EXAMPLE", "name": "{}", "domainsid": "{}", "enabled": true}})",
      name, kDom);
}

std::string ace(std::string_view principal, std::string_view type, std::string_view right,
                bool inherited = false) {
  return fmt::format(
      R"({{"PrincipalSID": "{}", "PrincipalType": "{}", "RightName": "{}", "IsInherited": {}}})",
      principal, type, right, inherited ? "true" : "false");
}

std::string sid(std::string_view rid) { return fmt::format("{}-{}", kDom, rid); }

std::string users_json() {
  return file(
      "users",
      fmt::format(
          R"({{{}, "ObjectIdentifier": "{}", "PrimaryGroupSID": "{}", "Aces": [{}, {}, {}], "IsDeleted": false}},
                   {{{}, "ObjectIdentifier": "{}", "PrimaryGroupSID": "{}", "Aces": [], "AllowedToDelegate": []}},
                   {{{}, "ObjectIdentifier": "{}", "IsDeleted": true}},
                   {{"Properties": {{}}, "Aces": []}})",
          props("ALICE@CORP.EXAMPLE"), sid("1101"), sid("513"),
          ace(sid("1200"), "Group", "ForceChangePassword"),
          ace(sid("1200"), "Group", "GenericWrite", true),
          ace(sid("1101"), "User", "GenericAll"),  // over itself: ignored
          props("ADMIN@CORP.EXAMPLE"), sid("500"), sid("513"), props("GONE@CORP.EXAMPLE"),
          sid("1999")));
}

std::string groups_json() {
  return file(
      "groups",
      fmt::format(
          R"({{{}, "ObjectIdentifier": "{}", "Members": [{{"ObjectIdentifier": "{}", "ObjectType": "User"}}], "Aces": []}},
             {{{}, "ObjectIdentifier": "{}", "Members": [{{"ObjectIdentifier": "{}", "ObjectType": "User"}}, {{"ObjectType": "User"}}], "Aces": [{}]}},
             {{{}, "ObjectIdentifier": "{}", "Members": [], "Aces": [{}, {}]}},
             {{{}, "ObjectIdentifier": "CORP.EXAMPLE-S-1-5-32-544", "Members": [], "Aces": []}})",
          props("DOMAIN ADMINS@CORP.EXAMPLE"), sid("512"), sid("500"),  //
          props("HELPDESK@CORP.EXAMPLE"), sid("1200"), sid("1101"),
          ace(sid("1300"), "User", "AddMember"),  // a principal not in the data: a stub
          props("DOMAIN USERS@CORP.EXAMPLE"), sid("513"),
          ace("CORP.EXAMPLE-S-1-5-11", "Group", "GenericAll"),
          ace("CORP.EXAMPLE-S-1-5-11", "Group", "Enroll"),  // no rule: unmapped
          props("ADMINISTRATORS@CORP.EXAMPLE")));
}

std::string computers_json() {
  return file("computers",
              fmt::format(
                  R"({{{}, "ObjectIdentifier": "{}", "PrimaryGroupSID": "{}", "IsDC": false,
               "Sessions": {{"Results": [{{"UserSID": "{}", "ComputerSID": "{}"}}], "Collected": true}},
               "PrivilegedSessions": {{"Results": [], "Collected": true}},
               "RegistrySessions": {{"Results": [{{"UserSID": "{}", "ComputerSID": "{}"}}], "Collected": true}},
               "LocalGroups": [
                 {{"ObjectIdentifier": "{}-544", "Name": "ADMINISTRATORS@WS1.CORP.EXAMPLE", "Results": [{{"ObjectIdentifier": "{}", "ObjectType": "Group"}}, {{"ObjectIdentifier": "{}-500", "ObjectType": "LocalUser"}}]}},
                 {{"ObjectIdentifier": "{}-555", "Name": "REMOTE DESKTOP USERS@WS1.CORP.EXAMPLE", "Results": [{{"ObjectIdentifier": "{}", "ObjectType": "User"}}]}}],
               "AllowedToAct": [],
               "Aces": [{}, {}]}},
             {{{}, "ObjectIdentifier": "{}", "IsDC": true, "Aces": [], "LocalGroups": []}})",
                  props("WS1.CORP.EXAMPLE"), sid("2001"), sid("515"),  //
                  sid("500"), sid("2001"), sid("500"), sid("2001"),    //
                  sid("2001"), sid("1200"), sid("2001"),               //
                  sid("2001"), sid("1101"),                            //
                  ace(sid("1101"), "User", "ReadLAPSPassword"), ace(sid("1101"), "User", "Owns"),
                  props("DC1.CORP.EXAMPLE"), sid("1000")));
}

std::string domains_json() {
  return file("domains", fmt::format(
                             R"({{{}, "ObjectIdentifier": "{}", "Aces": [{}, {}, {}],
                       "GPOChanges": {{"LocalAdmins": [], "RemoteDesktopUsers": [], "DcomUsers": [], "PSRemoteUsers": [], "AffectedComputers": []}}}})",
                             props("CORP.EXAMPLE"), kDom, ace(sid("1101"), "User", "GetChanges"),
                             ace(sid("1101"), "User", "GetChangesAll"),
                             ace(sid("500"), "User", "GetChanges")));
}

const Identity* identity(const Model& m, std::string_view id) {
  for (const Identity& i : m.identities) {
    if (i.id == id) return &i;
  }
  return nullptr;
}
const Relation* relation(const Model& m, std::string_view id) {
  for (const Relation& r : m.relations) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

struct Imported {
  Model model;
  std::vector<Error> errors;
  SharpHoundStats stats;
};

Imported import_all() {
  Imported out;
  SharpHoundImporter imp;
  for (const auto& [name, text] :
       std::vector<std::pair<std::string, std::string>>{{"users.json", users_json()},
                                                        {"groups.json", groups_json()},
                                                        {"computers.json", computers_json()},
                                                        {"domains.json", domains_json()}}) {
    auto r = imp.add_text(text, name, out.errors);
    EXPECT_TRUE(r.has_value()) << name << ": " << (r ? "" : r.error().to_string());
  }
  out.stats = imp.finish(out.model, out.errors);
  return out;
}

TEST(SharpHoundImport, ObjectsBecomeIdentitiesAndComputersAlsoAssets) {
  Imported im = import_all();
  EXPECT_EQ(im.stats.files, 4u);
  EXPECT_EQ(im.stats.users, 2u);  // the deleted one and the one without an id are left out
  EXPECT_EQ(im.stats.groups, 4u);
  EXPECT_EQ(im.stats.computers, 2u);
  EXPECT_EQ(im.stats.domains, 1u);
  EXPECT_EQ(im.stats.skipped_objects, 2u);

  const Identity* alice = identity(im.model, sid("1101"));
  ASSERT_NE(alice, nullptr);
  EXPECT_EQ(alice->kind, "user");
  EXPECT_EQ(alice->extra["name"], "ALICE@CORP.EXAMPLE");
  EXPECT_EQ(alice->extra["enabled"], true);
  EXPECT_EQ(alice->origin.file, "users.json");
  EXPECT_EQ(identity(im.model, sid("1999")), nullptr);  // deleted

  ASSERT_EQ(im.model.assets.size(), 2u);
  const Asset& ws1 = im.model.assets[0];
  EXPECT_EQ(ws1.id, sid("2001"));
  EXPECT_EQ(ws1.kind, "host");
  EXPECT_TRUE(ws1.owner.empty());
  EXPECT_TRUE(ws1.zone.empty());
  EXPECT_FALSE(ws1.crown_jewel);
  EXPECT_TRUE(im.model.assets[1].crown_jewel);  // the domain controller
  ASSERT_NE(identity(im.model, sid("2001")), nullptr);
  EXPECT_EQ(identity(im.model, sid("2001"))->kind, "computer");
}

TEST(SharpHoundImport, CrownJewelsAreTheAdminGroupsAndTheDomain) {
  Imported im = import_all();
  EXPECT_TRUE(identity(im.model, sid("512"))->crown_jewel);
  EXPECT_TRUE(identity(im.model, "CORP.EXAMPLE-S-1-5-32-544")->crown_jewel);
  EXPECT_TRUE(identity(im.model, kDom)->crown_jewel);
  EXPECT_FALSE(identity(im.model, sid("1200"))->crown_jewel);
  EXPECT_FALSE(identity(im.model, sid("513"))->crown_jewel);
  // 512, 544, the domain, and the DC asset.
  EXPECT_EQ(im.stats.crown_jewels, 4u);
}

TEST(SharpHoundImport, MembershipsSessionsLocalGroups) {
  Imported im = import_all();
  const Relation* da =
      relation(im.model, fmt::format("sh:member_of:{}:{}", sid("500"), sid("512")));
  ASSERT_NE(da, nullptr);
  EXPECT_EQ(da->kind, RelationKind::kMemberOf);
  EXPECT_EQ(da->from, sid("500"));
  EXPECT_EQ(da->to, sid("512"));
  EXPECT_NE(da->gate.fix.find("DOMAIN ADMINS@CORP.EXAMPLE"), std::string::npos);
  // PrimaryGroupSID gives a membership too.
  EXPECT_NE(relation(im.model, fmt::format("sh:member_of:{}:{}", sid("1101"), sid("513"))),
            nullptr);

  // Sessions and RegistrySessions of the same user on the same host: one gate.
  const Relation* sess =
      relation(im.model, fmt::format("sh:session:{}:{}", sid("500"), sid("2001")));
  ASSERT_NE(sess, nullptr);
  EXPECT_EQ(sess->identity, sid("500"));
  EXPECT_EQ(sess->host, sid("2001"));
  EXPECT_EQ(sess->extra["via"], nlohmann::json::array({"Sessions", "RegistrySessions"}));
  EXPECT_EQ(sess->gate.fix_cost.state, FixCost::State::kDefault);

  // The machine account: admin@C -> id:C, unfixable.
  const Relation* machine =
      relation(im.model, fmt::format("sh:session:{}:{}", sid("2001"), sid("2001")));
  ASSERT_NE(machine, nullptr);
  EXPECT_EQ(machine->gate.fix_cost.state, FixCost::State::kUnfixable);

  const Relation* admin =
      relation(im.model, fmt::format("sh:admin_to:{}:{}", sid("1200"), sid("2001")));
  ASSERT_NE(admin, nullptr);
  EXPECT_EQ(admin->kind, RelationKind::kAdminTo);
  const Relation* rdp =
      relation(im.model, fmt::format("sh:can_login:{}:{}", sid("1101"), sid("2001")));
  ASSERT_NE(rdp, nullptr);
  EXPECT_EQ(rdp->kind, RelationKind::kCanLogin);
  // The local account in Administrators is not a domain principal: no relation.
  for (const Relation& r : im.model.relations) {
    EXPECT_EQ(r.from.find("2001-500"), std::string::npos) << r.id;
  }
}

TEST(SharpHoundImport, AcesBecomeOneControlsOrAdminToPerPrincipalAndObject) {
  Imported im = import_all();
  // Two rights of Helpdesk over Alice: one relation listing both.
  const Relation* c =
      relation(im.model, fmt::format("sh:controls:{}:{}", sid("1200"), sid("1101")));
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->kind, RelationKind::kControls);
  EXPECT_EQ(c->extra["rights"], nlohmann::json::array({"ForceChangePassword", "GenericWrite"}));
  EXPECT_EQ(c->extra["inherited"], true);
  EXPECT_NE(c->gate.fix.find("ForceChangePassword, GenericWrite"), std::string::npos);
  EXPECT_TRUE(c->gate.owner.empty());  // inherited from the object at compile time
  // Rights of an object over itself make nothing.
  EXPECT_EQ(relation(im.model, fmt::format("sh:controls:{}:{}", sid("1101"), sid("1101"))),
            nullptr);
  // AddMember on a group: controls over the group.
  const Relation* add =
      relation(im.model, fmt::format("sh:controls:{}:{}", sid("1300"), sid("1200")));
  ASSERT_NE(add, nullptr);
  EXPECT_EQ(add->extra["rights"], nlohmann::json::array({"AddMember"}));
  // Rights over a computer: admin_to.
  const Relation* laps =
      relation(im.model, fmt::format("sh:admin_to:{}:{}", sid("1101"), sid("2001")));
  ASSERT_NE(laps, nullptr);
  EXPECT_EQ(laps->extra["rights"], nlohmann::json::array({"ReadLAPSPassword", "Owns"}));
  // DCSync needs both rights: Alice has them, Administrator only GetChanges.
  const Relation* dcsync = relation(im.model, fmt::format("sh:controls:{}:{}", sid("1101"), kDom));
  ASSERT_NE(dcsync, nullptr);
  EXPECT_EQ(dcsync->extra["rights"], nlohmann::json::array({"GetChanges", "GetChangesAll"}));
  EXPECT_EQ(relation(im.model, fmt::format("sh:controls:{}:{}", sid("500"), kDom)), nullptr);
  EXPECT_EQ(im.stats.aces, 11u);
  // Alice over herself, Enroll, Administrator's lone GetChanges.
  EXPECT_EQ(im.stats.aces_unmapped, 3u);
}

TEST(SharpHoundImport, StubsAndImplicitMemberships) {
  Imported im = import_all();
  const Identity* stub = identity(im.model, sid("1300"));
  ASSERT_NE(stub, nullptr);
  EXPECT_EQ(stub->kind, "user");
  EXPECT_EQ(stub->extra["stub"], true);
  const Identity* auth = identity(im.model, "CORP.EXAMPLE-S-1-5-11");
  ASSERT_NE(auth, nullptr);
  EXPECT_EQ(im.stats.stubs, 3u);  // 1300, S-1-5-11 and Domain Computers (-515)
  // Domain Users and Domain Computers are Authenticated Users, unfixably.
  const Relation* du =
      relation(im.model, fmt::format("sh:member_of:{}:CORP.EXAMPLE-S-1-5-11", sid("513")));
  ASSERT_NE(du, nullptr);
  EXPECT_EQ(du->gate.fix_cost.state, FixCost::State::kUnfixable);
  EXPECT_NE(relation(im.model, fmt::format("sh:member_of:{}:CORP.EXAMPLE-S-1-5-11", sid("515"))),
            nullptr);
  // Every relation's ends exist.
  for (const Relation& r : im.model.relations) {
    if (r.kind == RelationKind::kSession) {
      EXPECT_NE(identity(im.model, r.identity), nullptr) << r.id;
    } else {
      EXPECT_NE(identity(im.model, r.from), nullptr) << r.id;
      if (r.kind == RelationKind::kMemberOf || r.kind == RelationKind::kControls) {
        EXPECT_NE(identity(im.model, r.to), nullptr) << r.id;
      }
    }
  }
}

TEST(SharpHoundImport, ErrorsNameTheFileAndTheObject) {
  Imported im = import_all();
  bool no_id = false, member = false;
  for (const Error& e : im.errors) {
    if (e.file() == "users.json" && e.message().find("users[3]") != std::string::npos) no_id = true;
    if (e.file() == "groups.json" && e.message().find(sid("1200")) != std::string::npos &&
        e.message().find("Members[1]") != std::string::npos) {
      member = true;
    }
  }
  EXPECT_TRUE(no_id);
  EXPECT_TRUE(member);
  EXPECT_EQ(im.errors.size(), 2u);
}

TEST(SharpHoundImport, RejectsWhatIsNotSharpHound) {
  SharpHoundImporter imp;
  std::vector<Error> errors;
  auto bad = imp.add_text("{not json", "x.json", errors);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().file(), "x.json");
  auto model = imp.add_text(R"({"schema": "shieldwall.graph/v1", "assets": []})", "m.json", errors);
  ASSERT_FALSE(model);
  EXPECT_NE(model.error().message().find("meta.type"), std::string::npos);
  auto old =
      imp.add_text(R"({"meta": {"type": "users", "version": 3}, "data": []})", "v3.json", errors);
  ASSERT_FALSE(old);
  EXPECT_EQ(old.error().code(), Errc::kUnsupported);
  EXPECT_TRUE(looks_like_sharphound(users_json()));
  EXPECT_FALSE(looks_like_sharphound(R"({"schema": "shieldwall/report/v1"})"));
}

TEST(SharpHoundImport, IdsAreMadeValidAndNamesKept) {
  SharpHoundImporter imp;
  std::vector<Error> errors;
  ASSERT_TRUE(imp.add_text(
      file("users",
           R"({"Properties": {"name": "BOB@X"}, "ObjectIdentifier": "S-1-5-21 9\"x", "Aces": []})"),
      "u.json", errors));
  Model m;
  imp.finish(m, errors);
  ASSERT_EQ(m.identities.size(), 1u);
  EXPECT_EQ(m.identities[0].id, "S-1-5-21_9_x");
  EXPECT_EQ(m.identities[0].extra["objectid"], "S-1-5-21 9\"x");
  EXPECT_EQ(m.identities[0].extra["name"], "BOB@X");
}

TEST(SharpHoundImport, ItemsAlreadyInTheModelWin) {
  Model m;
  Identity mine;
  mine.id = sid("512");
  mine.kind = "group";
  mine.owner = "team-identity";
  m.identities.push_back(mine);
  SharpHoundImporter imp;
  std::vector<Error> errors;
  ASSERT_TRUE(imp.add_text(groups_json(), "groups.json", errors));
  imp.finish(m, errors);
  const Identity* da = identity(m, sid("512"));
  ASSERT_NE(da, nullptr);
  EXPECT_EQ(da->owner, "team-identity");
  EXPECT_EQ(std::count_if(m.identities.begin(), m.identities.end(),
                          [&](const Identity& i) { return i.id == sid("512"); }),
            1);
}

TEST(SharpHoundImport, AnObjectSeenTwiceKeepsItsFirstPropertiesAndBothRelations) {
  SharpHoundImporter imp;
  std::vector<Error> errors;
  ASSERT_TRUE(imp.add_text(groups_json(), "groups.json", errors));
  ASSERT_TRUE(imp.add_text(
      file("groups", fmt::format(R"({{"Properties": {{"name": "RENAMED"}}, "ObjectIdentifier": "{}",
                                   "Members": [{{"ObjectIdentifier": "{}", "ObjectType": "User"}}]}})",
                                 sid("1200"), sid("1102"))),
      "groups2.json", errors));
  Model m;
  SharpHoundStats st = imp.finish(m, errors);
  EXPECT_EQ(st.duplicates, 1u);
  EXPECT_EQ(st.groups, 4u);
  EXPECT_EQ(identity(m, sid("1200"))->extra["name"], "HELPDESK@CORP.EXAMPLE");
  EXPECT_NE(relation(m, fmt::format("sh:member_of:{}:{}", sid("1101"), sid("1200"))), nullptr);
  EXPECT_NE(relation(m, fmt::format("sh:member_of:{}:{}", sid("1102"), sid("1200"))), nullptr);
  EXPECT_EQ(errors.size(), 1u);  // only the member without an ObjectIdentifier
}

TEST(SharpHoundImport, LegacyKeysAndGpoChanges) {
  SharpHoundImporter imp;
  std::vector<Error> errors;
  ASSERT_TRUE(imp.add_text(
      file(
          "computers",
          fmt::format(
              R"({{"ObjectIdentifier": "{}", "LocalAdmins": [{{"ObjectIdentifier": "{}", "ObjectType": "User"}}],
                          "PSRemoteUsers": {{"Results": [{{"ObjectIdentifier": "{}", "ObjectType": "User"}}]}}}},
                          {{"ObjectIdentifier": "{}"}})",
              sid("3001"), sid("1101"), sid("1102"), sid("3002"))),
      "c.json", errors));
  ASSERT_TRUE(imp.add_text(
      file(
          "ous",
          fmt::format(
              R"({{"ObjectIdentifier": "OU-1", "GPOChanges": {{"LocalAdmins": [{{"ObjectIdentifier": "{}", "ObjectType": "Group"}}],
                                 "AffectedComputers": [{{"ObjectIdentifier": "{}", "ObjectType": "Computer"}}, {{"ObjectIdentifier": "{}", "ObjectType": "Computer"}}]}}}})",
              sid("1200"), sid("3002"), sid("9999"))),
      "ous.json", errors));
  Model m;
  SharpHoundStats st = imp.finish(m, errors);
  EXPECT_NE(relation(m, fmt::format("sh:admin_to:{}:{}", sid("1101"), sid("3001"))), nullptr);
  EXPECT_NE(relation(m, fmt::format("sh:can_login:{}:{}", sid("1102"), sid("3001"))), nullptr);
  EXPECT_NE(relation(m, fmt::format("sh:admin_to:{}:{}", sid("1200"), sid("3002"))), nullptr);
  // A GPO-affected computer that is not in the data: the relation is left out, and said so.
  EXPECT_EQ(relation(m, fmt::format("sh:admin_to:{}:{}", sid("1200"), sid("9999"))), nullptr);
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors.back().message().find("not in the SharpHound data"), std::string::npos);
  EXPECT_EQ(st.other_objects, 1u);
  EXPECT_EQ(st.admin_to, 2u);
  EXPECT_EQ(st.can_login, 1u);
}

void write_zip(const std::string& path,
               const std::vector<std::pair<std::string, std::string>>& files) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  ASSERT_NE(z, nullptr);
  for (const auto& [name, text] : files) {
    zip_source_t* src = zip_source_buffer(z, text.data(), text.size(), 0);
    ASSERT_NE(src, nullptr);
    ASSERT_GE(zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE), 0);
  }
  ASSERT_EQ(zip_close(z), 0);  // writes the archive while the buffers are alive
}

TEST(SharpHoundImport, ReadsZipAndDirectoryAlike) {
  test::FixtureRoot root;
  const std::string users = users_json(), groups = groups_json(), computers = computers_json(),
                    domains = domains_json();
  write_zip(root.real("/collect.zip"), {{"20240101_users.json", users},
                                        {"20240101_groups.json", groups},
                                        {"20240101_computers.json", computers},
                                        {"20240101_domains.json", domains},
                                        {"readme.txt", "not json"}});
  root.write("/dir/a_users.json", users);
  root.write("/dir/b_groups.json", groups);
  root.write("/dir/c_computers.json", computers);
  root.write("/dir/d_domains.json", domains);
  root.write("/dir/notes.txt", "ignored");

  Model from_zip, from_dir;
  std::vector<Error> e1, e2;
  auto z = import_sharphound({root.real("/collect.zip")}, from_zip, e1);
  ASSERT_TRUE(z) << z.error().to_string();
  auto d = import_sharphound({root.real("/dir")}, from_dir, e2);
  ASSERT_TRUE(d) << d.error().to_string();
  EXPECT_EQ(z->files, 4u);
  EXPECT_EQ(d->files, 4u);
  EXPECT_EQ(from_zip.identities.size(), from_dir.identities.size());
  EXPECT_EQ(from_zip.relations.size(), from_dir.relations.size());
  EXPECT_EQ(z->controls, d->controls);
  // Errors inside a zip name the member.
  bool named = false;
  for (const Error& e : e1) {
    named = named || e.file() == root.real("/collect.zip") + ":20240101_users.json";
  }
  EXPECT_TRUE(named);

  Model none;
  std::vector<Error> e3;
  EXPECT_FALSE(import_sharphound({root.real("/missing.json")}, none, e3));
}

}  // namespace
}  // namespace sw::graph
