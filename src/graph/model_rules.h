// SPDX-License-Identifier: Apache-2.0
// The field rules of shieldwall.graph/v1 for one item on its own (../shared/specs/graph.md, 2.2):
// id syntax, port syntax, p in (0,1], fix_cost >= 0 or null, the fields each kind needs. Shared by
// the reader (model_io.cpp: a bad item is reported and skipped) and validate() (models built by
// code). Cross-item checks (references) are validate()'s alone. Internal to sw_graph.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "graph/model.h"

namespace sw::graph::detail {

inline constexpr std::size_t kMaxIdLength = 512;

// `[A-Za-z0-9._:/-]+`, at most kMaxIdLength characters.
bool valid_id(std::string_view id);

// "proto/number" in canonical form (protocol lower-cased, number without leading zeros): tcp,
// udp and sctp ports 0..65535, other protocols (rpc program numbers) 0..4294967295. nullopt when
// the text is not a port; `any` is refused (v1 has no wildcard ports).
std::optional<std::string> canonical_port(std::string_view text);
// What is wrong with a port text, "" when it is fine.
std::string port_problem(std::string_view text);

// A state name as used in `targets`: user@A, admin@A, id:I, net:Z, reach:Z:proto/number.
// Fills the parts; false when the syntax is wrong.
struct StateName {
  enum class Kind { kUser, kAdmin, kId, kNet, kReach } kind = Kind::kUser;
  std::string ref;   // asset, identity or zone id
  std::string port;  // reach only
};
std::optional<StateName> parse_state_name(std::string_view name);

// The problems of one item on its own, each a short phrase ("p must be in (0, 1], got 1.5").
std::vector<std::string> check_item(const Owner& o);
std::vector<std::string> check_item(const Zone& z);
std::vector<std::string> check_item(const Asset& a);
std::vector<std::string> check_item(const Identity& i);
std::vector<std::string> check_item(const Person& p);
std::vector<std::string> check_item(const Flow& f);
std::vector<std::string> check_item(const Finding& f);
std::vector<std::string> check_item(const Relation& r);
std::vector<std::string> check_item(const EntryPoint& e);

// Canonical JSON of one item (model_to_json's items). With `for_compare`, lists whose order has
// no meaning (a flow's from/to/ports) are sorted, so that reordered duplicates compare equal.
nlohmann::json item_json(const Owner& o);
nlohmann::json item_json(const Zone& z);
nlohmann::json item_json(const Asset& a);
nlohmann::json item_json(const Identity& i);
nlohmann::json item_json(const Person& p);
nlohmann::json item_json(const Flow& f, bool for_compare = false);
nlohmann::json item_json(const Finding& f);
nlohmann::json item_json(const Relation& r);
nlohmann::json item_json(const EntryPoint& e);

std::string_view effect_name(Effect e);  // "code_exec", "priv_esc", "none"

}  // namespace sw::graph::detail
