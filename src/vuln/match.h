// SPDX-License-Identifier: Apache-2.0
// The matcher: every package of an inventory against the advisory store, by the OSV evaluation
// rules (osv/osv.h is_affected) with the ecosystem's own version ordering; then, per package, the
// smallest fixed version that clears every advisory affecting the installed version.
//
// A package that cannot be checked (unknown ecosystem, a version its scheme rejects, no advisories
// of that ecosystem in the store) says so in `problem`: it is never counted as "not affected".
#pragma once

#include <string>
#include <vector>

#include "core/error.h"
#include "core/severity.h"
#include "vuln/inventory/package.h"
#include "vuln/osv/advisory.h"
#include "vuln/store/store.h"

namespace sw::vuln {

// How bad one advisory is, from the best source it carries.
struct Rating {
  double score = 0.0;  // 0-10 (CVSS base score, or the band's value)
  Severity severity = Severity::kMedium;
  std::string source;  // "CVSS:3.1 9.8", "database: HIGH", "not rated"
  bool rated = false;  // false: the advisory gives no severity at all
};

// The rating of an advisory for one affected entry: CVSS vectors of the entry, then of the
// advisory (the highest base score among them), then the database's own severity word
// (critical/high/important/moderate/medium/low), else "not rated" (medium, score 5).
Rating rate_advisory(const Advisory& advisory, const Affected* affected);

struct Hit {
  Advisory advisory;               // as the store's lookup() gives it, without its affected list
  std::vector<Affected> affected;  // the advisory's entries for this package (for re-evaluation)
  std::vector<std::string> fixed;  // fixed versions of the ranges holding the installed version
  Rating rating;
  bool ignored = false;       // suppressed by an ignore rule (still listed in JSON)
  std::string ignore_reason;  // "reason (owner, until DATE) FILE:LINE"
};

struct PackageResult {
  Package package;
  std::vector<Hit> hits;  // sorted: KEV first, then score descending, then id
  std::string problem;    // non-empty when the package could not be checked, and why
};

// One finding's worth: a package and the upgrade that clears its advisories.
struct Upgrade {
  size_t package = 0;             // index into MatchResult::packages
  std::string to;                 // smallest version clearing all it can; empty: no fix known
  std::vector<size_t> cleared;    // indices into the package's hits fixed by `to`
  std::vector<size_t> remaining;  // hits `to` does not fix (no fixed version yet)
  Severity severity = Severity::kMedium;
  double risk = 0.0;  // 0-10: highest score, raised for actively exploited ones
  size_t kev = 0;     // hits in the CISA KEV catalog
  bool ransomware = false;
};

struct MatchResult {
  std::vector<PackageResult> packages;  // every package checked, in inventory order
  std::vector<Upgrade> upgrades;        // packages with non-ignored hits, worst first
  std::vector<Error> errors;            // advisory data problems met while matching
  size_t unchecked = 0;                 // packages with a problem
};

// Matches `packages` against `store`. `ecosystems_in_store` lists the base ecosystems the store
// holds advisories for (from StoreStatus); a package of another ecosystem is "not checked".
MatchResult match_packages(const std::vector<Package>& packages, AdvisoryStore& store,
                           const std::vector<std::string>& ecosystems_in_store);

// The upgrades of a result, recomputed (after ignore rules marked hits).
void compute_upgrades(MatchResult& result);

}  // namespace sw::vuln
