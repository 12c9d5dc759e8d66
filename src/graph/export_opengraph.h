// SPDX-License-Identifier: Apache-2.0
// Export of a compiled attack graph as BloodHound OpenGraph JSON (../shared/specs/graph.md, 2.5
// "Exports"; schemas opengraph-node.json / opengraph-edge.json of SpecterOps' bloodhound-docs), so
// that people can explore our graph in BloodHound.
//
// Payload: {"metadata": {"source_kind": "ShieldWall"}, "graph": {"nodes": [...], "edges": [...]}}.
// Mapping (spec 2.5):
//  - every state -> a node whose id is the state name; kinds (at most 3, the first is the icon):
//      user@A   -> SWAsset, SWUserAccess        admin@A -> SWAsset, SWAdminAccess
//      id:I     -> SWIdentity                   net:Z   -> SWNetwork
//      reach:Z:P -> SWNetwork, SWReach          attacker -> SWAttacker    target -> SWTarget
//    properties: name (the state name), and asset / identity / zone / port as parsed from it;
//    target: true for the states that have an edge into `target`.
//  - a gate with exactly one predecessor and one successor (both states) -> ONE edge between
//    them whose kind is "SW" + the gate kind in CamelCase (SWFlow, SWVuln, SWSecret, SWSession,
//    SWMemberOf, SWAdminTo, SWCanLogin, SWControls, SWSso, SWExecOn, SWPhish);
//  - any other gate -> a node "gate:<id>" of kinds SWGate, SW<Kind>, with SWEnables edges from
//    each predecessor and to each successor (the gate is one fix: cutting it removes every step);
//  - gate properties (on the edge or the SWGate node), flat: gate (the id), gate_kind, owner, p,
//    cost (absent when unfixable), fixable, fix, title, p_defaulted, cost_defaulted;
//  - free edges: attacker -> state is SWEntry (properties entry, entry_kind), state -> target is
//    SWTargetOf, any other (admin@A -> user@A, user@A -> net:Z) is SWLeadsTo.
// Properties never hold null or objects (the schema allows strings, numbers, booleans and
// homogeneous arrays) and never the reserved key "objectid". Nodes are written in node order,
// edges in edge order: the output is deterministic. Hand-written: no library writes OpenGraph.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "graph/attack_graph.h"

namespace sw::graph {

// "SWFlow", "SWMemberOf", ...: the OpenGraph edge kind of a gate kind.
std::string opengraph_kind(GateKind k);

// The OpenGraph payload for the whole graph.
nlohmann::json to_opengraph(const AttackGraph& g, std::string_view source_kind = "ShieldWall");

// The same, written as indented JSON with a final newline.
void write_opengraph(const AttackGraph& g, std::ostream& out,
                     std::string_view source_kind = "ShieldWall");

}  // namespace sw::graph
