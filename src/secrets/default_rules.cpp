// SPDX-License-Identifier: Apache-2.0
// The default rule set: the embedded TOML files through the gitleaks loader (see default_rules.h).
#include "secrets/default_rules.h"

#include <string>

#include <fmt/format.h>

#include "secrets/gitleaks_config.h"

namespace sw::secrets {

Result<RuleSet> default_rules() {
  RuleSet out;
  out.title = "shieldwall default rules";
  for (const auto& [name, text] : default_rule_files()) {
    std::vector<Error> rule_errors;
    auto parsed = parse_rules_toml(text, "default:" + std::string(name), rule_errors);
    if (!parsed) {
      return fail(Errc::kInternal, fmt::format("default rules: {}", parsed.error().to_string()));
    }
    if (!rule_errors.empty()) {
      return fail(Errc::kInternal,
                  fmt::format("default rules: {}", rule_errors.front().to_string()));
    }
    for (Rule& rule : parsed->rules.rules) out.rules.push_back(std::move(rule));
    for (Allowlist& a : parsed->rules.allowlists) out.allowlists.push_back(std::move(a));
  }
  return out;
}

}  // namespace sw::secrets
