// SPDX-License-Identifier: Apache-2.0
// The vulnerability ignore file (TOML): accepted risks, each with a reason, an owner and an expiry
// date after which the finding comes back. Like osv-scanner's [[IgnoredVulns]] and Trivy's
// .trivyignore.yaml, but an entry without a reason or an owner is refused: an accepted risk is
// somebody's decision.
//
//   [[ignore]]
//   id = "CVE-2024-1234"        # advisory id or any of its aliases (required)
//   package = "lodash"          # glob on the package name (optional: any package)
//   ecosystem = "npm"           # optional
//   reason = "not reachable: we never call template()"   # required
//   owner = "alice@example.com"                           # required
//   expires = 2027-01-31        # TOML date or "YYYY-MM-DD" (optional; recommended)
// The reason/owner/expires contract and the TOML reading are shared with the secret ignore file
// (core/ignore_file.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/ignore_file.h"
#include "vuln/match.h"

namespace sw::vuln {

// An accepted risk (reason, owner, expires, file, line) for one advisory.
struct IgnoreRule : Acceptance {
  std::string id;
  std::string package;
  std::string ecosystem;
};

struct IgnoreList {
  std::vector<IgnoreRule> rules;
  std::vector<Error> errors;  // bad entries, each with file and line (the entry is not used)
};

IgnoreList parse_ignore_file(std::string_view text, const std::string& path);
IgnoreList load_ignore_file(const std::string& path);

// Marks the hits an unexpired rule covers as ignored (today = "YYYY-MM-DD"); returns one note per
// expired rule that matched ("...expired on DATE: the finding is back") and recomputes upgrades.
std::vector<std::string> apply_ignores(const IgnoreList& list, MatchResult& result,
                                       std::string_view today);

}  // namespace sw::vuln
