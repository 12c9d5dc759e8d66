// SPDX-License-Identifier: Apache-2.0
// Fingerprints of a secret finding.
//
// Ours, `SW-` + 16 hex digits: core's finding fingerprint (core/finding.h: SHA-256, no host) over
// the check `secrets.<rule-id>` and the subject "<path>\0<SHA-256 hex of the secret>". It depends
// on the rule, the secret and the file only, so it survives the edits that move lines (the top
// complaint about gitleaks' position-based .gitleaksignore) and is the same for one secret in
// every commit of the file's history. It is the finding id, and what our ignore file and
// baselines key on.
//
// gitleaks' own, for compatibility (.gitleaksignore, its JSON "Fingerprint"): in git
// `commit:file:rule-id:start-line`, outside git `file:rule-id:start-line` (the "global" form,
// which in .gitleaksignore also matches that position in every commit).
#pragma once

#include <string>
#include <string_view>

#include "secrets/engine.h"

namespace sw::secrets {

// A path as fingerprints see it: '\' becomes '/', leading "./" are dropped.
std::string normalize_path(std::string_view path);

std::string secret_fingerprint(std::string_view rule_id, std::string_view secret,
                               std::string_view path);
std::string secret_fingerprint(const SecretMatch& match);

// `commit:file:rule-id:start-line`, or `file:rule-id:start-line` without a commit.
std::string gitleaks_fingerprint(const SecretMatch& match);
// `file:rule-id:start-line`, whatever the commit.
std::string gitleaks_global_fingerprint(const SecretMatch& match);

}  // namespace sw::secrets
