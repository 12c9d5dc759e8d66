// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/vulnerabilities.h"

#include <chrono>
#include <ctime>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "vuln/findings.h"
#include "vuln/ignore.h"

namespace sw::scan {
namespace {

// Seconds since the epoch of an RFC 3339 UTC time ("2026-11-27T17:05:27Z"); nullopt when not one.
std::optional<std::time_t> parse_utc(const std::string& text) {
  std::tm tm{};
  if (text.size() < 19) return std::nullopt;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6) {
    return std::nullopt;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return timegm(&tm);
}

}  // namespace

std::string today_utc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

AdvisoryDb AdvisoryDb::open(const std::string& data_dir) {
  AdvisoryDb db;
  db.data_dir = data_dir.empty() ? vuln::default_data_dir() : data_dir;
  auto store = vuln::open_store(db.data_dir);
  if (!store) {
    db.problem = store.error().code() == Errc::kNotFound
                     ? fmt::format(
                           "no advisory database in {}: run `shieldwall db update` (or "
                           "`shieldwall db import PATH` offline)",
                           db.data_dir)
                     : store.error().to_string();
    return db;
  }
  auto status = (*store)->status();
  if (!status) {
    db.problem = status.error().to_string();
    return db;
  }
  db.status = *status;
  db.store = std::move(*store);
  for (const auto& [eco, count] : db.status.ecosystems) {
    if (count > 0) db.ecosystems.push_back(eco);
  }
  if (auto built = parse_utc(db.status.built_at)) {
    db.age_days = std::difftime(std::time(nullptr), *built) / 86400.0;
  }
  if (db.status.advisories == 0) {
    db.problem = fmt::format("the advisory database in {} is empty: run `shieldwall db update`",
                             db.data_dir);
  }
  return db;
}

Result<AdvisoryDb> AdvisoryDb::load(ScanContext& ctx) {
  return AdvisoryDb::open(ctx.options().data_dir);
}

Result<OsPackages> OsPackages::load(ScanContext& ctx) {
  OsPackages out;
  out.inventory = vuln::os_packages(ctx.host());
  for (const auto& e : out.inventory.packages.errors) ctx.input_error(e);
  return out;
}

VulnRun run_vuln_match(const std::vector<vuln::Package>& packages, AdvisoryDb& db,
                       const std::vector<std::string>& ignore_files, const std::string& today) {
  VulnRun run;
  run.match = vuln::match_packages(packages, *db.store, db.ecosystems);
  run.errors = run.match.errors;
  for (const auto& file : ignore_files) {
    const vuln::IgnoreList list = vuln::load_ignore_file(file);
    run.errors.insert(run.errors.end(), list.errors.begin(), list.errors.end());
    auto notes = vuln::apply_ignores(list, run.match, today);
    run.notes.insert(run.notes.end(), notes.begin(), notes.end());
  }
  // Unchecked packages, grouped by reason so a large lockfile gives one line per cause.
  std::map<std::string, size_t> unchecked;
  for (const auto& pr : run.match.packages) {
    if (!pr.problem.empty()) ++unchecked[pr.problem];
  }
  for (const auto& [why, n] : unchecked) {
    run.notes.push_back(
        fmt::format("{} not checked: {}",
                    n == 1 ? std::string("1 package") : fmt::format("{} packages", n), why));
  }
  return run;
}

void report_upgrades(const VulnRun& run, Outcome& out, Role role, CodeOwnersIndex* codeowners) {
  for (const auto& up : run.match.upgrades) {
    const vuln::UpgradeText t = vuln::describe_upgrade(run.match, up);
    Issue issue;
    issue.subject = t.subject;
    issue.evidence = t.evidence;
    issue.location = t.location;
    issue.severity = t.severity;
    issue.role = role;
    issue.package = t.package;
    issue.title = t.title;
    issue.why = t.why;
    issue.fix = t.fix;
    issue.references = t.references;
    issue.risk = t.risk;
    if (codeowners && !t.location.path.empty()) {
      std::string where;
      if (auto owner = codeowners->owner_of(t.location.path, &where)) {
        issue.role = owner->role;
        issue.owner_name = owner->name;
        issue.team = owner->team;
        issue.owner_final = true;
        issue.evidence += fmt::format("\nowner from {}", where);
      }
    }
    out.fail(std::move(issue));
  }
}

std::string clean_summary(const VulnRun& run, const AdvisoryDb& db) {
  size_t checked = 0;
  for (const auto& pr : run.match.packages) checked += pr.problem.empty() ? 1 : 0;
  return fmt::format("{} packages checked against {} advisories (database built {}): none affected",
                     checked, db.status.advisories, db.status.built_at);
}

}  // namespace sw::scan
