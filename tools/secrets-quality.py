#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Secret-scanner quality on a labelled corpus (tests/secrets/corpus/make_corpus.py).

Usage:
  tools/secrets-quality.py CORPUS --shieldwall BINARY [--rules FILE] [-v]
  tools/secrets-quality.py CORPUS --gitleaks-json REPORT.json      (a gitleaks-format report)
  tools/secrets-quality.py CORPUS --secretlint                     (npx secretlint, if installed)

A planted secret counts as found when the scanner reports a finding in its file on its line; a
decoy counts as flagged when the scanner reports anything in its file (one item per file).
Prints recall on secrets and the share of decoys flagged, overall and per kind, and per syntax
for the misses. The issue's targets: >= 98% of secrets found, <= 3% of decoys flagged.
"""
import argparse
import collections
import json
import os
import subprocess
import sys


def load_labels(corpus):
    with open(os.path.join(corpus, "labels.jsonl")) as f:
        return [json.loads(line) for line in f if line.strip()]


def norm(corpus, path):
    """A reported path relative to the corpus root ("files/00001/config.ini")."""
    p = path.replace("\\", "/")
    files = os.path.join(corpus, "files").replace("\\", "/")
    if p.startswith(files + "/"):
        return "files/" + p[len(files) + 1:]
    if p.startswith("/"):
        i = p.find("/files/")
        return p[i + 1:] if i >= 0 else p
    return p if p.startswith("files/") else "files/" + p


def shieldwall_hits(corpus, binary, rules):
    cmd = [binary, "secrets", os.path.join(corpus, "files"), "-f", "json"]
    if rules:
        cmd += ["--rules", rules]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)}: exit {proc.returncode}: {proc.stderr.strip()[:500]}")
    report = json.loads(proc.stdout)
    hits = collections.defaultdict(list)
    for f in report.get("findings", []):
        loc = f.get("location") or {}
        if loc.get("path"):
            hits[norm(corpus, loc["path"])].append((loc.get("line", 0), f.get("check", "")))
    return hits


def gitleaks_hits(corpus, report_path):
    with open(report_path) as f:
        report = json.load(f)
    hits = collections.defaultdict(list)
    for item in report:
        hits[norm(corpus, item["File"])].append((item.get("StartLine", 0), item.get("RuleID", "")))
    return hits


def secretlint_hits(corpus):
    proc = subprocess.run(["npx", "--no-install", "secretlint", "--format", "json", os.path.join(corpus, "files/**/*")],
                          capture_output=True, text=True, check=False)
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        sys.exit(f"secretlint: no JSON output (exit {proc.returncode}): {proc.stderr.strip()[:300]}")
    hits = collections.defaultdict(list)
    for file_result in report:
        for m in file_result.get("messages", []):
            hits[norm(corpus, file_result["filePath"])].append((m.get("loc", {}).get("start", {}).get("line", 0),
                                                                 m.get("ruleId", "")))
    return hits


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--shieldwall", metavar="BINARY")
    ap.add_argument("--rules", help="rule file for shieldwall (default: its own rules)")
    ap.add_argument("--gitleaks-json", metavar="REPORT")
    ap.add_argument("--secretlint", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and false alarm")
    args = ap.parse_args()
    labels = load_labels(args.corpus)
    if args.shieldwall:
        hits, name = shieldwall_hits(args.corpus, args.shieldwall, args.rules), "shieldwall" + (f" --rules {args.rules}" if args.rules else "")
    elif args.gitleaks_json:
        hits, name = gitleaks_hits(args.corpus, args.gitleaks_json), "gitleaks report"
    elif args.secretlint:
        hits, name = secretlint_hits(args.corpus), "secretlint"
    else:
        sys.exit("say which scanner: --shieldwall BINARY, --gitleaks-json REPORT or --secretlint")

    per_kind = collections.defaultdict(lambda: [0, 0])  # kind -> [hit, total]
    miss_syntax = collections.Counter()
    found = total_secrets = flagged = total_decoys = misplaced = 0
    details = []
    for label in labels:
        in_file = hits.get(label["file"], [])
        if label["secret"]:
            total_secrets += 1
            ok = any(line == label["line"] for line, _ in in_file)
            if not ok and in_file:
                misplaced += 1
            found += ok
            per_kind[label["kind"]][0] += ok
            if not ok:
                miss_syntax[label["syntax"]] += 1
                details.append(f"  missed  {label['kind']:<24} {label['syntax']:<10} {label['file']}:{label['line']}")
        else:
            total_decoys += 1
            bad = bool(in_file)
            flagged += bad
            per_kind[label["kind"]][0] += bad
            if bad:
                details.append(f"  flagged {label['kind']:<24} {label['syntax']:<10} {label['file']} by {in_file[0][1]}")
        per_kind[label["kind"]][1] += 1

    print(f"{name}: secrets found {found}/{total_secrets} = {100.0 * found / max(1, total_secrets):.1f}%"
          f" ({misplaced} more reported on another line); decoys flagged {flagged}/{total_decoys} = "
          f"{100.0 * flagged / max(1, total_decoys):.1f}%")
    secret_kinds = sorted({x["kind"] for x in labels if x["secret"]})
    decoy_kinds = sorted({x["kind"] for x in labels if not x["secret"]})
    print("secrets by kind (found/total): " + ", ".join(f"{k} {per_kind[k][0]}/{per_kind[k][1]}" for k in secret_kinds))
    print("decoys by kind (flagged/total): " + ", ".join(f"{k} {per_kind[k][0]}/{per_kind[k][1]}" for k in decoy_kinds))
    if miss_syntax:
        print("misses by syntax: " + ", ".join(f"{s} {n}" for s, n in miss_syntax.most_common()))
    if args.verbose:
        print("\n".join(details))


if __name__ == "__main__":
    main()
