// SPDX-License-Identifier: Apache-2.0
// Lockfile conformance: parses the upstream test fixtures in /work/shared/data/lockfiles (path
// given as the argument; README there) with our registered formats and compares each file's
// name@version multiset with the expectation pulled from osv-scalibr's and trivy's unit tests
// (EXPECTED-osv-scalibr.json, EXPECTED-trivy.json). Fixtures have test names ("commits.v1.json"),
// so the format is chosen by giving lockfile_format_for() the canonical file name of the fixture's
// upstream folder (kCanonical below); folders whose format we do not register are skipped.
// Expected "name@None" / "name@" mean no version. When only a count is stated, counts are compared.
// Usage: sw_lockfile_conformance LOCKFILES_DIR [--verbose]
#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "vuln/inventory/lockfiles.h"

namespace {

// Upstream fixture folder -> the file name its format has in a project.
const std::vector<std::pair<std::string, std::string>> kCanonical = {
    {"javascript/packagelockjson/", "package-lock.json"},
    {"javascript/yarnlock/", "yarn.lock"},
    {"javascript/pnpmlock/", "pnpm-lock.yaml"},
    {"javascript/bunlock/", "bun.lock"},
    {"nodejs/npm/", "package-lock.json"},
    {"nodejs/yarn/", "yarn.lock"},
    {"nodejs/pnpm/", "pnpm-lock.yaml"},
    {"nodejs/bun/", "bun.lock"},
    {"python/requirements/", "requirements.txt"},
    {"python/pip/", "requirements.txt"},
    {"python/poetrylock/", "poetry.lock"},
    {"python/poetry/", "poetry.lock"},
    {"python/pipfilelock/", "Pipfile.lock"},
    {"python/pipenv/", "Pipfile.lock"},
    {"python/uvlock/", "uv.lock"},
    {"python/uv/", "uv.lock"},
    {"python/pdmlock/", "pdm.lock"},
    {"python/pylock/", "pylock.toml"},
    {"rust/cargolock/", "Cargo.lock"},
    {"rust/cargo/", "Cargo.lock"},
    {"golang/gomod/", "go.mod"},
    {"golang/mod/", "go.mod"},
    {"golang/sum/", "go.sum"},
    {"php/composerlock/", "composer.lock"},
    {"php/composer/", "composer.lock"},
    {"ruby/gemfilelock/", "Gemfile.lock"},
    {"ruby/bundler/", "Gemfile.lock"},
    {"java/gradlelockfile/", "gradle.lockfile"},
    {"gradle/lockfile/", "gradle.lockfile"},
    {"java/pomxml/", "pom.xml"},
    {"dotnet/packageslockjson/", "packages.lock.json"},
    {"nuget/lock/", "packages.lock.json"},
    {"nuget/config/", "packages.config"},
    {"dotnet/core_deps/", "app.deps.json"},
    {"dart/pubspec/", "pubspec.lock"},
    {"dart/pub/", "pubspec.lock"},
    {"elixir/mixlock/", "mix.lock"},
    {"erlang/mixlock/", "mix.lock"},
    {"hex/mix/", "mix.lock"},
    {"haskell/cabal/", "cabal.project.freeze"},
    {"haskell/stacklock/", "stack.yaml.lock"},
    {"r/renvlock/", "renv.lock"},
    {"cpp/conanlock/", "conan.lock"},
    {"c/conan/", "conan.lock"},
    {"swift/cocoapods/", "Podfile.lock"},
    {"swift/swift/", "Package.resolved"},
    {"julia/manifest/", "Manifest.toml"},
    {"sbt/lockfile/", "build.sbt.lock"},
};

// Known differences that are tool policy, not format truth (README; our choices in the parsers).
const char* kPolicyNotes = R"(Known policy differences (not parser bugs):
  - requirements.txt: we give a version only to a single ==/=== pin; osv-scalibr also takes the
    bound of >=, <=, ~= (newspaper3k>=0.2.2 -> 0.2.2). Unpinned requirements are listed with no
    version, as osv-scalibr does for bare names. Includes (-r) are followed (example.txt includes
    a file that is not in the fixtures).
  - trivy drops dev-only packages (pnpm with_dev, npm dev flags) and local file:/link: packages
    (yarn_with_local); osv-scalibr keeps them with a group, as we do.
  - trivy's npm workspace expectation names a workspace by its link name (function1) where the
    lockfile's own entry is the folder (func1); we report the folder entry as osv-scalibr does.
  - requirements per_req_options: osv-scalibr keeps a stray word as a package
    ("unexpected_text_before_options_stays_around"); we drop it.
  - trivy drops unpinned requirements; we list them with no version (requirements_operator,
    requirements_compatible), and only its non-default "compatible" mode takes >=/~= bounds.
  - trivy pnpm v9 reads `snapshots` (one package per peer variant: jest-pnp-resolver twice) and
    keeps file: packages with no version; we (and osv-scalibr) read `packages` and skip file:
    entries without a version.
  - trivy uv lists the root project (virtual source); osv-scalibr and we skip it.
  - trivy yarn berry drops `patch:` resolutions (fsevents@2.1.3); we keep them: the patched
    package is still that release.
  - trivy yarn_with_git: the upstream test pairs this file with another file's expectation
    (jquery@3.4.1 does not occur in it): a data mismatch.
)";

std::string canonical_name(const std::string& rel) {
  for (const auto& [folder, name] : kCanonical) {
    if (rel.find(folder) != std::string::npos) return name;
  }
  return {};
}

std::string normalise_expected(std::string s) {
  if (s.ends_with("@None")) s.resize(s.size() - 4);
  if (s.find('@', 1) == std::string::npos) s += "@";
  return s;
}

std::multiset<std::string> minus(const std::multiset<std::string>& a,
                                 const std::multiset<std::string>& b) {
  std::multiset<std::string> out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

std::string join(const std::multiset<std::string>& s) {
  std::string out;
  for (const auto& x : s) out += (out.empty() ? "" : " ") + x;
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: {} LOCKFILES_DIR [--verbose]\n", argv[0]);
    return 2;
  }
  std::string dir = argv[1];
  bool verbose = argc > 2 && std::string_view(argv[2]) == "--verbose";
  struct Tally {
    int agree = 0, total = 0;
  };
  std::map<std::string, Tally> by_format;
  Tally all;
  for (const char* tool : {"osv-scalibr", "trivy"}) {
    std::ifstream in(dir + "/EXPECTED-" + std::string(tool) + ".json");
    if (!in) {
      fmt::print(stderr, "cannot read {}/EXPECTED-{}.json\n", dir, tool);
      return 2;
    }
    nlohmann::json expected;
    try {
      expected = nlohmann::json::parse(in);
    } catch (const std::exception& e) {
      fmt::print(stderr, "bad EXPECTED-{}.json: {}\n", tool, e.what());
      return 2;
    }
    Tally tool_tally;
    for (const auto& [rel, want] : expected.items()) {
      auto canon = canonical_name(rel);
      const auto* format = canon.empty() ? nullptr : sw::vuln::lockfile_format_for(canon);
      if (!format) continue;
      std::ifstream f(dir + "/" + rel, std::ios::binary);
      if (!f) {
        fmt::print("{}: cannot read\n", rel);
        continue;
      }
      std::ostringstream ss;
      ss << f.rdbuf();
      auto text = ss.str();
      // Includes (-r) resolve against the fixture's real location.
      auto got = format->parse(text, dir + "/" + rel);
      std::multiset<std::string> ours;
      for (const auto& p : got.packages) ours.insert(p.name + "@" + p.version);
      std::multiset<std::string> theirs;
      for (const auto& s : want.contains("packages") && want["packages"].is_array()
                               ? want["packages"]
                               : nlohmann::json::array()) {
        if (s.is_string()) theirs.insert(normalise_expected(s.get<std::string>()));
      }
      int count = -1;
      if (auto c = want.find("count"); c != want.end() && c->is_number_integer()) {
        count = c->get<int>();
      }
      if (auto pk = want.find("packages"); pk == want.end() || !pk->is_array()) {
        if (count < 0) continue;  // nothing stated
      }
      bool listed = !theirs.empty() && static_cast<int>(theirs.size()) >= count;
      bool ok;
      std::string detail;
      if (listed) {
        auto missing = minus(theirs, ours);
        auto extra = minus(ours, theirs);
        ok = missing.empty() && extra.empty();
        if (!missing.empty()) detail += "\n    missing: " + join(missing);
        if (!extra.empty()) detail += "\n    extra:   " + join(extra);
      } else {
        ok = count == static_cast<int>(ours.size());
        detail = fmt::format("\n    count: expected {}, got {}", count, ours.size());
        if (!ok && verbose) detail += "\n    ours: " + join(ours);
      }
      if (verbose && !got.errors.empty()) {
        for (const auto& e : got.errors) detail += "\n    error: " + e.to_string();
      }
      fmt::print("{} {} [{}{}]{}\n", ok ? "agree   " : "DISAGREE", rel, format->id,
                 listed ? "" : ", count only", ok && !verbose ? "" : detail);
      auto& t = by_format[std::string(format->id)];
      for (auto* tally : {&t, &tool_tally, &all}) {
        tally->total++;
        if (ok) tally->agree++;
      }
    }
    fmt::print("== {}: {}/{} files agree\n\n", tool, tool_tally.agree, tool_tally.total);
  }
  for (const auto& [id, t] : by_format) fmt::print("  {:28} {}/{}\n", id, t.agree, t.total);
  fmt::print("TOTAL: {}/{} files agree\n\n{}", all.agree, all.total, kPolicyNotes);
  return 0;
}
