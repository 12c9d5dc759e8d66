// SPDX-License-Identifier: Apache-2.0
// Leaked secrets for `shieldwall scan`: the secret scanner (secrets/engine.h) compiled once per run
// from the default rules (the compiled database cached on disk, secrets/engine/hs_cache.h), and
// the conversion of its matches into check Issues with the words and ids of `shieldwall secrets`
// (secrets/findings.h), so a leaked secret has the same finding id whichever command found it.
// Used by host.home.leaked_secrets (the home-directory check) and host.secrets.project_files
// (the paths given to `shieldwall scan PATH...`).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/codeowners.h"
#include "core/result.h"
#include "scan/check.h"
#include "secrets/engine.h"

namespace sw::scan {

class ScanContext;

struct SecretScanner {
  std::shared_ptr<const secrets::Scanner> scanner;
  std::vector<Error> rule_errors;  // default rules Hyperscan or RE2 refused (a bug of ours)

  static Result<SecretScanner> load(ScanContext& ctx);
};

// One Issue per match. `role` is the default party (user for a home, developer for a project);
// `owner_name` names the account for a home; `codeowners`, when given, routes project files to
// their code owners, with paths relative to `root`.
std::vector<Issue> secret_issues(const std::vector<secrets::SecretMatch>& matches,
                                 const secrets::Scanner& scanner, Role role,
                                 const std::string& owner_name, CodeOwnersIndex* codeowners,
                                 const std::string& root);

}  // namespace sw::scan
