#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Version-ordering conformance: runs the osv-scalibr vector files through `shieldwall vuln compare`,
and optionally random and real version pairs side by side with the ecosystems' own implementations.

Usage: tools/versions-conformance.py BINARY VERSIONS_DIR [--only PREFIX] [-v] [--seed S]
           [--dpkg [N]] [--npm-semver [N]] [--node-modules DIR] [--pep440 [N]] [--maven [N]]

For every `*-versions*.txt` file in VERSIONS_DIR (format in its README: `A OP B` lines, `# ` and
`// ` comments skipped) each pair is checked in both directions, cmp(A,B) == OP and
cmp(B,A) == inverse(OP), in one `BINARY vuln compare --stdin` run per file, under the ecosystem the
README maps the file to. Prints per file: pairs, agree, disagree, rejected (a version the scheme
refused: `?`) and unsupported (the ecosystem is unknown to the binary, e.g. a scheme not written
yet). `--only none` skips the files.

Side-by-side checks against reference implementations, N pairs each (default 2000), drawn with
`--seed` (deterministic): a pool of real versions (that ecosystem's vector files plus versions found
on this machine), half of them mutated (separators, pre-release/post-release/build tags, leading
zeros, case, cuts), one pair in three a version against a mutation of itself, hand-picked edge
cases first. One summary line per reference: pairs, agree, both reject, only ours rejects, only
reference rejects, known differences (reference behaviour OSV does not follow, reason printed),
disagree; then examples of each kind and the first disagreements.
  --dpkg        `Debian` vs `dpkg --compare-versions`; pool: Debian vectors, `dpkg-query -W`.
                A rejection by one side only also fails (our scheme reproduces dpkg's errors).
  --npm-semver  `npm` vs the npm `semver` package, `semver.compare(a, b, {loose: true})` (our
                scheme parses node-semver's loose grammar), a side rejected when `semver.parse`
                returns null; one node process per batch (JSON lines in, answers out). `semver`
                is taken from --node-modules DIR or NODE_PATH, else installed on first use with
                `npm install --prefix ~/.cache/shieldwall-tools semver` (XDG_CACHE_HOME honoured;
                never into the repository). Pool: semver vectors, package.json versions under
                `npm root -g` and that cache, versions listed by the registry documents in
                ~/.npm/_cacache. Our OSV extensions (`1.2` = 1.2.0, `1.2.3.4`) and numbers past
                2^53 show as "only reference rejects"; loose-regex artifacts (`1.2.3-` read as
                1.2.3--, `1.4.26.v` as 1.4.2-6.v) as "only ours rejects" or known differences,
                confirmed by the major.minor.patch semver parsed; prerelease numbers compared
                as JavaScript doubles as a known difference.
  --pep440      `PyPI` vs `packaging.version` (the `packaging` module, else pip's vendored copy;
                the line names which). packaging < 22 reads a non-PEP 440 string as LegacyVersion,
                as our scheme does, so those pairs are compared; packaging >= 22 rejects them
                ("only reference rejects"). A second line counts the pairs with a legacy version.
                Pool: PyPI vectors, versions of the installed Python distributions.
  --maven       `Maven` vs `ComparableVersion` of /usr/share/maven/lib/maven-artifact-3.x.jar (a
                Java source file written to a temporary directory, one JVM per batch). Two known
                differences, each confirmed by asking again: Maven 3.8.7's MNG-7644 (our answer
                with '.qualifier' turned into '-qualifier' matches) and null sections between
                hyphens, which ComparableVersion nests and the POM reference trims (the reference's
                answer with them dropped matches ours). Pool: Maven vectors, version directories
                of /usr/share/maven-repo.

Exits 1 on any disagreement or rejection in the vector files of a supported ecosystem, or any
disagreement of a side-by-side check (for dpkg also a one-sided rejection), else 0.
"""
import argparse
import base64
import glob
import importlib.metadata
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import warnings

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


def rejected_by_ours(binary, ecosystem, pairs, answers):
    """The versions our scheme rejects among the pairs it answered `?` for (each asked alone)."""
    versions = sorted({v for (a, b), o in zip(pairs, answers) if o == "?" for v in (a, b)})
    alone, _ = run_compare(binary, ecosystem, [(v, v) for v in versions]) if versions else ([], [])
    return {v for v, o in zip(versions, alone) if o == "?"}


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


class SideBySide:
    """Answers of our binary next to a reference implementation's, for one batch of pairs.

    Each pair lands in exactly one column: agree (same `<`/`=`/`>`), both reject, only ours
    rejects, only the reference rejects, a known difference (a reason listed in this script), or
    disagree (two different orders, no listed reason).
    """

    def __init__(self, label, reject_mismatch_fails=False):
        self.label = label
        self.reject_mismatch_fails = reject_mismatch_fails
        self.pairs = self.agree = self.both_reject = 0
        self.only_ours = []
        self.only_ref = []
        self.reject_reasons = {}  # (column, reason) -> examples, for reject mismatches
        self.known = {}  # reason -> examples
        self.disagree = []

    def add(self, a, b, ours, ref, known_reason=None, reject_reason=None):
        """`known_reason`: why a different order is expected; `reject_reason`: why one side only
        rejects (grouped in the report)."""
        self.pairs += 1
        if ours == ref == "?":
            self.both_reject += 1
        elif ours == ref:
            self.agree += 1
        elif ours == "?" or ref == "?":
            column = "only ours rejects" if ours == "?" else "only reference rejects"
            (self.only_ours if ours == "?" else self.only_ref).append((a, b, ours, ref))
            self.reject_reasons.setdefault((column, reject_reason), []).append((a, b, ours, ref))
        elif known_reason:
            self.known.setdefault(known_reason, []).append((a, b, ours, ref))
        else:
            self.disagree.append((a, b, ours, ref))

    def report(self, show=20):
        """Prints the summary line and examples; True when the check fails."""
        known = sum(len(v) for v in self.known.values())
        print(f"{self.label}: {self.pairs} pairs, agree {self.agree}, both reject {self.both_reject}, "
              f"only ours rejects {len(self.only_ours)}, only reference rejects {len(self.only_ref)}, "
              f"known differences {known}, disagree {len(self.disagree)}")
        for (column, reason), rows in sorted(self.reject_reasons.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
            print(f"  {column} ({len(rows)}){': ' + reason if reason else ''}")
            for a, b, ours, ref in rows[:3]:
                print(f"    {a!r} vs {b!r}: reference {ref}, ours {ours}")
        for reason, rows in self.known.items():
            print(f"  known difference ({len(rows)}): {reason}")
            for a, b, ours, ref in rows[:3]:
                print(f"    {a!r} vs {b!r}: reference {ref}, ours {ours}")
        for a, b, ours, ref in self.disagree[:show]:
            print(f"  DISAGREE: {a!r} vs {b!r}: reference {ref}, ours {ours}")
        if len(self.disagree) > show:
            print(f"  ... and {len(self.disagree) - show} more disagreements")
        mismatched_rejects = self.only_ours or self.only_ref
        return bool(self.disagree) or (self.reject_mismatch_fails and bool(mismatched_rejects))


def transportable(a, b):
    """A pair `vuln compare --stdin` (TSV lines) and the reference batches can carry."""
    return not any(c in v for v in (a, b) for c in "\t\n\r\0")


def draw_pairs(rng, pool, count, mutate, edge_cases):
    """Edge cases first, then `count` random pairs: real versions, half of them mutated, and one
    in three pairs a version against a mutation of itself (close calls). No duplicates."""
    pairs = list(edge_cases)
    for _ in range(count):
        a = mutate(rng.choice(pool))
        b = mutate(a) if rng.random() < 0.35 else mutate(rng.choice(pool))
        pairs.append((a, b))
    return [p for p in dict.fromkeys(pairs) if transportable(*p)]


def make_mutator(rng, tags, separators):
    """Returns mutate(v): unchanged half the time, else one or two edits: append or insert a tag
    (pre-release, post-release, build...), insert a separator, delete a character, add a leading
    zero to a number, change letter case, or cut the version at a separator."""

    def edit(v):
        op = rng.random()
        i = rng.randrange(len(v) + 1)
        if op < 0.30:
            return v + rng.choice(tags)
        if op < 0.45:
            return v[:i] + rng.choice(tags) + v[i:]
        if op < 0.60:
            return v[:i] + rng.choice(separators) + v[i:]
        if op < 0.70:
            return v[:i] + v[i + 1:]
        if op < 0.80:
            numbers = [m.start() for m in re.finditer(r"\d+", v)]
            if numbers:
                j = rng.choice(numbers)
                return v[:j] + "0" * rng.randint(1, 2) + v[j:]
            return v
        if op < 0.90:
            return v.upper() if rng.random() < 0.5 else v[:i] + v[i:i + 1].swapcase() + v[i + 1:]
        cuts = [m.start() for m in re.finditer(r"[.\-+_]", v) if m.start() > 0]
        return v[:rng.choice(cuts)] if cuts else v

    def mutate(v):
        original = v
        if rng.random() < 0.5:
            return v
        for _ in range(rng.randint(1, 2)):
            v = edit(v)
        return v if v.strip() else original  # blank versions are edge cases, not random draws

    return mutate


def vector_pool(versions_dir, prefix):
    pool = set()
    for name in sorted(os.listdir(versions_dir)):
        if name.startswith(prefix + "-") and name.endswith(".txt"):
            for _, a, _, b in read_vectors(os.path.join(versions_dir, name)):
                pool.update((a, b))
    return pool


def dpkg_check(binary, versions_dir, count, seed):
    rng = random.Random(seed)
    pool = vector_pool(versions_dir, "debian")
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
    # Our Debian scheme reproduces dpkg's own errors, so a rejection by one side only fails too.
    tally = SideBySide("dpkg --compare-versions", reject_mismatch_fails=True)
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
        tally.add(a, b, ours, ref)
    return tally.report()


# --- npm: the `semver` package -------------------------------------------------------------------

# One node process per batch: JSON [a, b] lines in; the package version, then one answer a line out.
NODE_BATCH = r"""
const semver = require('semver');
const opts = { loose: true };
const lines = require('fs').readFileSync(0, 'utf8').split('\n');
const out = [JSON.stringify(require('semver/package.json').version)];
const core = (p) => (p === null ? null : `${p.major}.${p.minor}.${p.patch}`);
for (const line of lines) {
  if (line === '') continue;
  const [a, b] = JSON.parse(line);
  const pa = semver.parse(a, opts);
  const pb = semver.parse(b, opts);
  // '<', '=', '>', or '?' followed by the invalid side(s): '?a', '?b', '?ab'.
  let r = '?' + (pa === null ? 'a' : '') + (pb === null ? 'b' : '');
  if (pa !== null && pb !== null) {
    try {
      r = ['<', '=', '>'][semver.compare(a, b, opts) + 1];
    } catch (e) {
      r = '?ab';
    }
  }
  out.push(JSON.stringify([r, core(pa), core(pb)]));
}
process.stdout.write(out.join('\n') + '\n');
"""


def tools_cache_dir():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return os.path.join(base, "shieldwall-tools")


def find_semver(node_modules):
    """A node_modules directory holding `semver`: --node-modules, then NODE_PATH, then our cache
    (installed there with `npm install --prefix` on first use; never into the repository)."""
    candidates = [node_modules] if node_modules else []
    candidates += [d for d in os.environ.get("NODE_PATH", "").split(os.pathsep) if d]
    for d in candidates:
        if os.path.isfile(os.path.join(d, "semver", "package.json")):
            return d
    if node_modules:
        sys.exit(f"--node-modules {node_modules}: no semver package there")
    cache = tools_cache_dir()
    found = os.path.join(cache, "node_modules")
    if not os.path.isfile(os.path.join(found, "semver", "package.json")):
        repo = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
        if os.path.realpath(cache).startswith(repo + os.sep):
            sys.exit(f"refusing to install semver into {cache}: inside the repository")
        print(f"installing the npm semver package into {cache}", file=sys.stderr)
        os.makedirs(cache, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", cache, "--no-audit", "--no-fund", "semver"],
                       stdout=sys.stderr, check=True)
    return found


def npm_reference(pairs, node_modules_dir):
    """(semver's version, [[answer, core of a, core of b]]): answer '<', '=', '>' or '?' plus the
    invalid side(s) ('?a', '?b', '?ab'); core 'major.minor.patch' as semver parsed it, or None."""
    data = "".join(json.dumps([a, b]) + "\n" for a, b in pairs)
    env = dict(os.environ, NODE_PATH=node_modules_dir)
    proc = subprocess.run(["node", "-e", NODE_BATCH], input=data, capture_output=True, text=True,
                          env=env, check=False)
    lines = proc.stdout.split("\n")[:-1]
    if proc.returncode != 0 or len(lines) != len(pairs) + 1:
        raise RuntimeError(f"node: exit {proc.returncode}, {len(lines)} lines for {len(pairs)} pairs: "
                           f"{proc.stderr[-500:]}")
    return json.loads(lines[0]), [json.loads(line) for line in lines[1:]]


def npm_real_versions(node_modules_dirs):
    """`version` of every package.json under the given node_modules trees, and every version listed
    by the registry documents (packuments) in npm's cache (~/.npm/_cacache)."""
    found = set()
    for root in node_modules_dirs:
        for dirpath, _, files in os.walk(root):
            if "package.json" in files:
                try:
                    with open(os.path.join(dirpath, "package.json"), encoding="utf-8") as f:
                        version = json.load(f).get("version")
                except (OSError, ValueError, AttributeError):
                    continue
                if isinstance(version, str):
                    found.add(version)
    cache = os.path.expanduser("~/.npm/_cacache")
    index = os.path.join(cache, "index-v5")
    for dirpath, _, files in os.walk(index):
        for name in files:
            try:
                with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                    entries = [json.loads(line.split("\t", 1)[1]) for line in f if "\t" in line]
            except (OSError, ValueError):
                continue
            for entry in entries:
                key, integrity = entry.get("key", ""), entry.get("integrity", "")
                if not key.startswith("make-fetch-happen:request-cache:") or key.endswith(".tgz"):
                    continue
                if not integrity.startswith("sha512-") or entry.get("size", 0) > 64 << 20:
                    continue
                digest = base64.b64decode(integrity[len("sha512-"):]).hex()
                path = os.path.join(cache, "content-v2", "sha512", digest[:2], digest[2:4], digest[4:])
                try:
                    with open(path, encoding="utf-8") as f:
                        doc = json.load(f)
                except (OSError, ValueError):
                    continue
                if isinstance(doc, dict) and isinstance(doc.get("versions"), dict):
                    found.update(doc["versions"])
    return found


NPM_EDGE_CASES = [
    ("1.2.3", "1.2.3"), ("1.0.0-alpha", "1.0.0-alpha.1"), ("1.0.0-alpha.1", "1.0.0-alpha.beta"),
    ("1.0.0-alpha.beta", "1.0.0-beta"), ("1.0.0-beta.2", "1.0.0-beta.11"), ("1.0.0-rc.1", "1.0.0"),
    ("1.0.0-0", "1.0.0-a"), ("1.0.0-01", "1.0.0-1"), ("01.2.3", "1.2.3"), ("1.2.3+build.5", "1.2.3+build.6"),
    ("1.2.3+build", "1.2.3"), ("1.2.3-a+b", "1.2.3-a"), ("v1.2.3", "=1.2.3"), ("=v1.2.3", "v=1.2.3"),
    ("vv1.2.3", "1.2.3"), (" 1.2.3 ", "1.2.3"), ("1.2.3rc1", "1.2.3-rc1"), ("1.2.3beta", "1.2.3-beta"),
    ("1.2.3.beta", "1.2.3-beta"), ("1.2.3-beta-2", "1.2.3-beta.2"), ("1.0.0-Alpha", "1.0.0-alpha"),
    ("1.0.0-1a", "1.0.0-1"), ("1.0.0--", "1.0.0-0"), ("1.2", "1.2.0"), ("1", "1.0.0"), ("1.2.3.4", "1.2.3"),
    ("1.2.3-", "1.2.3"), ("1.2.3-a..b", "1.2.3"), ("1.2.3+", "1.2.3"), ("1.2.3+a+b", "1.2.3"),
    ("9007199254740991.0.0", "1.0.0"), ("9007199254740992.0.0", "1.0.0"),
    ("1.0.0-9007199254740993", "1.0.0-9007199254740992"), ("1.0.0-99999999999999999999", "1.0.0-1"),
    ("1.2.3-\u03b1", "1.2.3"), ("", "1.0.0"), ("x.y.z", "1.0.0"), ("1.2.3 - 2", "1.2.3"),
    ("1.2.3\u00a0", "1.2.3"), ("\u00a01.2.3", "1.2.3"), ("1.2.3\x0b", "1.2.3"), ("1.2.3-x.7.z.92", "1.2.3-x.7.z.93"),
]


def npm_check(binary, versions_dir, count, seed, node_modules):
    rng = random.Random(f"{seed}-npm")
    modules = find_semver(node_modules)
    global_root = subprocess.run(["npm", "root", "-g"], capture_output=True, text=True, check=False).stdout.strip()
    pool = vector_pool(versions_dir, "semver") | npm_real_versions([d for d in (global_root, modules) if d])
    pool = sorted(pool)
    tags = ["-alpha", "-alpha.1", "-beta", "-beta.2", "-rc.1", "-rc1", "rc1", "-0", "-1", ".1", ".0", "-next.0",
            "-pre", "+build.5", "+001", "+sha.abc", "-SNAPSHOT", "-x.7.z.92", "-dev", "v", "=", " "]
    mutate = make_mutator(rng, tags, [".", "-", "+", "0", "a", "00", "--", ".."])
    pairs = draw_pairs(rng, pool, count, mutate, NPM_EDGE_CASES)
    version, ref_answers = npm_reference(pairs, modules)
    ours, _ = run_compare(binary, "npm", pairs)
    ours_bad = rejected_by_ours(binary, "npm", pairs, ours)
    tally = SideBySide(f"npm semver {version} compare(loose) [npm, pool {len(pool)}]")
    for (a, b), o, (r, core_a, core_b) in zip(pairs, ours, ref_answers):
        ref_bad = [v for v, side in ((a, "a"), (b, "b")) if r.startswith("?") and side in r]
        r = r[:1]
        backtracked = [v for v, core in ((a, core_a), (b, core_b)) if core and core != written_core(v)]
        reason = known = None
        if r == "?" and o != "?":
            reason = npm_reject_reason(ref_bad)
        elif o == "?" and r != "?":
            reason = npm_loose_quirk([v for v in (a, b) if v in ours_bad], backtracked)
        elif backtracked:
            known = ("node-semver's LOOSE regex backtracks into a multi-digit patch (1.0.103.0 reads as "
                     "1.0.10-3.0); OSV's matcher and we read 1.0.103 and a prerelease 0")
        else:
            known = npm_known_difference(a, b, o, r)
        tally.add(a, b, o, r, known, reason)
    return tally.report()


def written_core(v):
    """'major.minor.patch' as written at the start of `v` (leading zeros dropped), or None."""
    m = re.match(r"[\sv=]*(\d+)\.(\d+)\.(\d+)", v)
    return ".".join(str(int(n)) for n in m.groups()) if m else None


def npm_reject_reason(versions):
    """Why node-semver rejects a version we accept, when it is one of our documented choices."""
    for v in versions:
        core = re.match(r"[\sv=]*(\d+(?:\.\d+)*)", v)
        parts = core.group(1).split(".") if core else []
        if 0 < len(parts) < 3:
            return "a missing minor or patch: read as 0, as OSV's matcher does (1.2 = 1.2.0)"
        if len(parts) > 3:
            return "more than three numbers: extra ones lead the prerelease, as in OSV (1.2.3.4 ~ 1.2.3-4)"
        if any(len(p) > 15 and int(p) > 2**53 - 1 for p in parts):
            return "a number above 2^53-1 (node-semver's MAX_SAFE_INTEGER; OSV data has 30-digit ones)"
        if len(v) > 256:
            return "longer than 256 characters (node-semver's MAX_LENGTH)"
    return None


def npm_loose_quirk(versions, backtracked):
    """Why node-semver's loose mode accepts a version we reject, when it is a known artifact of its
    regular expression (semver/internal/re.js LOOSE) or of JavaScript's trim()."""
    if backtracked:
        return "LOOSE backtracks into the patch number (1.4.26.v reads as 1.4.2-6.v)"
    for v in versions:
        if re.match(r"[\sv=]*\d+\.\d+\.\d+-(?=$|[+.])", v.strip()):
            return ("'-' with no identifier after it: LOOSE backtracks and takes the '-' itself as the "
                    "prerelease (1.2.3- reads as 1.2.3--)")
        if any(c.isspace() and not c.isascii() for c in v):
            return "Unicode whitespace, which JavaScript's trim() removes (we take ASCII whitespace only)"
    return None


def npm_known_difference(a, b, ours, ref):
    """node-semver compares numeric prerelease identifiers as JavaScript numbers (doubles), so past
    2^53 different numbers can compare equal; SemVer 2.0.0 (11.4.1) compares them as integers.
    Known when the two versions are the same once each long number is read as a double."""

    def as_doubles(v):
        v = re.sub(r"^[\sv=]+", "", v.strip()).split("+")[0]
        return re.sub(r"\d{16,}", lambda m: repr(float(int(m.group()))), v)

    if ref == "=" and ours != "=" and as_doubles(a) == as_doubles(b):
        return "node-semver compares numeric prerelease identifiers as JS doubles (SemVer: integers)"
    return None


# --- PyPI: packaging.version -------------------------------------------------------------------

def load_packaging():
    """(packaging.version module, description): `packaging` if importable, else pip's copy."""
    try:
        import packaging
        import packaging.version as pv
        return pv, f"packaging {packaging.__version__}"
    except ImportError:
        import pip
        from pip._vendor import packaging
        from pip._vendor.packaging import version as pv
        return pv, f"pip {pip.__version__}'s vendored packaging {packaging.__version__}"


def pypi_real_versions():
    """Versions of the Python distributions installed for this interpreter and Debian's python3."""
    dirs = [d for d in sys.path if os.path.isdir(d)]
    dirs += glob.glob("/usr/lib/python3/dist-packages") + glob.glob("/usr/local/lib/python3*/dist-packages")
    found = set()
    for dist in importlib.metadata.distributions(path=dirs):
        try:
            version = dist.version
        except Exception:  # a broken METADATA file must not stop the check
            continue
        if version:
            found.add(version)
    return found


PEP440_EDGE_CASES = [
    ("1.0", "1.0.0"), ("1.0.dev0", "1.0a1.dev0"), ("1.0a1.dev0", "1.0a1"), ("1.0a1", "1.0a1.post0.dev0"),
    ("1.0a1.post0.dev0", "1.0a1.post0"), ("1.0a1.post0", "1.0"), ("1.0", "1.0.post0.dev0"),
    ("1.0.post0.dev0", "1.0.post0"), ("1.0.post0", "1.0+abc"), ("1.0+abc", "1.0+5"), ("1.0+abc.5", "1.0+abc.a"),
    ("1.0+5", "1.0+05"), ("1.0+ubuntu-1", "1.0+ubuntu.1"), ("1.0+ABC", "1.0+abc"), ("1!0.1", "2.0"),
    ("0!1.0", "1.0"), ("1.0a-1", "1.0a1"), ("1.0-1", "1.0.post1"), ("1.0rc1", "1.0c1"), ("1.0preview2", "1.0rc2"),
    ("1.0alpha", "1.0a0"), ("1.0-r4", "1.0.post4"), ("1.0.rev", "1.0.post0"), ("1.0_dev_3", "1.0.dev3"),
    ("1.0-dev", "1.0.dev0"), ("1.0.a.1", "1.0a1"), ("v1.0", "1.0"), ("V1.0", "1.0"), (" 1.0 ", "1.0"),
    ("1.0\t", "1.0"), ("1.0+", "1.0"), ("1.0.", "1.0"), ("1.0-", "1.0"), (".1.0", "1.0"), ("1..0", "1.0"),
    ("1.0a1b2", "1.0a1"), ("1.0.post1.post2", "1.0.post1"), ("1.0dev1a1", "1.0"),
    ("0.9.c", "1.0"), ("0.9.c", "0.9.b"), ("1.0-bulbasaur", "1.0-charmander"), ("2004d", "2004b"),
    ("1.0-final", "1.0"), ("1.0-pre1", "1.0-rc1"), ("1.0-dev-r1", "1.0"), ("french toast", "1.0"),
    ("1.0+local.version+", "1.0"), ("1.0.0.0.0.0.1", "1.0"), ("99999999999999999999999", "1.0"),
    ("", "1.0"), (" ", "1.0"), ("1.0\x1f", "1.0"), ("1.0\x0b", "1.0"), ("\uff11.0", "1.0"), ("1.0\u3000", "1.0"),
    ("1.0+\u212a", "1.0+k"),
]


def pep440_check(binary, versions_dir, count, seed):
    rng = random.Random(f"{seed}-pypi")
    pv, description = load_packaging()
    has_legacy = hasattr(pv, "LegacyVersion")

    def parse(v):
        """Version, LegacyVersion (packaging < 22) or None (rejected)."""
        try:
            return pv.Version(v)
        except pv.InvalidVersion:
            if not has_legacy:
                return None
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return pv.LegacyVersion(v)
        except ValueError:
            return None

    pool = sorted(vector_pool(versions_dir, "pypi") | pypi_real_versions())
    tags = [".post1", ".post0", "-1", ".dev0", ".dev1", "a1", "b2", "rc1", "c1", ".rc1", "-rc.1", "alpha", "beta",
            "preview", "pre", "-r2", "rev", ".a", "+local", "+abc.5", "+ubuntu-1", "!", "1!", "0!", "v", ".0", "-",
            "_", " ", "-SNAPSHOT", "final"]
    mutate = make_mutator(rng, tags, [".", "-", "_", "+", "!", "0", "a", ".."])
    pairs = draw_pairs(rng, pool, count, mutate, PEP440_EDGE_CASES)
    ours, _ = run_compare(binary, "PyPI", pairs)
    ours_bad = rejected_by_ours(binary, "PyPI", pairs, ours)
    label = f"PEP 440, {description} ({'Version, else LegacyVersion' if has_legacy else 'Version'}) [PyPI, pool {len(pool)}]"
    tally = SideBySide(label)
    legacy = SideBySide("  of which pairs with a legacy (non-PEP 440) version")
    for (a, b), o in zip(pairs, ours):
        va, vb = parse(a), parse(b)
        r = "?" if va is None or vb is None else "<" if va < vb else ">" if va > vb else "="
        reason = None
        if o == "?" and r != "?":
            reason = pep440_rejected_reason([v for v in (a, b) if v in ours_bad])
        tally.add(a, b, o, r, reject_reason=reason)
        if not all(isinstance(v, pv.Version) for v in (va, vb)):
            legacy.add(a, b, o, r)
    failed = tally.report()
    if legacy.pairs:
        print(f"{legacy.label}: {legacy.pairs} pairs, agree {legacy.agree}, both reject {legacy.both_reject}, "
              f"only ours rejects {len(legacy.only_ours)}, only reference rejects {len(legacy.only_ref)}, "
              f"disagree {len(legacy.disagree)}")
    return failed


# --- Maven: ComparableVersion ------------------------------------------------------------------

def pep440_rejected_reason(versions):
    """Which of our scheme's documented rejections (pep440.cpp) a version falls under."""
    for v in versions:
        if not v.strip():
            return "blank (packaging reads it as a LegacyVersion)"
        if any(c.isspace() and c not in " \t\n\r\f\v" for c in v):
            return "whitespace Python's \\s knows and we do not (\\x1c-\\x1f, Unicode spaces)"
        if any(not (c.isascii() and c.isprintable()) and c not in " \t\n\r\f\v" for c in v):
            return ("a character outside printable ASCII (packaging's regex is Unicode-aware, else "
                    "LegacyVersion)")
    return None


MAVEN_JAR = "/usr/share/maven/lib/maven-artifact-3.x.jar"

# One JVM per batch: `A<TAB>B` lines in; the maven-artifact version, then one answer a line out.
MAVEN_BATCH = r"""
import java.io.*;
import java.nio.charset.StandardCharsets;
import org.apache.maven.artifact.versioning.ComparableVersion;

public class MavenCompare {
    public static void main(String[] args) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        out.append(ComparableVersion.class.getPackage().getImplementationVersion()).append('\n');
        for (String line; (line = in.readLine()) != null; ) {
            int tab = line.indexOf('\t');
            String r;
            try {
                int c = new ComparableVersion(line.substring(0, tab))
                        .compareTo(new ComparableVersion(line.substring(tab + 1)));
                r = c < 0 ? "<" : c > 0 ? ">" : "=";
            } catch (RuntimeException | StackOverflowError e) {
                r = "?";
            }
            out.append(r).append('\n');
        }
        System.out.write(out.toString().getBytes(StandardCharsets.UTF_8));
        System.out.flush();
    }
}
"""


def maven_reference(pairs, jar):
    with tempfile.TemporaryDirectory(prefix="sw-maven-") as tmp:
        source = os.path.join(tmp, "MavenCompare.java")
        with open(source, "w", encoding="utf-8") as f:
            f.write(MAVEN_BATCH)
        data = "".join(f"{a}\t{b}\n" for a, b in pairs).encode("utf-8")
        proc = subprocess.run(["java", "-cp", jar, source], input=data, capture_output=True, check=False)
    lines = proc.stdout.decode("utf-8").split("\n")[:-1]
    if proc.returncode != 0 or len(lines) != len(pairs) + 1:
        raise RuntimeError(f"java: exit {proc.returncode}, {len(lines)} lines for {len(pairs)} pairs: "
                           f"{proc.stderr.decode('utf-8', 'replace')[-500:]}")
    return lines[0], lines[1:]


def maven_real_versions():
    """Version directories of the Debian Maven repository: <group path>/<artifact>/<version>/ holding
    a .pom or .jar."""
    found = set()
    for dirpath, _, files in os.walk("/usr/share/maven-repo"):
        if any(f.endswith((".pom", ".jar")) for f in files):
            found.add(os.path.basename(dirpath))
    return found


def before_mng7644(v):
    """A string maven-artifact 3.8.7 orders as 3.8.6 and earlier order `v`: from 3.8.7 (MNG-7644)
    a qualifier after '.' that ends at a digit or at the end of the version opens a sub-list as
    if '-' preceded it (1.0.RC1 < 1.0-RC2, 1.0.x = 1-x); OSV's vectors were generated with 3.8.6.
    Written '.X-1' (a/b/m spelled out, as a digit would have made them) and '.X.', 3.8.7 keeps X
    in the list again."""

    def keep_in_list(m):
        qualifier, digit = m.group(1), m.group(2)
        if digit:
            return "." + {"a": "alpha", "b": "beta", "m": "milestone"}.get(qualifier.lower(), qualifier) + "-"
        return "." + qualifier + "."

    return re.sub(r"\.([^0-9.\-]+)(?=([0-9])|$)", keep_in_list, v)


def maven_tokens(v):
    """[separator, value] per token as the POM reference splits a version: separator '' (first),
    '.', '-' or 't' (a digit/letter transition, which counts as '-'); values lower-cased, numbers
    without leading zeros, an empty token "0", aliases applied ('' for ga/final/release)."""
    out = []
    for separator, raw in re.findall(r"(^|[.-])([^.-]*)", v):
        pieces = re.findall(r"[0-9]+|[^0-9]+", raw) or ["0"]
        for k, piece in enumerate(pieces):
            value = piece.lower()
            if value.isdigit():
                value = str(int(value))
            else:
                value = {"cr": "rc", "ga": "", "final": "", "release": ""}.get(value, value)
                if k + 1 < len(pieces):  # a, b, m directly followed by a digit
                    value = {"a": "alpha", "b": "beta", "m": "milestone"}.get(value, value)
            out.append([separator if k == 0 else "t", value])
    return out


def drop_null_sections(v):
    """`v` without its '-' sections made only of null tokens (0, ga, final, release) that have a
    non-null section after them: the POM reference trims those at each hyphen ("1-ga-1" = "1-1"),
    ComparableVersion keeps the nesting level each one opened (1-ga-1 < 1-1). The rest is written
    back with the aliases spelled out, which ComparableVersion reads the same way; `v` itself
    when there is no such section."""
    tokens = maven_tokens(v)
    section = []
    for i, (separator, _) in enumerate(tokens):
        section.append(0 if i == 0 else section[-1] + (separator in "-t"))
    null = [all(t[1] in ("0", "") for t, k in zip(tokens, section) if k == n) for n in range(section[-1] + 1)]
    last = max([n for n, is_null in enumerate(null) if not is_null], default=-1)
    if not any(null[1:last]):
        return v
    text = ""
    for (separator, value), n in zip(tokens, section):
        if 0 < n < last and null[n]:
            continue
        value = value or "ga"
        if separator == "t":  # keep a transition where it still is one, else say '-'
            separator = "-" if text and text[-1].isdigit() == value[0].isdigit() else ""
        text += separator + value
    return text


MAVEN_EDGE_CASES = [
    ("1", "1.0"), ("1.0", "1.0.0"), ("1-1", "1-ga-1"), ("1-SNAPSHOT", "1"), ("1-alpha", "1-a1"),
    ("1.0-alpha1", "1.0-ALPHA-1"), ("1-sp", "1"), ("1-sp1", "1-ga"), ("1.0.final", "1.0"), ("1.0.Final", "1.0-final"),
    ("1-release", "1"), ("1.0.RC1", "1.0-RC2"), ("1.0.0.RC1", "1.0.0-RC2"), ("1.0.X1", "1.0.0-X2"),
    ("1.0.x", "1.0.0.x"), ("1-cr1", "1-rc1"), ("1-m1", "1-milestone-1"), ("1-b", "1-beta"), ("1a", "1-a"),
    ("1.foo", "1-foo"), ("1.0.0-0.0.0", "1"), ("1..1", "1.0.1"), ("", "0"), ("-", "0"), ("1-", "1"), ("1.", "1"),
    ("01.002", "1.2"), ("99999999999999999999", "99999999999999999998"), ("2147483648", "2147483647"),
    ("9223372036854775808", "9223372036854775807"), ("1-1.foo-bar1baz-.1", "1-1.foo-bar-1-baz-0.1"),
    ("2.0.0.RELEASE", "2.0.0"), ("4.1.108.Final", "4.1.108.Final-redhat-00001"),
    ("1.2.3-redhat-00001", "1.2.3.redhat-00001"), ("1_0", "1.0"), ("1-xyz", "1-abc"), ("1.ga", "1"),
    ("1-0.alpha", "1"), ("1.sp", "1-sp"), ("1.0-SP1", "1.0.sp1"), ("1.0.0-rc-1", "1.0.0-rc1"), ("1.0Final", "1.0"),
    ("1.0-alpha-SNAPSHOT", "1.0-alpha"), ("1.0-20231010.123456-1", "1.0-SNAPSHOT"), ("1.0-a", "1.0-alpha"),
    ("1.0-m", "1.0-milestone"), ("1.0-b.1", "1.0-beta.1"), ("31.1-jre", "31.1-android"), ("1.0-1", "1.0.1"),
    ("1.0-1", "1.0-sp"), ("1.0.1", "1.0-sp"), ("2.2.11.Final", "2.2.11.Final.redhat-1"), ("1-0.alpha", "1"),
    ("5.1.3-0.RC2", "5.1.3-0"), ("1", "1.+x"), ("1.ga.x", "1"), (".sp19.8", "0sp19.8"), ("0-1", "0.1"), ("0", ""),
    ("final", "0"), ("0-SNAPSHOT", "0.0.1-SNAPSHOT"), ("3.16.0--rc-1", "3.16.0-rc-1"), ("1.0-İ", "1.0-i"),
]


def maven_check(binary, versions_dir, count, seed):
    rng = random.Random(f"{seed}-maven")
    pool = sorted(vector_pool(versions_dir, "maven") | maven_real_versions())
    tags = ["-SNAPSHOT", "-alpha", "-alpha-1", "-alpha1", "-beta", "-beta-2", "-M1", "-RC1", "-rc", ".RC2", "-cr1",
            "-sp", "-sp1", "sp", ".sp1", "-ga", "ga", "-final", ".Final", "final", ".RELEASE", "-release", "-1", "-0",
            ".0", "a1", "b2", "m3", "-redhat-00001", ".redhat-1", "-jre", "-android", "-20231010.123456-1", "x", "_1"]
    mutate = make_mutator(rng, tags, [".", "-", "_", "0", "00", "a", "..", "--"])
    pairs = draw_pairs(rng, pool, count, mutate, MAVEN_EDGE_CASES)
    version, ref_answers = maven_reference(pairs, MAVEN_JAR)
    ours, _ = run_compare(binary, "Maven", pairs)
    # Known differences, each confirmed by asking the reference again: as 3.8.6 reads the pair
    # (MNG-7644), with the null sections between hyphens dropped (POM reference), or both.
    differ = [k for k, (o, r) in enumerate(zip(ours, ref_answers)) if o != r and "?" not in (o, r)]
    old = [tuple(before_mng7644(v) for v in pairs[k]) for k in differ]
    dropped = [tuple(drop_null_sections(v) for v in pairs[k]) for k in differ]
    old_dropped = [tuple(before_mng7644(v) for v in p) for p in dropped]
    again = maven_reference(old + dropped + old_dropped, MAVEN_JAR)[1] if differ else []
    n = len(differ)
    mng7644 = ("MNG-7644 (maven-artifact 3.8.7+): '.qualifier' before a digit or at the end read as "
               "'-qualifier'; 3.8.6, which generated OSV's vectors, agrees with us")
    nesting = ("a '-' section of null tokens between hyphens: ComparableVersion keeps its nesting level, "
               "the POM reference and OSV trim it (1-ga-1 = 1-1); the reference agrees once it is dropped")
    known = {}
    for j, k in enumerate(differ):
        a, b = pairs[k]
        if old[j] != (a, b) and again[j] == ours[k]:
            known[k] = mng7644
        elif dropped[j] != (a, b) and again[n + j] == ours[k]:
            known[k] = nesting
        elif dropped[j] != (a, b) and old_dropped[j] != dropped[j] and again[2 * n + j] == ours[k]:
            known[k] = "both MNG-7644 and a null section between hyphens (see the two above)"
    tally = SideBySide(f"Maven ComparableVersion {version} ({os.path.realpath(MAVEN_JAR)}) [Maven, pool {len(pool)}]")
    for k, ((a, b), o, r) in enumerate(zip(pairs, ours, ref_answers)):
        tally.add(a, b, o, r, known.get(k))
    return tally.report()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binary")
    ap.add_argument("versions_dir")
    ap.add_argument("--dpkg", nargs="?", const=2000, type=int, metavar="N")
    ap.add_argument("--npm-semver", nargs="?", const=2000, type=int, metavar="N")
    ap.add_argument("--node-modules", metavar="DIR", help="a node_modules directory holding semver")
    ap.add_argument("--pep440", nargs="?", const=2000, type=int, metavar="N")
    ap.add_argument("--maven", nargs="?", const=2000, type=int, metavar="N")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", help="only files whose name starts with this ('none': no files)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list failing vectors")
    args = ap.parse_args()

    files = sorted(f for f in os.listdir(args.versions_dir) if re.match(r"[a-z]+-versions.*\.txt$", f))
    if args.only:
        files = [f for f in files if f.startswith(args.only)]
    status = 0
    if files:
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
    checks = [
        (args.dpkg, lambda n: dpkg_check(args.binary, args.versions_dir, n, args.seed)),
        (args.npm_semver, lambda n: npm_check(args.binary, args.versions_dir, n, args.seed, args.node_modules)),
        (args.pep440, lambda n: pep440_check(args.binary, args.versions_dir, n, args.seed)),
        (args.maven, lambda n: maven_check(args.binary, args.versions_dir, n, args.seed)),
    ]
    for count, check in checks:
        if count and check(count):
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
