#!/usr/bin/python3
"""Conformance of `shieldwall graph analyze` with the reference answers of the graph examples.

    graph-conformance.py BIN EXAMPLES_DIR

EXAMPLES_DIR holds worked-8.json and mulval-3host.json with their .expected.json files (the
project keeps them in shared/data/graph/examples). For every entry selection an .expected.json
gives (all_entries, network_only, phishing_only, identity_only), runs
`BIN graph analyze -f json [--entry KIND] MODEL` and compares:
  - reachable targets;
  - the most likely path's probability (within 1e-9) and its node sequence;
  - the min-cut value (within 1e-9); the cut items and the per-owner split where given (the
    reference gives them only where the optimum is unique); else, where the reference lists the
    optimal cuts, that ours is one of them;
  - the top paths (probability and gates, in order) where given;
  - the compiled node / gate / edge counts against stats.selected (the reference compiler
    compiles only the selected entries; stats.selected counts the same part of our graph).
Prints one line per comparison and a summary; exits 1 on any mismatch, 2 on a usage error or
when the binary fails.
"""
import json
import math
import os
import subprocess
import sys

SELECTIONS = {
    "all_entries": [],
    "network_only": ["--entry", "network"],
    "phishing_only": ["--entry", "phishing"],
    "identity_only": ["--entry", "identity"],
}
EXAMPLES = ["worked-8", "mulval-3host"]
TOL = 1e-9


class Tally:
    def __init__(self):
        self.ok = 0
        self.bad = 0

    def check(self, label, ours, expected, same):
        if same:
            self.ok += 1
            print(f"  ok        {label}: {fmt(ours)}")
        else:
            self.bad += 1
            print(f"  MISMATCH  {label}: ours {fmt(ours)}, expected {fmt(expected)}")


def fmt(v):
    if isinstance(v, float):
        return f"{v:.10g}"
    if isinstance(v, (list, dict)):
        return json.dumps(v, sort_keys=True)
    return str(v)


def near(a, b):
    return a is not None and b is not None and math.isclose(a, b, rel_tol=0, abs_tol=TOL)


def path_nodes(path):
    """Our path as the reference writes it: attacker, states, gate:<id>."""
    if path is None:
        return None
    out = ["attacker"]
    for step in path["steps"]:
        out.append(step["state"] if "state" in step else "gate:" + step["gate"])
    return out


def gates_of(path):
    return [s["gate"] for s in path["steps"] if "gate" in s]


def run(binary, model, extra):
    cmd = [binary, "graph", "analyze", "-f", "json", "--k", "10", *extra, model]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 1):
        print(f"  FAILED    {' '.join(cmd)}: exit {proc.returncode}\n{proc.stderr}", file=sys.stderr)
        return None
    return json.loads(proc.stdout)


def compare(tally, ours, exp):
    tally.check("reachable targets", sorted(ours["reachable_targets"]),
                sorted(exp["reachable_targets"]),
                sorted(ours["reachable_targets"]) == sorted(exp["reachable_targets"]))
    best = ours["most_likely_path"]
    prob = best["probability"] if best else None
    tally.check("most likely probability", prob, exp["most_likely_path_probability"],
                near(prob, exp["most_likely_path_probability"]))
    if "most_likely_path" in exp:
        nodes = path_nodes(best)
        tally.check("most likely path", nodes, exp["most_likely_path"],
                    nodes == exp["most_likely_path"])
    cut = ours["min_cut"]
    tally.check("min-cut value", cut["value"], exp["min_cut_value"],
                near(cut["value"], exp["min_cut_value"]))
    items = sorted(i["id"] for i in cut["items"])
    if "min_cut_items" in exp:
        tally.check("min-cut items", items, sorted(exp["min_cut_items"]),
                    items == sorted(exp["min_cut_items"]))
    for key, value in exp.items():
        if key.startswith("optimal_cuts_of_value_"):
            options = [sorted(c) for c in value]
            tally.check("min-cut is one of the optimal cuts", items, options, items in options)
    if "min_cut_by_owner" in exp:
        by_owner = {o["owner"]: {"cost": o["cost"], "share": o["share"], "items": sorted(o["items"])}
                    for o in cut["by_owner"]}
        want = {k: {"cost": v["cost"], "share": v["share"], "items": sorted(v["items"])}
                for k, v in exp["min_cut_by_owner"].items()}
        same = by_owner.keys() == want.keys() and all(
            near(by_owner[k]["cost"], want[k]["cost"]) and near(by_owner[k]["share"], want[k]["share"])
            and by_owner[k]["items"] == want[k]["items"] for k in want)
        tally.check("per-owner split", by_owner, want, same)
    if "top_paths_yen" in exp:
        want = exp["top_paths_yen"]
        got = ours["top_paths"][:len(want)]
        same = len(got) == len(want) and all(
            near(g["probability"], w["probability"]) and gates_of(g) == w["gates"]
            for g, w in zip(got, want))
        tally.check(f"top {len(want)} paths", [[g["probability"], gates_of(g)] for g in got],
                    [[w["probability"], w["gates"]] for w in want], same)
        if "simple_paths_attacker_to_target" in exp:
            n = len(ours["top_paths"])
            tally.check("number of simple paths (k=10)", n, exp["simple_paths_attacker_to_target"],
                        n == exp["simple_paths_attacker_to_target"])
    sel = ours["stats"]["selected"]
    for ours_key, exp_key in (("nodes", "compiled_nodes"), ("edges", "compiled_edges"),
                              ("gates", "gates")):
        if exp_key in exp:
            tally.check(f"compiled {ours_key}", sel[ours_key], exp[exp_key],
                        sel[ours_key] == exp[exp_key])


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    binary, examples = sys.argv[1], sys.argv[2]
    tally = Tally()
    failed = False
    for name in EXAMPLES:
        model = os.path.join(examples, name + ".json")
        with open(os.path.join(examples, name + ".expected.json"), encoding="utf-8") as f:
            expected = json.load(f)
        for selection, extra in SELECTIONS.items():
            if selection not in expected:
                continue
            print(f"{name} / {selection}")
            ours = run(binary, model, extra)
            if ours is None:
                failed = True
                continue
            compare(tally, ours, expected[selection])
    total = tally.ok + tally.bad
    print(f"\n{tally.ok} of {total} comparisons agree" + (f", {tally.bad} differ" if tally.bad else ""))
    if failed:
        return 2
    return 1 if tally.bad else 0


if __name__ == "__main__":
    sys.exit(main())
