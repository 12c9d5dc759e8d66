// SPDX-License-Identifier: Apache-2.0
// Ignoring secret findings: accepted risks, with a reason, an owner and an expiry date.
//
// Our ignore file, `shieldwall-secrets-ignore.toml` at the root of what is scanned (beside the
// vulnerability ignore file `shieldwall-ignore.toml`, same contract: core/ignore_file.h):
//
//   [[ignore]]
//   fingerprint = "SW-0123456789abcdef"   # our fingerprint (secrets/fingerprint.h): survives
//                                         # line moves; a gitleaks fingerprint is accepted too
//   reason = "test fixture, the key was revoked on 2024-05-01"    # required
//   owner = "alice@example.com"                                   # required
//   expires = 2027-01-31                  # optional; after it the finding is back
//
//   [[ignore]]                            # or by rule and path
//   rule = "generic-api-key"              # glob on the rule id (optional: any rule)
//   path = "tests/fixtures/**"            # glob on the path ('**' crosses '/'; a pattern with no
//                                         # '/' also matches the file name at any depth)
//   reason = "..."
//   owner = "..."
//
// Every key given must match; an entry needs a fingerprint or a path. Bad entries are errors
// (file and line) and are skipped; the rest applies.
//
// gitleaks' `.gitleaksignore` is read too: one fingerprint per line as gitleaks writes them
// (`commit:file:rule-id:start-line`, or `file:rule-id:start-line`, which gitleaks matches in every
// commit), `#` comments and blank lines skipped, '\' in the path read as '/'. Such lines carry no
// reason, owner or expiry: they are position-based and stop matching when the secret moves.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "core/ignore_file.h"
#include "secrets/engine.h"

namespace sw::secrets {

inline constexpr std::string_view kIgnoreFileName = "shieldwall-secrets-ignore.toml";
inline constexpr std::string_view kGitleaksIgnoreFileName = ".gitleaksignore";

// One [[ignore]] entry of our file.
struct IgnoreRule {
  Acceptance acceptance;
  std::string fingerprint;  // "SW-…" or a gitleaks fingerprint; empty = any
  std::string rule;         // glob on the rule id; empty = any
  std::string path;         // path glob; empty = any

  bool covers(const SecretMatch& match) const;
  // For messages: "fingerprint SW-…", "rule generic-api-key in tests/**", ...
  std::string name() const;
};

struct IgnoreSet {
  std::vector<IgnoreRule> rules;
  // .gitleaksignore lines: fingerprint -> where it is written ("FILE:LINE").
  std::unordered_map<std::string, std::string> gitleaks;
  std::vector<Error> errors;

  // Adds another file's entries and errors.
  void merge(IgnoreSet other);
};

IgnoreSet parse_ignore_file(std::string_view text, const std::string& path);
IgnoreSet load_ignore_file(const std::string& path);
IgnoreSet parse_gitleaksignore(std::string_view text, const std::string& path);
IgnoreSet load_gitleaksignore(const std::string& path);

struct IgnoredMatch {
  SecretMatch match;
  std::string why;  // "REASON (OWNER, until DATE) FILE:LINE" or ".gitleaksignore:LINE"
};

struct IgnoreOutcome {
  std::vector<SecretMatch> kept;  // to report, in the order given
  std::vector<IgnoredMatch> ignored;
  // One per expired entry that would have hidden a finding still reported: "FILE:LINE: the
  // ignore entry for NAME expired on DATE: the finding is back" (with a count when several).
  std::vector<std::string> notes;
};

// Splits `matches` by the ignore entries in force on `today` ("YYYY-MM-DD").
IgnoreOutcome apply_ignores(const IgnoreSet& set, std::vector<SecretMatch> matches,
                            std::string_view today);

}  // namespace sw::secrets
