#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Version-ordering conformance: runs the osv-scalibr vector files through `shieldwall vuln compare`.

Usage: tools/versions-conformance.py BINARY VERSIONS_DIR [--dpkg [N]] [--only PREFIX]

For every `*-versions*.txt` file in VERSIONS_DIR (format in its README: `A OP B` lines, `# ` and
`// ` comments skipped) each pair is checked in both directions, cmp(A,B) == OP and
cmp(B,A) == inverse(OP), in one `BINARY vuln compare --stdin` run per file, under the ecosystem the
README maps the file to. Prints per file: pairs, agree, disagree, rejected (a version the scheme
refused: `?`) and unsupported (the ecosystem is unknown to the binary, e.g. a scheme not written
yet). Exits 1 on any disagreement or rejection of a supported ecosystem, else 0.

--dpkg [N] also draws N (default 2000) pairs from the Debian vectors and the installed packages
(`dpkg-query -W`), mutates some, and checks `Debian` answers against `dpkg --compare-versions`.
"""
import argparse
import os
import random
import re
import subprocess
import sys

# File prefix -> OSV ecosystem (README, "Which file applies to which OSV ecosystem").
ECOSYSTEMS = {
    "alpine": "Alpine",
    "cran": "CRAN",
    "debian": "Debian",
    "hackage": "Hackage",
    "maven": "Maven",
    "nuget": "NuGet",
    "packagist": "Packagist",
    "pub": "Pub",
    "pypi": "PyPI",
    "redhat": "Red Hat",
    "rubygems": "RubyGems",
    "semver": "npm",
}
INVERSE = {"<": ">", ">": "<", "=": "="}


def read_vectors(path):
    out = []
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("# ") or line.startswith("//"):
                continue
            fields = line.split(" ")
            if len(fields) != 3 or fields[1] not in INVERSE:
                print(f"{path}:{number}: skipped malformed line: {line!r}", file=sys.stderr)
                continue
            out.append((number, fields[0], fields[1], fields[2]))
    return out


def run_compare(binary, ecosystem, pairs):
    """Answers for (a, b) pairs: list of '<', '=', '>' or '?'; plus stderr lines."""
    data = "".join(f"{ecosystem}\t{a}\t{b}\n" for a, b in pairs)
    proc = subprocess.run([binary, "vuln", "compare", "--stdin"], input=data.encode("utf-8", "surrogateescape"),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    answers = proc.stdout.decode("utf-8", "replace").split("\n")[:-1]
    errors = proc.stderr.decode("utf-8", "replace").splitlines()
    if len(answers) != len(pairs):
        raise RuntimeError(f"{binary}: {len(answers)} answers for {len(pairs)} lines "
                           f"(exit {proc.returncode}): {errors[:3]}")
    return answers, errors


def check_file(binary, path, ecosystem, verbose):
    vectors = read_vectors(path)
    pairs = []
    for _, a, _, b in vectors:
        pairs.append((a, b))
        pairs.append((b, a))
    answers, errors = run_compare(binary, ecosystem, pairs) if pairs else ([], [])
    unsupported = any("unknown ecosystem" in e for e in errors)
    agree = disagree = rejected = 0
    failures = []
    for k, (number, a, op, b) in enumerate(vectors):
        fwd, back = answers[2 * k], answers[2 * k + 1]
        if fwd == "?" or back == "?":
            rejected += 1
            failures.append(f"  {os.path.basename(path)}:{number}: {a} {op} {b}: rejected")
        elif fwd == op and back == INVERSE[op]:
            agree += 1
        else:
            disagree += 1
            failures.append(f"  {os.path.basename(path)}:{number}: {a} {op} {b}: got {fwd} / reverse {back}")
    if verbose and not unsupported:
        for f in failures[:50]:
            print(f)
        for e in errors[:10]:
            print(f"  stderr: {e}")
    return len(vectors), agree, disagree, rejected, unsupported


def dpkg_check(binary, versions_dir, count, seed):
    rng = random.Random(seed)
    pool = set()
    for name in sorted(os.listdir(versions_dir)):
        if name.startswith("debian-"):
            for _, a, _, b in read_vectors(os.path.join(versions_dir, name)):
                pool.update((a, b))
    try:
        q = subprocess.run(["dpkg-query", "-W", "-f", "${Version}\n"], capture_output=True, text=True, check=False)
        pool.update(v for v in q.stdout.split() if v)
    except OSError:
        pass
    pool = sorted(pool)
    specials = ["~", "~~", "-", ":", ".", "+", "0", "a", "1", "00"]

    def mutate(v):
        r = rng.random()
        if r < 0.5:
            return v
        i = rng.randrange(len(v) + 1)
        if r < 0.8:
            return v[:i] + rng.choice(specials) + v[i:]
        return v[:i] + v[i + 1:] if v else v

    # Edge cases first: blank versions, dpkg's error cases, warnings, tildes, epochs.
    pairs = [("", "0"), ("<unknown>", "1"), ("", ""), ("1.0-", "1"), ("0:", "1"), ("a:1", "1"),
             ("1a:1", "1"), ("99999999999:1", "1"), ("1:-1", "1"), ("a1", "1"), ("1.0_1", "1.0"),
             (" 1.0 ", "1.0"), ("1 0", "1"), ("+1:1", "1:1"), ("1.0~", "1.0"), ("1.0~~", "1.0~"),
             ("1.0", "1.0-0"), ("1.0\u00fc", "1.0z"), ("1.0\u00fc", "1.0.")]
    for _ in range(count):
        a = mutate(rng.choice(pool))
        b = mutate(rng.choice(pool)) if rng.random() < 0.7 else mutate(a)
        if a.startswith("-") or b.startswith("-"):
            continue  # dpkg would take them for options
        pairs.append((a, b))
    answers, _ = run_compare(binary, "Debian", pairs)
    agree = disagree = both_reject = 0
    for (a, b), ours in zip(pairs, answers):
        ref = "?"
        for op, sym in (("lt", "<"), ("eq", "="), ("gt", ">")):
            rc = subprocess.run(["dpkg", "--compare-versions", a, op, b], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, check=False).returncode
            if rc == 2:
                ref = "?"
                break
            if rc == 0:
                ref = sym
                break
        if ref == ours == "?":
            both_reject += 1
        elif ref == ours:
            agree += 1
        else:
            disagree += 1
            print(f"  dpkg: {a!r} vs {b!r}: dpkg {ref}, ours {ours}")
    print(f"dpkg --compare-versions: {len(pairs)} pairs, agree {agree}, both reject {both_reject}, disagree {disagree}")
    return disagree


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("versions_dir")
    ap.add_argument("--dpkg", nargs="?", const=2000, type=int, metavar="N")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", help="only files whose name starts with this")
    ap.add_argument("-v", "--verbose", action="store_true", help="list failing vectors")
    args = ap.parse_args()

    files = sorted(f for f in os.listdir(args.versions_dir) if re.match(r"[a-z]+-versions.*\.txt$", f))
    if args.only:
        files = [f for f in files if f.startswith(args.only)]
    status = 0
    print(f"{'file':<36} {'pairs':>6} {'agree':>6} {'disagree':>8} {'rejected':>8}")
    for name in files:
        prefix = name.split("-")[0]
        ecosystem = ECOSYSTEMS.get(prefix)
        if ecosystem is None:
            print(f"{name:<36} no ecosystem mapping, skipped")
            continue
        pairs, agree, disagree, rejected, unsupported = check_file(
            args.binary, os.path.join(args.versions_dir, name), ecosystem, args.verbose)
        if unsupported:
            print(f"{name:<36} {pairs:>6} unsupported ecosystem '{ecosystem}'")
            continue
        print(f"{name:<36} {pairs:>6} {agree:>6} {disagree:>8} {rejected:>8}")
        if disagree or rejected:
            status = 1
    if args.dpkg:
        if dpkg_check(args.binary, args.versions_dir, args.dpkg, args.seed):
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
