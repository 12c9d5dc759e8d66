// SPDX-License-Identifier: Apache-2.0
// A small, slow reference applier of a RuleSet with RE2 alone, for tests and the conformance
// program of the default rules while (and besides) the Hyperscan engine exists. It follows the
// steps of gitleaks' detection as ../shared/data/secrets/README.md lists them, simplified: global
// allowlist paths, keyword gate on the lower-cased text, rule path, FindAll (leftmost-first, no
// overlap), inline gitleaks:allow / shieldwall:allow, secret group, entropy (<= threshold drops),
// global then rule allowlists (regexes on secret/match/line, stopwords, paths; OR / AND), and
// generic de-duplication on the same line. Commits are not known here and never allow.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "secrets/rule.h"

namespace sw::secrets::test {

struct SimpleFinding {
  std::string rule_id;
  std::string secret;
  std::string match;
  int line = 0;  // 1-based line of the match start
};

class SimpleMatcher {
 public:
  explicit SimpleMatcher(const RuleSet& rules);
  ~SimpleMatcher();
  SimpleMatcher(const SimpleMatcher&) = delete;
  SimpleMatcher& operator=(const SimpleMatcher&) = delete;

  std::vector<SimpleFinding> scan(std::string_view text, std::string_view path = "file.txt") const;
  // Regexes RE2 rejected: "rule-id: message".
  const std::vector<std::string>& errors() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sw::secrets::test
