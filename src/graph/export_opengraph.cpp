// SPDX-License-Identifier: Apache-2.0
// AttackGraph -> BloodHound OpenGraph JSON; the mapping is documented in export_opengraph.h.
#include "graph/export_opengraph.h"

#include <cstdint>
#include <vector>

namespace sw::graph {
namespace {

using nlohmann::json;

json state_node(const Node& n, bool is_target) {
  const std::string& s = n.name;
  json props = {{"name", s}};
  std::vector<std::string> kinds;
  if (n.kind == NodeKind::kAttacker) {
    kinds = {"SWAttacker"};
  } else if (n.kind == NodeKind::kTarget) {
    kinds = {"SWTarget"};
  } else if (s.rfind("user@", 0) == 0) {
    kinds = {"SWAsset", "SWUserAccess"};
    props["asset"] = s.substr(5);
    props["level"] = "user";
  } else if (s.rfind("admin@", 0) == 0) {
    kinds = {"SWAsset", "SWAdminAccess"};
    props["asset"] = s.substr(6);
    props["level"] = "admin";
  } else if (s.rfind("id:", 0) == 0) {
    kinds = {"SWIdentity"};
    props["identity"] = s.substr(3);
  } else if (s.rfind("net:", 0) == 0) {
    kinds = {"SWNetwork"};
    props["zone"] = s.substr(4);
  } else if (s.rfind("reach:", 0) == 0) {
    kinds = {"SWNetwork", "SWReach"};
    const std::string rest = s.substr(6);
    const std::size_t colon = rest.find(':');
    props["zone"] = rest.substr(0, colon);
    if (colon != std::string::npos) props["port"] = rest.substr(colon + 1);
  } else {
    kinds = {"SWState"};
  }
  if (is_target) props["target"] = true;
  return {{"id", s}, {"kinds", kinds}, {"properties", props}};
}

void gate_properties(const Node& n, json& props) {
  props["gate"] = n.name;
  props["gate_kind"] = std::string(gate_kind_name(n.gate_kind));
  if (!n.owner.empty()) props["owner"] = n.owner;
  props["p"] = n.p;
  props["fixable"] = n.cost.has_value();
  if (n.cost) props["cost"] = *n.cost;
  if (!n.fix.empty()) props["fix"] = n.fix;
  if (!n.title.empty()) props["title"] = n.title;
  props["p_defaulted"] = n.p_defaulted;
  props["cost_defaulted"] = n.cost_defaulted;
}

json edge(std::string_view kind, const std::string& from, const std::string& to, json props) {
  json e = {{"kind", kind},
            {"start", {{"match_by", "id"}, {"value", from}}},
            {"end", {{"match_by", "id"}, {"value", to}}}};
  if (!props.empty()) e["properties"] = std::move(props);
  return e;
}

}  // namespace

std::string opengraph_kind(GateKind k) {
  std::string out = "SW";
  bool up = true;
  for (char c : gate_kind_name(k)) {
    if (c == '_') {
      up = true;
      continue;
    }
    out += up && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    up = false;
  }
  return out;
}

json to_opengraph(const AttackGraph& g, std::string_view source_kind) {
  const std::size_t n = g.nodes.size();
  std::vector<std::uint32_t> ins(n, 0), outs(n, 0);
  std::vector<NodeId> pred(n, kNoNode), succ(n, kNoNode);
  std::vector<bool> is_target(n, false);
  for (const Edge& e : g.edges) {
    if (e.from >= n || e.to >= n) continue;
    ++outs[e.from];
    ++ins[e.to];
    pred[e.to] = e.from;
    succ[e.from] = e.to;
    if (e.to == g.target) is_target[e.from] = true;
  }
  auto is_gate = [&](NodeId id) { return g.nodes[id].kind == NodeKind::kGate; };
  // A gate becomes one edge when it joins exactly one state to exactly one state.
  std::vector<bool> collapsed(n, false);
  for (NodeId id = 0; id < n; ++id) {
    if (is_gate(id) && ins[id] == 1 && outs[id] == 1 && !is_gate(pred[id]) && !is_gate(succ[id])) {
      collapsed[id] = true;
    }
  }
  auto node_id = [&](NodeId id) {
    return is_gate(id) ? "gate:" + g.nodes[id].name : g.nodes[id].name;
  };

  json nodes = json::array();
  for (NodeId id = 0; id < n; ++id) {
    const Node& node = g.nodes[id];
    if (!is_gate(id)) {
      nodes.push_back(state_node(node, is_target[id]));
    } else if (!collapsed[id]) {
      json props = {{"name", node.name}};
      gate_properties(node, props);
      nodes.push_back({{"id", node_id(id)},
                       {"kinds", json::array({"SWGate", opengraph_kind(node.gate_kind)})},
                       {"properties", props}});
    }
  }

  // An edge out of the attacker says which entry point it is, whatever it leads to.
  auto entry_properties = [&](const Edge& e, json& props) {
    if (e.from == g.attacker && e.entry < g.entries.size()) {
      props["entry"] = g.entries[e.entry].id;
      props["entry_kind"] = std::string(entry_kind_name(g.entries[e.entry].kind));
    }
  };
  json edges = json::array();
  for (const Edge& e : g.edges) {
    if (e.from >= n || e.to >= n) continue;
    if (is_gate(e.to) && collapsed[e.to]) {
      const Node& gate = g.nodes[e.to];
      json props = json::object();
      gate_properties(gate, props);
      entry_properties(e, props);
      edges.push_back(edge(opengraph_kind(gate.gate_kind), node_id(e.from), node_id(succ[e.to]),
                           std::move(props)));
    } else if (is_gate(e.from) && collapsed[e.from]) {
      // written with the gate's in-edge
    } else if (is_gate(e.from) || is_gate(e.to)) {
      json props = json::object();
      entry_properties(e, props);
      edges.push_back(edge("SWEnables", node_id(e.from), node_id(e.to), std::move(props)));
    } else if (e.from == g.attacker) {
      json props = json::object();
      entry_properties(e, props);
      edges.push_back(edge("SWEntry", node_id(e.from), node_id(e.to), std::move(props)));
    } else if (e.to == g.target) {
      edges.push_back(edge("SWTargetOf", node_id(e.from), node_id(e.to), json::object()));
    } else {
      edges.push_back(edge("SWLeadsTo", node_id(e.from), node_id(e.to), json::object()));
    }
  }
  return {{"metadata", {{"source_kind", source_kind}}},
          {"graph", {{"nodes", std::move(nodes)}, {"edges", std::move(edges)}}}};
}

void write_opengraph(const AttackGraph& g, std::ostream& out, std::string_view source_kind) {
  out << to_opengraph(g, source_kind).dump(2, ' ', false, json::error_handler_t::replace) << '\n';
}

}  // namespace sw::graph
