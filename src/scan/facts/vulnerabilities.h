// SPDX-License-Identifier: Apache-2.0
// Vulnerabilities: the advisory store (vuln/store) opened once per run, and the one pipeline that
// matches packages against it (vuln/match), applies the ignore files (vuln/ignore) and turns each
// upgrade into a check Issue with the words of vuln/findings. Used by the scan checks
// host.updates.vulnerable_packages / host.updates.vulnerable_dependencies and by `shieldwall vuln`,
// so a weakness has the same finding id whichever command found it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/codeowners.h"
#include "core/result.h"
#include "vuln/inventory/os_packages.h"
#include "vuln/inventory/package.h"
#include "vuln/match.h"
#include "vuln/store/store.h"

namespace sw::scan {

class ScanContext;
class Outcome;

// Advisories are older than this: the store is stale, and says so.
inline constexpr int kStaleDays = 7;

struct AdvisoryDb {
  std::string data_dir;
  std::shared_ptr<vuln::AdvisoryStore> store;  // null when missing (see `problem`)
  vuln::StoreStatus status;
  std::vector<std::string> ecosystems;  // base ecosystems with advisories
  std::string problem;                  // why there is no usable store
  double age_days = 0.0;

  static Result<AdvisoryDb> load(ScanContext& ctx);
  static AdvisoryDb open(const std::string& data_dir);
};

// The OS packages of the scanned root (dpkg, apk or rpm database) with their OSV ecosystem.
struct OsPackages {
  vuln::OsInventory inventory;
  static Result<OsPackages> load(ScanContext& ctx);
};

// The outcome of matching one inventory.
struct VulnRun {
  vuln::MatchResult match;
  std::vector<std::string> notes;  // expired ignore entries, unchecked packages
  std::vector<Error> errors;       // ignore-file problems, advisory data problems
};

// Matches `packages` against `db`, then applies the ignore files (today = "YYYY-MM-DD").
VulnRun run_vuln_match(const std::vector<vuln::Package>& packages, AdvisoryDb& db,
                       const std::vector<std::string>& ignore_files, const std::string& today);

// One failing Issue per upgrade; `role` is the default party (admin for OS packages, developer for
// lockfiles), CODEOWNERS (when given) names the owner of a lockfile.
void report_upgrades(const VulnRun& run, Outcome& out, Role role,
                     CodeOwnersIndex* codeowners = nullptr);

// The summary line of a clean match: "412 packages checked against 10,089 advisories ...".
std::string clean_summary(const VulnRun& run, const AdvisoryDb& db);

// Today's date, UTC, "YYYY-MM-DD".
std::string today_utc();

}  // namespace sw::scan
