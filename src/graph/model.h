// SPDX-License-Identifier: Apache-2.0
// The input model of `shieldwall graph`: schema shieldwall.graph/v1 (../shared/specs/graph.md,
// section 2.2). A model is assembled from one or more JSON/YAML files whose top-level arrays are
// merged by id; every item remembers the file (and line, where the parser gives one) it came from,
// so that errors name file and item.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/result.h"

namespace sw::graph {

inline constexpr std::string_view kModelSchema = "shieldwall.graph/v1";

// Where an item was read: for error messages ("net.yaml:12: flow fw-1: ...").
struct Origin {
  std::string file;
  int line = 0;  // 1-based; 0 when the format does not give one
};

// A gate's fix cost: missing (take the default of its kind), null (cannot be fixed) or a value.
struct FixCost {
  enum class State { kDefault, kUnfixable, kValue };
  State state = State::kDefault;
  double value = 0;  // >= 0 when state == kValue
};

// The fields every gate item may carry (spec 2.2 "Field rules").
struct GateFields {
  std::string owner;        // empty: inherited (compile rules)
  FixCost fix_cost;         //
  std::optional<double> p;  // 0 < p <= 1; nullopt: the default of its kind
  std::string fix;          // what to do, plain words; may be empty
};

struct Owner {
  std::string id;
  std::string kind;  // team | person | org | ... (free text)
  std::string contact;
  nlohmann::json extra = nlohmann::json::object();  // unknown fields, kept for display
  Origin origin;
};

struct Zone {
  std::string id;
  std::string name;
  nlohmann::json extra = nlohmann::json::object();
  Origin origin;
};

struct Service {
  std::string port;            // "tcp/443"
  std::string product;         // free text
  bool runs_as_admin = false;  // runs_as: admin|user (default user)
};

struct Asset {
  std::string id;
  std::string kind;  // host | app | ...
  std::string zone;  // empty: no zone (SaaS/app)
  std::string owner;
  bool crown_jewel = false;
  std::vector<Service> services;
  nlohmann::json extra = nlohmann::json::object();
  Origin origin;
};

struct Identity {
  std::string id;
  std::string kind;  // user | group | service_account | sshkey | cloud_principal | ...
  std::string owner;
  bool crown_jewel = false;
  nlohmann::json extra = nlohmann::json::object();
  Origin origin;
};

struct Person {
  std::string id;
  std::string identity;     // identity id the person's credentials give
  std::string workstation;  // asset id
  std::string owner;        // default: the person's own id
  std::optional<double> phish_p;
  FixCost phish_fix_cost;
  std::string fix;
  nlohmann::json extra = nlohmann::json::object();
  Origin origin;
};

struct Flow {
  std::string id;
  std::vector<std::string> from;   // zone ids
  std::vector<std::string> to;     // zone ids
  std::vector<std::string> ports;  // "tcp/443"; "any" is not allowed in v1
  GateFields gate;
  nlohmann::json extra = nlohmann::json::object();
  Origin origin;
};

enum class Effect { kNone, kCodeExec, kPrivEsc };

struct Finding {
  std::string id;
  std::string kind;   // vuln | secret | <other kinds make no edges>
  std::string asset;  // asset id
  std::string port;   // vuln code_exec: the service port
  std::string cve;
  Effect effect = Effect::kNone;
  std::optional<bool> kev;
  std::optional<double> epss;
  std::string cvss;             // a CVSS v2/v3.x vector, if given (for the default p)
  std::string grants;           // secret: identity id it grants
  bool requires_admin = false;  // secret: requires: user|admin (default user)
  std::string title;            // free text shown in reports
  GateFields gate;
  nlohmann::json extra = nlohmann::json::object();
  Origin origin;
};

enum class RelationKind { kMemberOf, kAdminTo, kCanLogin, kSession, kControls, kSso, kExecOn };
std::string_view relation_kind_name(RelationKind k);  // "member_of", ...
std::optional<RelationKind> parse_relation_kind(std::string_view s);

struct Relation {
  std::string id;
  RelationKind kind = RelationKind::kMemberOf;
  std::string from;  // identity (member_of, admin_to, can_login, controls) or asset (sso, exec_on)
  std::string to;    // group / asset / identity / asset
  std::string identity;        // session: the identity whose credentials sit on `host`
  std::string host;            // session
  bool requires_admin = true;  // exec_on: requires: admin|user (default admin)
  bool level_admin = true;     // exec_on: level: admin|user (default admin)
  GateFields gate;
  nlohmann::json extra = nlohmann::json::object();
  Origin origin;
};

enum class EntryKind { kNetwork, kPhishing, kIdentity };
std::string_view entry_kind_name(EntryKind k);  // "network", "phishing", "identity"
std::optional<EntryKind> parse_entry_kind(std::string_view s);

struct EntryPoint {
  std::string id;
  EntryKind kind = EntryKind::kNetwork;
  std::string zone;      // network
  std::string identity;  // identity
  nlohmann::json extra = nlohmann::json::object();
  Origin origin;
};

// Merge bookkeeping of load_model_file/load_model_text: item id -> position, per top-level array
// (owners, zones, assets, identities, people, flows, findings, relations, entry_points, targets),
// so that merging many files stays linear. Not model content: it is extended, or rebuilt when the
// arrays were changed by other code, at the start of every load.
struct ModelIndex {
  static constexpr std::size_t kArrays = 10;
  std::array<std::unordered_map<std::string, std::size_t>, kArrays> by_id;
  std::array<std::size_t, kArrays> indexed{};  // items [0, indexed) are in by_id
};

struct Model {
  std::string schema = "shieldwall.graph/v1";
  std::string org;
  std::vector<Owner> owners;
  std::vector<Zone> zones;
  std::vector<Asset> assets;
  std::vector<Identity> identities;
  std::vector<Person> people;
  std::vector<Flow> flows;
  std::vector<Finding> findings;
  std::vector<Relation> relations;
  std::vector<EntryPoint> entry_points;
  std::vector<std::string> targets;  // state names, e.g. "admin@db01", "id:g.domain-admins"
  std::vector<std::string> files;    // the files the model was assembled from, in order
  ModelIndex index;                  // merge bookkeeping (see ModelIndex)
};

// Default p and fix_cost per gate kind (spec 2.2 table); product constants, changeable in config.
struct Defaults {
  double flow_p = 1.0, flow_cost = 5;
  double vuln_remote_p = 0.7, vuln_local_p = 0.6, vuln_cost = 2;
  double kev_p = 0.9, epss_min_p = 0.05;
  double secret_p = 0.9, secret_cost = 1;
  double session_p = 0.8, session_cost = 2;
  double member_of_p = 1.0, member_of_cost = 3;
  double admin_p = 0.95, admin_cost = 2;  // admin_to / can_login / controls
  double sso_p = 0.95, sso_cost = 8;
  double exec_on_p = 0.9, exec_on_cost = 4;
  double phish_p = 0.1, phish_cost = 3;
};

// ---- Reading (model_io.cpp) ----

// Reads one model file (JSON, or YAML 1.2 by extension .yaml/.yml or content) and merges it into
// `model`: top-level arrays merged by id; the same id with different content is an error naming
// both files and the item; identical duplicates are accepted once. Bad items are reported in
// `errors` (file, line where known, item id, what is wrong) and left out; the rest is kept. Returns
// an error only when the file as a whole cannot be read or parsed.
Result<void> load_model_file(const std::string& path, Model& model, std::vector<Error>& errors);

// The same for bytes already in memory (`origin` names them in errors; stdin, tests, fuzzing).
Result<void> load_model_text(std::string_view text, const std::string& origin, Model& model,
                             std::vector<Error>& errors);

// Checks references and values across the merged model: dangling references (a flow's zone, a
// finding's asset, a relation's ends, a person's workstation/identity, an entry's zone/identity,
// a target state), a vuln code_exec port with no such service, p out of (0,1], negative costs,
// unknown kinds. One Error per problem, naming file and item. An empty vector means valid.
std::vector<Error> validate(const Model& model);

// The model as canonical shieldwall.graph/v1 JSON (every item with its known fields in a fixed
// form, unknown fields kept, defaults left out). Loading the result gives the same model again;
// two items are "the same content" for merging exactly when their canonical forms are equal.
nlohmann::json model_to_json(const Model& model);

}  // namespace sw::graph
