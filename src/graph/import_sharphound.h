// SPDX-License-Identifier: Apache-2.0
// Import of SharpHound collector JSON (BloodHound CE, format version 6; the older LocalAdmins /
// RemoteDesktopUsers / DcomUsers / PSRemoteUsers keys of version 4-5 are read too) into model
// items of schema shieldwall.graph/v1 (../shared/specs/graph.md, 2.2 and 2.6: "relations admin_to
// ... SharpHound JSON (LocalGroups, Aces)", "member_of, controls ... SharpHound groups.json/Aces").
// The bridge from real Active Directory estates to the weakest-link engine.
//
// Input: SharpHound's files (`<stamp>_users.json`, `_computers.json`, `_groups.json`,
// `_domains.json`, ... each `{"data": [...], "meta": {"type": ..., "version": ...}}`), a
// directory holding them, or the collector's .zip (read with libzip).
//
// Mapping (each relation is one gate; its owner is left empty so that it is inherited from the
// object it grants, as the compile rules say; fix_cost and p are left to the defaults table):
//   users, groups           -> identities (kind user / group), id from ObjectIdentifier (the SID)
//   computers               -> an asset (kind host, no zone, owner empty) AND an identity (kind
//                              computer, the machine account) with the same id; plus an unfixable
//                              `session` admin@C -> id:C (whoever is admin on a computer holds
//                              its machine account's credentials)
//   domains                 -> an identity (kind domain), crown jewel
//   group Members, a principal's PrimaryGroupSID -> member_of (member -> group)
//   computer Sessions, PrivilegedSessions, RegistrySessions -> session (user's credentials on C)
//   LocalGroups RID -544 (Administrators) / legacy LocalAdmins -> admin_to (principal -> C)
//   LocalGroups -555 Remote Desktop Users, -562 Distributed COM Users, -580 Remote Management
//     Users / legacy RemoteDesktopUsers, DcomUsers, PSRemoteUsers -> can_login (principal -> C)
//   GPOChanges of domains and OUs (LocalAdmins, RemoteDesktopUsers, DcomUsers, PSRemoteUsers
//     with AffectedComputers) -> the same admin_to / can_login relations
//   computer AllowedToAct (RBCD) and a principal's AllowedToDelegate -> admin_to
//   ACEs (Aces[]: PrincipalSID has RightName over this object):
//     on a user:     GenericAll, GenericWrite, WriteOwner, WriteDacl, Owns, ForceChangePassword,
//                    AllExtendedRights, AddKeyCredentialLink, WriteSPN, ReadGMSAPassword
//                    -> controls (principal -> user): the principal can take the account over
//     on a group:    GenericAll, GenericWrite, WriteOwner, WriteDacl, Owns, AddMember, AddSelf
//                    -> controls (principal -> group). AddMember is mapped to `controls`, not to
//                    `member_of`: the fact is "P may make itself a member", not "P is a member";
//                    it compiles to the same step id:P -> id:G, but the gate is the ACE (its fix
//                    is "remove the ACE", and it is owned by the group's owner), and an existing
//                    membership of P stays a separate member_of gate.
//     on a computer: GenericAll, GenericWrite, WriteOwner, WriteDacl, Owns, AllExtendedRights,
//                    AddKeyCredentialLink, ReadLAPSPassword, SyncLAPSPassword, AddAllowedToAct,
//                    WriteAccountRestrictions -> admin_to (principal -> computer): RBCD, shadow
//                    credentials or the LAPS password each give local admin.
//     on a domain:   GenericAll, GenericWrite, WriteOwner, WriteDacl, Owns, AllExtendedRights, and
//                    GetChanges together with GetChangesAll (DCSync) -> controls (principal ->
//                    domain).
//     All rights one principal holds over one object become ONE relation (the rights are listed
//     in its `extra.rights`): removing one of them leaves the others, so the fix is to remove
//     them all, and the min cut must count that fix once.
//     Rights on other objects (GPOs, OUs, containers, certificate templates and CAs) and other
//     rights are counted as unmapped: v1 has no rule for GPO-linked code execution or AD CS.
//   crown_jewel: groups whose SID ends in -512 (Domain Admins), -519 (Enterprise Admins) or -544
//     (BUILTIN\Administrators), domains, and computers that are domain controllers (IsDC).
//   Principals referenced but not present in the data (well-known SIDs such as
//     DOMAIN-S-1-5-11 Authenticated Users, foreign-domain principals) become stub identities
//     (`extra.stub: true`). BloodHound's implicit memberships are added for the well-known groups
//     that are referenced: the domain's Domain Users (-513) and Domain Computers (-515) are
//     member_of `<DOMAIN>-S-1-5-11` (Authenticated Users) and `<DOMAIN>-S-1-1-0` (Everyone), as
//     unfixable relations; without them a right given to "Authenticated Users" would reach no one
//     and paths would be missed (the model must err on the attacker's side, spec 2.3).
//   Not mapped in v1: domain trusts, SID history, GPO links, AD CS (ESC*), SPNTargets.
// Ids: the ObjectIdentifier made valid (import::make_id); the object's name, domain and a few
// properties are kept in `extra`. Deleted objects (IsDeleted) are skipped. An object that comes
// twice (same ObjectIdentifier) keeps its first properties and gets the relations of both, as
// BloodHound's ingest merges them. Items whose id is
// already in the model are kept as they are (a hand-written model wins over the import).
// Relation ids are "sh:<kind>:<from>:<to>".
//
// Parsing uses simdjson (DOM, error codes, no exceptions): SharpHound files of large estates run
// to hundreds of MB. Errors name the file (`<zip>:<member>` inside a zip) and the object.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "graph/model.h"

namespace sw::graph {

struct SharpHoundStats {
  std::size_t files = 0;  // SharpHound JSON files read
  std::size_t users = 0, computers = 0, groups = 0, domains = 0;
  std::size_t other_objects = 0;    // GPOs, OUs, containers, AD CS objects: read, not mapped
  std::size_t skipped_objects = 0;  // deleted, or malformed (an error says which)
  std::size_t duplicates = 0;       // an ObjectIdentifier seen again: relations merged, first kept
  std::size_t member_of = 0, sessions = 0, admin_to = 0, can_login = 0, controls = 0;
  std::size_t aces = 0;           // ACEs read
  std::size_t aces_unmapped = 0;  // ACEs with no rule in v1 (right or object kind)
  std::size_t stubs = 0;          // identities made for principals referenced but not present
  std::size_t crown_jewels = 0;
};

// Collects SharpHound data from several files, then adds it to a model in one go (stubs and
// implicit memberships need every file first).
class SharpHoundImporter {
 public:
  SharpHoundImporter();
  ~SharpHoundImporter();
  SharpHoundImporter(const SharpHoundImporter&) = delete;
  SharpHoundImporter& operator=(const SharpHoundImporter&) = delete;

  // A SharpHound .json file, a .zip of them, or a directory (its *.json and *.zip files, sorted
  // by name, not recursive). Problems with single objects go to `errors` and the rest is kept;
  // the Result is an error when the path as a whole cannot be read or is not SharpHound data.
  Result<void> add_path(const std::string& path, std::vector<Error>& errors);
  // One SharpHound JSON document already in memory; `origin` names it in errors.
  Result<void> add_text(std::string_view text, const std::string& origin,
                        std::vector<Error>& errors);
  // A zip archive already in memory (every *.json member is read).
  Result<void> add_zip(std::string_view bytes, const std::string& origin,
                       std::vector<Error>& errors);

  // Adds what was read to `model` and returns the counts. Call once, after the last add_*.
  SharpHoundStats finish(Model& model, std::vector<Error>& errors);

 private:
  struct State;
  std::unique_ptr<State> s_;
};

// add_path for each path, then finish.
Result<SharpHoundStats> import_sharphound(const std::vector<std::string>& paths, Model& model,
                                          std::vector<Error>& errors);

// True when the bytes look like a SharpHound JSON file (a top-level "meta" object with a "type"
// and a "data" array), for callers that sort model inputs by kind. Cheap: looks at the text only.
bool looks_like_sharphound(std::string_view text);

}  // namespace sw::graph
