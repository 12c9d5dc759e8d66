// SPDX-License-Identifier: Apache-2.0
// host.updates.advisory_database: the vulnerability advisories this machine is checked against are
// present and recent. A missing, empty or stale store (older than kStaleDays) would make "no known
// vulnerabilities" mean "nobody looked": it is a finding of its own, routed to the administrator.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/vulnerabilities.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.updates.advisory_database",
    .title = "Vulnerability advisories are present and recent",
    .family = "updates",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "New advisories are published every day. Checking packages against an old or missing "
        "advisory database reports 'nothing found' about exactly the flaws attackers are newest "
        "to exploit.",
    .fix =
        "Run `shieldwall db update` (daily, e.g. from a systemd timer or cron), or `shieldwall db "
        "import PATH` with advisories copied in on an offline machine.",
    .refs = "CWE-1104"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& db_fact = ctx.fact<sw::scan::AdvisoryDb>();
  if (!db_fact) {
    out.error(db_fact.error().to_string());
    return;
  }
  const sw::scan::AdvisoryDb& db = *db_fact;
  if (!db.problem.empty()) {
    out.fail(sw::scan::Issue{.subject = db.data_dir, .evidence = db.problem});
    return;
  }
  if (db.age_days > sw::scan::kStaleDays) {
    out.fail(sw::scan::Issue{
        .subject = db.data_dir,
        .evidence = fmt::format("advisory database built {} ({:.0f} days ago; older than {} days)",
                                db.status.built_at, db.age_days, sw::scan::kStaleDays),
        .risk_delta = std::min(1.0, db.age_days / 90.0)});
    return;
  }
  out.pass(fmt::format("{} advisor{} from {} source{}, built {}", db.status.advisories,
                       db.status.advisories == 1 ? "y" : "ies", db.status.sources.size(),
                       db.status.sources.size() == 1 ? "" : "s", db.status.built_at));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
