// SPDX-License-Identifier: Apache-2.0
// The audit of a password-manager export, the person's own part of the posture: for each entry
// (site and user name, never the password) whether its password is weak, reused across sites,
// breached, or not acceptable under the policy (too short, built on the user name or the site,
// blocklisted). The results are report findings owned by `user`, at the export's file and line,
// so they come out in every report format and rank with the rest ("weakest link first").
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/finding.h"
#include "password/assess.h"
#include "password/vault/vault.h"

namespace sw::password {

struct VaultAudit {
  std::vector<Finding> findings;
  std::size_t entries = 0;        // entries with a password
  std::size_t weak = 0;           // score below the policy's min_score
  std::size_t reused_groups = 0;  // passwords shared by two or more sites
  std::size_t reused_entries = 0;
  std::size_t breached = 0;
  std::size_t rejected = 0;         // not acceptable under the policy, for any reason
  std::vector<std::string> errors;  // "FILE:LINE: why" (entries that could not be judged)
};

// Judges every entry of `vault` with `options` (its context: the entry's user name and site).
VaultAudit audit_vault(const Vault& vault, const AssessOptions& options, const std::string& host);

}  // namespace sw::password
