// SPDX-License-Identifier: Apache-2.0
// host.updates.vulnerable_packages: no installed OS package is affected by a published advisory.
// The OS inventory (dpkg, apk or rpm database, with the distribution from os-release mapped to its
// OSV ecosystem) is matched against the advisory store; one finding per package and upgrade,
// actively exploited ones (CISA KEV) first. A missing or empty store, or one without advisories for
// this distribution, is an error of this check, never a pass.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/vulnerabilities.h"
#include "vuln/inventory/os_packages.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.updates.vulnerable_packages",
    .title = "No installed package has a known vulnerability",
    .family = "updates",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "Published advisories tell attackers exactly which package versions they can break into; "
        "a machine that runs them is the easiest link in the chain.",
    .fix =
        "Install the fixed versions the finding names (apt-get install --only-upgrade PACKAGE on "
        "Debian), then restart the services that use them.",
    .cis = "1.2.2.1",
    .lynis = "PKGS-7392",
    .refs = "CWE-1104 CWE-937"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& db_fact = ctx.fact<sw::scan::AdvisoryDb>();
  if (!db_fact) {
    out.error(db_fact.error().to_string());
    return;
  }
  const auto& inv_fact = ctx.fact<sw::scan::OsPackages>();
  if (!inv_fact) {
    out.error(inv_fact.error().to_string());
    return;
  }
  const sw::vuln::OsInventory& inv = inv_fact->inventory;
  if (inv.packages.packages.empty()) {
    if (!inv.packages.errors.empty()) {
      out.error(inv.reason.empty() ? inv.packages.errors.front().to_string() : inv.reason);
    } else if (!inv.reason.empty()) {
      out.not_applicable(inv.reason);
    } else {
      out.not_applicable("no installed packages found");
    }
    return;
  }
  auto db = *db_fact;  // shares the store
  if (!db.problem.empty()) {
    out.error(db.problem);
    return;
  }
  if (inv.ecosystem.empty()) {
    out.error(fmt::format("cannot tell which advisories apply: {}", inv.ecosystem_note));
    return;
  }
  sw::scan::VulnRun result = sw::scan::run_vuln_match(
      inv.packages.packages, db, ctx.options().ignore_files, sw::scan::today_utc());
  for (const auto& e : result.errors) ctx.input_error(e);
  for (const auto& note : result.notes) ctx.note(note);
  const std::string base = inv.ecosystem.substr(0, inv.ecosystem.find(':'));
  if (std::find(db.ecosystems.begin(), db.ecosystems.end(), base) == db.ecosystems.end()) {
    out.error(fmt::format(
        "the advisory database holds no {} advisories, so {} {} packages were not checked: run "
        "`shieldwall db update --ecosystem {}`",
        base, inv.packages.packages.size(), inv.ecosystem, base));
    return;
  }
  if (result.match.upgrades.empty()) {
    out.pass(sw::scan::clean_summary(result, db));
    return;
  }
  sw::scan::report_upgrades(result, out, sw::Role::kAdmin);
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
