// SPDX-License-Identifier: Apache-2.0
// Baselines: `--baseline REPORT` reports only the findings that are not in an earlier report.
//
// Accepted reports (JSON, told apart by shape):
//   - shieldwall's report JSON (`{"schema": "shieldwall/report/v1", "findings": [{"id": …}]}`)
//     and SARIF (ours or shieldwall's: `partialFingerprints["shieldwall/v1"]`): by fingerprint.
//   - gitleaks' JSON report (an array of findings), ours or gitleaks' own.
//
// How a gitleaks-shaped entry is compared. gitleaks' --baseline-path compares every field of the
// finding but its fingerprint, positions included (detect/baseline.go IsNew), so a baseline
// stops matching as soon as a line moves. We compare by content instead, so that an old leak does
// not come back when code above it changes:
//   - a plain `Secret`: our fingerprint of (RuleID, Secret, File), i.e. rule + secret + file;
//   - a `Secret` in our redacted form (`ghp_…(40 chars, sha256:1a2b3c4d)`, what our own JSON
//     writes by default): rule, file, prefix, length and the 32-bit short hash;
//   - a `Secret` redacted by gitleaks (`REDACTED`, `abc...`, or masked with `*`) no longer says
//     which secret it was: we fall back to gitleaks' own rule with --redact, position: rule,
//     file, commit and start/end line and column (plus the visible prefix of `abc...`). Such a
//     baseline stops matching when lines move; write it with shieldwall to make it move-proof.
// Author, email, date, message, entropy and description are not compared: they do not tell one
// leak from another, and differ between tools.
//
// Bad input never throws: a file that is not JSON is one error naming the line; an entry that is
// not a finding is one error naming its index, and the others still apply.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/error.h"
#include "secrets/engine.h"
#include "secrets/redact.h"

namespace sw::secrets {

struct Baseline {
  struct ByHash {
    std::string rule;
    std::string path;
    RedactedForm form;
  };
  struct ByPosition {
    std::string rule;
    std::string path;
    std::string commit;
    int start_line = 0;
    int end_line = 0;
    int start_column = 0;
    int end_column = 0;
    std::string prefix;  // visible start of a partly redacted secret
  };

  std::string file;
  size_t entries = 0;  // findings read
  std::unordered_set<std::string> fingerprints;
  std::vector<ByHash> by_hash;
  std::vector<ByPosition> by_position;
  std::vector<Error> errors;

  // Whether the baseline already holds this finding.
  bool contains(const SecretMatch& match) const;
};

Baseline parse_baseline(std::string_view text, const std::string& path);
Baseline load_baseline(const std::string& path);

// The findings not in the baseline, in the order given.
std::vector<SecretMatch> new_findings(const Baseline& baseline, std::vector<SecretMatch> matches);

}  // namespace sw::secrets
