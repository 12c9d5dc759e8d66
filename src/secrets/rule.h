// SPDX-License-Identifier: Apache-2.0
// A secret-detection rule set, in the model of gitleaks' TOML format (our native format too, so
// users bring their gitleaks configs): rules with an RE2-syntax regex, the capture group holding
// the secret, a Shannon-entropy floor, keywords that gate the rule, a path regex, and allowlists;
// plus a global allowlist. shieldwall's own fields (validator, severity, why/fix) extend the
// format: gitleaks ignores keys it does not know, and so a file of ours stays a valid gitleaks
// config.
//
// The semantics (how a rule is applied to a fragment of text) are gitleaks' and are implemented by
// the engine (secrets/engine.h); see ../shared/data/secrets/README.md, "How gitleaks applies a
// rule".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/severity.h"

namespace sw::secrets {

// What an allowlist's `regexes` are tested against.
enum class RegexTarget { kSecret, kMatch, kLine };

// How the criteria of one allowlist combine: any one (OR, gitleaks' default) or all (AND).
enum class Condition { kOr, kAnd };

struct Allowlist {
  std::string description;
  Condition condition = Condition::kOr;
  RegexTarget regex_target = RegexTarget::kSecret;
  std::vector<std::string> regexes;    // RE2 syntax
  std::vector<std::string> paths;      // RE2 syntax, searched in the file path
  std::vector<std::string> commits;    // commit ids (full or prefix) whose findings are allowed
  std::vector<std::string> stopwords;  // case-insensitive substrings of the secret
  // Global [[allowlists]] only: the rule ids it applies to (empty: every rule).
  std::vector<std::string> target_rules;
};

struct Rule {
  std::string id;  // unique within a rule set, e.g. "github-pat"
  std::string description;
  std::string regex;     // RE2 syntax; empty for a path-only rule (gitleaks' pkcs12-file)
  int secret_group = 0;  // 0: the first non-empty capture group, or the whole match without groups
  std::optional<double> entropy;      // a match is dropped when its secret's entropy is <= this
  std::vector<std::string> keywords;  // lower case; the rule runs only where one of them occurs
  std::string path;                   // RE2 syntax; when set, the file path must match it
  std::vector<Allowlist> allowlists;
  std::vector<std::string> tags;

  // shieldwall's extensions.
  std::string validator;  // name of an offline validator (secrets/validators.h), empty for none
  Severity severity = Severity::kHigh;
  std::string why;  // why this kind of leak matters, one or two plain sentences
  std::string fix;  // how to rotate or revoke it

  // Where the rule was defined ("gitleaks.toml:1234"), for error messages.
  std::string origin;
};

struct RuleSet {
  std::string title;
  std::vector<Rule> rules;
  std::vector<Allowlist> allowlists;  // global: the legacy [allowlist] and [[allowlists]]
};

}  // namespace sw::secrets
