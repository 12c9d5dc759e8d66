#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The analysis of `shieldwall graph analyze --k 0 --target-cuts 0` done with networkx, for the
side-by-side benchmark (bench/graph-vs-networkx.sh). It reads the compiled attack graph as
`shieldwall graph export -f opengraph` writes it (the BloodHound OpenGraph mapping of
src/graph/export_opengraph.h), so both sides work on the same graph, and does the same work:

  - reachability from the attacker, with every entry and per entry kind (network, phishing,
    identity), and the targets reached;
  - the most likely path to any target: Dijkstra on -ln p (p on the step into a gate);
  - the minimum-cost cut: max-flow (preflow-push, networkx's fastest) on the node-split graph,
    each gate an arc gate:in -> gate:out of capacity = its fix cost (no capacity = unfixable),
    every other arc unbounded; the cut set and its per-owner split; with every entry and per
    entry kind.

It prints one JSON object: the values (for the comparison) and the seconds per phase.

    bench/graph-networkx.py GRAPH.opengraph.json
"""
import json
import math
import sys
import time

import networkx as nx
from networkx.algorithms.flow import preflow_push

KINDS = ["network", "phishing", "identity"]


def load(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)["graph"]
    g = nx.DiGraph()
    gates = {}  # node -> (p, cost or None, owner)

    def add_gate(node, props):
        gates[node] = (float(props.get("p", 1.0)),
                       float(props["cost"]) if props.get("fixable") else None,
                       props.get("owner", ""))

    for n in doc["nodes"]:
        g.add_node(n["id"])
        if "SWGate" in n["kinds"]:
            add_gate(n["id"], n["properties"])
    entry_kinds = {}  # (attacker, state) -> set of entry kinds
    for e in doc["edges"]:
        u, v, kind = e["start"]["value"], e["end"]["value"], e["kind"]
        props = e.get("properties", {})
        first_hop = (u, v)
        if kind in ("SWEntry", "SWEnables", "SWTargetOf", "SWLeadsTo"):
            g.add_edge(u, v)
        else:  # a gate collapsed into one edge: expand it again
            gate = "gate:" + props["gate"]
            add_gate(gate, props)
            g.add_edge(u, gate)
            g.add_edge(gate, v)
            first_hop = (u, gate)
        if "entry_kind" in props:  # an edge out of the attacker, to a state or a gate
            entry_kinds.setdefault(first_hop, set()).add(props["entry_kind"])
    return g, gates, entry_kinds


def edge_on(u, v, kind, entry_kinds):
    if u != "attacker" or kind is None:
        return True
    return kind in entry_kinds.get((u, v), ())


def reach(g, kind, entry_kinds):
    if kind is None:
        seen = nx.descendants(g, "attacker")
    else:
        view = nx.subgraph_view(g, filter_edge=lambda u, v: edge_on(u, v, kind, entry_kinds))
        seen = nx.descendants(view, "attacker")
    return sorted(s for s in g.predecessors("target") if s in seen)


def best_path(g, gates, kind, entry_kinds):
    def weight(u, v, _):
        if not edge_on(u, v, kind, entry_kinds):
            return None
        gate = gates.get(v)
        if gate is None:
            return 0.0
        return math.inf if gate[0] <= 0 else -math.log(gate[0])

    try:
        dist, _ = nx.single_source_dijkstra(g, "attacker", target="target", weight=weight)
    except nx.NetworkXNoPath:
        return None
    return math.exp(-dist)


def min_cut(g, gates, kind, entry_kinds):
    h = nx.DiGraph()
    for gate, (_, cost, _) in gates.items():
        if cost is None:
            h.add_edge(gate + "#in", gate + "#out")
        else:
            h.add_edge(gate + "#in", gate + "#out", capacity=cost)

    def tail(n):
        return n + "#out" if n in gates else n

    def head(n):
        return n + "#in" if n in gates else n

    for u, v in g.edges():
        if edge_on(u, v, kind, entry_kinds):
            h.add_edge(tail(u), head(v))
    if "target" not in h or "attacker" not in h:
        return {"value": 0.0, "unbounded": False, "items": [], "by_owner": {}}
    try:
        value, (s_side, _) = nx.minimum_cut(h, "attacker", "target", flow_func=preflow_push)
    except nx.NetworkXUnbounded:
        return {"value": None, "unbounded": True, "items": [], "by_owner": {}}
    items, by_owner = [], {}
    for gate, (_, cost, owner) in gates.items():
        if cost is not None and gate + "#in" in s_side and gate + "#out" not in s_side:
            items.append(gate[len("gate:"):] if gate.startswith("gate:") else gate)
            by_owner[owner] = by_owner.get(owner, 0.0) + cost
    return {"value": value, "unbounded": False, "items": sorted(items), "by_owner": by_owner}


def main():
    seconds = {}
    t = time.process_time()
    g, gates, entry_kinds = load(sys.argv[1])
    seconds["load"] = time.process_time() - t
    present = sorted({k for ks in entry_kinds.values() for k in ks}, key=KINDS.index)
    out = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "gates": len(gates)}

    t = time.process_time()
    out["reachable_targets"] = reach(g, None, entry_kinds)
    by_kind = {k: {"reachable_targets": reach(g, k, entry_kinds)} for k in present}
    seconds["reachability"] = time.process_time() - t

    t = time.process_time()
    out["best_probability"] = best_path(g, gates, None, entry_kinds)
    for k in present:
        by_kind[k]["best_probability"] = best_path(g, gates, k, entry_kinds)
    seconds["dijkstra"] = time.process_time() - t

    t = time.process_time()
    out["min_cut"] = min_cut(g, gates, None, entry_kinds)
    for k in present:
        by_kind[k]["min_cut"] = min_cut(g, gates, k, entry_kinds)
    seconds["maxflow"] = time.process_time() - t

    out["by_entry_kind"] = by_kind
    out["cpu_seconds"] = seconds
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
