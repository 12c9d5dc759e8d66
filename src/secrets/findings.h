// SPDX-License-Identifier: Apache-2.0
// From a SecretMatch to a shieldwall Finding (core/finding.h): check `secrets.<rule-id>`, a title
// a person reads ("GitHub Personal Access Token in src/app.py:12"), severity from the rule and its
// offline validation, redacted evidence, why/fix from the rule or per kind of secret, and the
// party who must rotate it:
//   1. git history: the commit's author (developer, named "Name <email>"): who leaked it knows
//      where it came from and is the one to rotate it;
//   2. else the path's code owners (CODEOWNERS, through core/codeowners.h's index, as vuln routes
//      lockfile findings);
//   3. else the caller's default: `developer` for a repository, `user` for a home directory.
// The config's [[owner]] rules apply afterwards, as for every finding (Config::resolve).
//
// The id is our secret fingerprint (secrets/fingerprint.h). No field holds the secret: every
// text taken from the match (match, author, message) goes through redact_in(). location.path is
// the match's path as reported (relative to the scanned root, or repository-relative for git).
// Thread safety: pure, except that the CodeOwnersIndex in the options is used (and caches), so
// one index must not be shared by threads converting at the same time.
#pragma once

#include <string>
#include <vector>

#include "core/codeowners.h"
#include "core/finding.h"
#include "core/responsible.h"
#include "secrets/engine.h"
#include "secrets/rule.h"

namespace sw::secrets {

struct FindingOptions {
  Role default_role = Role::kDeveloper;  // Role::kUser for a home directory
  // Looks up CODEOWNERS for paths outside git history; null: no code-owner routing.
  CodeOwnersIndex* codeowners = nullptr;
  // The directory match paths are relative to (to find the file for CODEOWNERS); empty: paths
  // are used as they are.
  std::string root;
  std::string host;
};

// `rule` may be null (a rule the caller no longer has): per-kind defaults are used.
Finding to_finding(const SecretMatch& match, const Rule* rule, const FindingOptions& options);

// Every match, each with its rule from `rules` (looked up by id).
std::vector<Finding> to_findings(const std::vector<SecretMatch>& matches, const RuleSet& rules,
                                 const FindingOptions& options);

// What kind of secret it is, in a few words, from the rule's description (gitleaks' sentences
// such as "Uncovered a possible Airtable API Key, potentially compromising ..." give "Airtable
// API Key") or, failing that, the rule id.
std::string secret_kind(std::string_view description, std::string_view rule_id);

}  // namespace sw::secrets
