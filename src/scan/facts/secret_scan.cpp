// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/secret_scan.h"

#include <utility>

#include "core/finding.h"
#include "scan/context.h"
#include "secrets/default_rules.h"
#include "secrets/engine/hs_cache.h"
#include "secrets/findings.h"

namespace sw::scan {

Result<SecretScanner> SecretScanner::load(ScanContext& /*ctx*/) {
  auto rules = secrets::default_rules();
  if (!rules) return Unexpected(rules.error());
  SecretScanner out;
  secrets::CompileOptions options;
  options.cache_dir = secrets::engine::default_hs_cache_dir();
  auto scanner = secrets::Scanner::compile(std::move(*rules), &out.rule_errors, options);
  if (!scanner) return Unexpected(scanner.error());
  out.scanner = std::shared_ptr<const secrets::Scanner>(std::move(*scanner));
  return out;
}

std::vector<Issue> secret_issues(const std::vector<secrets::SecretMatch>& matches,
                                 const secrets::Scanner& scanner, Role role,
                                 const std::string& owner_name, CodeOwnersIndex* codeowners,
                                 const std::string& root) {
  secrets::FindingOptions options;
  options.default_role = role;
  options.codeowners = codeowners;
  options.root = root;
  std::vector<Issue> out;
  for (Finding& f : secrets::to_findings(matches, scanner.rules(), options)) {
    Issue issue;
    issue.subject = std::move(f.subject);
    issue.evidence = std::move(f.evidence);
    issue.location = std::move(f.location);
    issue.severity = f.severity;
    issue.role = f.responsible.role;
    issue.owner_name = f.responsible.name.empty() ? owner_name : f.responsible.name;
    issue.team = f.responsible.team;
    issue.owner_final = f.responsible.role == Role::kTeam;  // from CODEOWNERS
    issue.title = std::move(f.title);
    issue.why = std::move(f.why);
    issue.fix = std::move(f.fix);
    // f.references (CWE-798) are the checks' own references already.
    issue.risk = f.risk;
    issue.details = std::move(f.details);
    issue.id = std::move(f.id);
    out.push_back(std::move(issue));
  }
  return out;
}

}  // namespace sw::scan
