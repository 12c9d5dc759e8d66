// SPDX-License-Identifier: Apache-2.0
// The rule-file loader: gitleaks' TOML configuration format (config/config.go of gitleaks 8.x, read
// for its semantics) as shieldwall's native format, so users bring their existing configs.
//
// Understood: title; [[rules]] with id, description, regex, secretGroup, entropy, keywords (lower-
// cased, as gitleaks compares them), path, tags, the legacy [rules.allowlist] table or
// [[rules.allowlists]]; the global legacy [allowlist] and [[allowlists]] (with targetRules); each
// allowlist's description, condition (OR / AND, also "||" / "&&"), regexTarget (secret / match /
// line), regexes, paths, commits, stopwords; [extend] with useDefault, path and disabledRules.
// Keys are matched case-insensitively (gitleaks reads them through viper, which lower-cases them);
// unknown keys are ignored, as gitleaks ignores them. shieldwall's own rule keys: validate,
// severity, why, fix (gitleaks ignores those, so our files stay valid gitleaks configs).
//
// Not supported: composite rules ([[rules.required]], gitleaks 8.28) and skipReport: a rule using
// them is left out with an error saying so, rather than applied with different meaning.
//
// Errors: a file that is not TOML fails as a whole (file and line). A rule or allowlist that is
// wrong (no id, neither regex nor path, secretGroup not a number, an allowlist with no criteria,
// both the legacy and the new allowlist form) is left out with an error naming the rule, its file
// and line; the rest of the file still loads. Regexes themselves are compiled by the engine, which
// reports a bad one the same way.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"
#include "secrets/rule.h"

namespace sw::secrets {

// A file's [extend] table.
struct ExtendSpec {
  bool use_default = false;
  std::string path;  // another rule file to extend, as written
  std::vector<std::string> disabled_rules;
};

struct ParsedRuleFile {
  RuleSet rules;
  ExtendSpec extend;
};

// Parses one rule file's text. `origin` names it in errors and in Rule::origin ("file:line").
// Rule-level problems go to `rule_errors` (the rule is left out).
Result<ParsedRuleFile> parse_rules_toml(std::string_view text, const std::string& origin,
                                        std::vector<Error>& rule_errors);

// gitleaks' extend merge: `current` (the extending file) over `base`. Rules of `base` named in
// `disabled` are dropped; a rule only in one side is kept as is; for a rule in both, the base rule
// takes current's description, entropy, secretGroup, regex and path where current sets them, and
// current's tags, keywords and allowlists are appended. Global allowlists are concatenated.
// Rules come out sorted by id, as gitleaks orders them.
RuleSet extend_rules(RuleSet base, RuleSet current, const std::vector<std::string>& disabled);

// The rule set the rule-file default stands for when a file says `[extend] useDefault = true`.
using DefaultRules = std::function<Result<RuleSet>()>;

// Reads and parses `path`, then resolves its [extend]: `useDefault` extends `defaults()`, else
// `path` extends that file (relative to the extending file's directory when it exists there, else
// to the working directory), at most two levels deep, as gitleaks allows.
Result<RuleSet> load_rules_file(const std::string& path, const DefaultRules& defaults,
                                std::vector<Error>& rule_errors);

}  // namespace sw::secrets
