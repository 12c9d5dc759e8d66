// SPDX-License-Identifier: Apache-2.0
// host.updates.vulnerable_dependencies: no dependency locked by a project under the scanned paths
// (`shieldwall scan PATH...`) is affected by a published advisory. Lockfiles and manifests are
// found by the inventory walk (vuln/inventory/walk.h); each finding points at the lockfile line and
// goes to the path's code owner (CODEOWNERS), else the ownership config, else the developer.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/vulnerabilities.h"
#include "vuln/inventory/walk.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.updates.vulnerable_dependencies",
    .title = "No project dependency has a known vulnerability",
    .family = "updates",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kDeveloper,
    .why =
        "A library with a published vulnerability is a door whose key is public: whoever reaches "
        "the application can use it, and attackers scan for exactly these versions.",
    .fix =
        "Raise the dependency to the fixed version the finding names, at the lockfile line it "
        "points to, regenerate the lockfile, and run the tests.",
    .refs = "CWE-1104 CWE-937 OWASP-A06:2021"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& paths = ctx.options().paths;
  if (paths.empty()) {
    out.not_applicable(
        "no project path given (`shieldwall scan PATH...` checks the lockfiles under PATH)");
    return;
  }
  const auto& db_fact = ctx.fact<sw::scan::AdvisoryDb>();
  if (!db_fact) {
    out.error(db_fact.error().to_string());
    return;
  }
  auto db = *db_fact;
  sw::vuln::PackageList found = sw::vuln::find_packages(paths, sw::vuln::WalkOptions{});
  for (const auto& e : found.errors) ctx.input_error(e);
  if (found.packages.empty()) {
    out.not_applicable(
        fmt::format("no lockfile or manifest found under {}", fmt::join(paths, ", ")));
    return;
  }
  if (!db.problem.empty()) {
    out.error(db.problem);
    return;
  }
  sw::scan::VulnRun result = sw::scan::run_vuln_match(
      found.packages, db, ctx.options().ignore_files, sw::scan::today_utc());
  for (const auto& e : result.errors) ctx.input_error(e);
  for (const auto& note : result.notes) ctx.note(note);
  if (result.match.upgrades.empty()) {
    if (result.match.unchecked == result.match.packages.size()) {
      out.error(fmt::format("none of the {} dependencies could be checked (see the notes)",
                            result.match.packages.size()));
      return;
    }
    out.pass(sw::scan::clean_summary(result, db));
    return;
  }
  sw::CodeOwnersIndex owners;
  sw::scan::report_upgrades(result, out, sw::Role::kDeveloper, &owners);
  for (const auto& e : owners.take_errors()) ctx.input_error(e);
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
