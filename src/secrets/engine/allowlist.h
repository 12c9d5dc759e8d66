// SPDX-License-Identifier: Apache-2.0
// An allowlist (secrets/rule.h) with its regexes compiled by RE2, and gitleaks' two checks of one
// (detect/detect.go, checkCommitOrPathAllowed and checkFindingAllowed, as described in
// ../shared/data/secrets/README.md step 8):
//   - before a rule runs, a fragment is skipped when an allowlist's commits or paths allow it
//     (OR: either; AND: those of commits/paths it lists, and only if it lists no regexes or
//     stopwords, which can only be checked per finding);
//   - each finding is dropped when an allowlist allows it: OR: a regex matches the target
//     (secret, match or line, per regexTarget) or a stopword is a case-insensitive substring of
//     the secret; AND: every criterion it lists holds (commits, paths, regexes, stopwords).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "core/error.h"
#include "secrets/rule.h"

namespace sw::secrets::engine {

// Lower-cases as Go's strings.ToLower does for what can meet an ASCII word: ASCII letters, and
// U+212A KELVIN SIGN and U+0130 (capital I with dot), which Go lowers to 'k' and 'i'.
std::string go_lower_for_ascii(std::string_view text);

struct FindingView {
  std::string_view secret;  // as RE2 sees them (invalid UTF-8 already replaced by U+FFFD)
  std::string_view match;
  std::string_view line;
  std::string_view path;
  std::string_view commit;
  // Per-allowlist memo of "a regex matches the line" for this line (index: CompiledAllowlist::
  // id(); -1 unknown), so many findings on one long line search it once. May be null.
  int8_t* line_memo = nullptr;
};

class CompiledAllowlist {
 public:
  // Compiles the regexes and paths; a bad one is reported through `errors` (named by `owner`,
  // e.g. "rule 'x' (gitleaks.toml:12)") and left out.
  CompiledAllowlist(const Allowlist& source, size_t id, std::string_view owner,
                    const std::string& file, int line, std::vector<Error>& errors);

  bool empty() const { return empty_; }
  size_t id() const { return id_; }
  bool commit_allowed(std::string_view commit) const;
  bool path_allowed(std::string_view path) const;
  // checkCommitOrPathAllowed for this one allowlist.
  bool allows_fragment(std::string_view path, std::string_view commit) const;
  // Whether only the path can decide allows_fragment (for Scanner::path_allowed).
  bool allows_path_alone(std::string_view path) const;
  // checkFindingAllowed for this one allowlist.
  bool allows_finding(const FindingView& finding) const;

 private:
  bool regex_allowed(std::string_view target) const;
  bool stopword_in(std::string_view secret) const;

  Condition condition_;
  RegexTarget target_;
  // Each list as one alternation (?:r1)|(?:r2)|...: "any of them matches" in one search (or, if
  // they cannot be joined, e.g. two reuse a group name, one by one).
  std::vector<std::unique_ptr<RE2>> regexes_;
  std::vector<std::unique_ptr<RE2>> paths_;
  std::vector<std::string> commits_;
  // The stopwords, lower-cased, as one alternation of literals searched in the lower-cased secret
  // (one linear pass however many stopwords: generic-api-key has 1,446).
  std::unique_ptr<RE2> stopwords_;
  bool has_stopwords_ = false;
  size_t id_ = 0;
  bool has_regexes_ = false;  // as listed (even if one failed to compile)
  bool has_paths_ = false;
  bool empty_ = true;
};

// RE2 options for every regex of a rule set: Go's syntax and UTF-8, quiet.
RE2::Options go_re2_options();

}  // namespace sw::secrets::engine
