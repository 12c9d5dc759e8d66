// SPDX-License-Identifier: Apache-2.0
// Report formats for lists of secret findings, in gitleaks' shapes so that the pipelines and
// tools built around gitleaks keep working (reference files: gitleaks' testdata/expected/report,
// copied in shared/data/secrets/gitleaks-report-formats):
//   json   gitleaks' JSON report: an array of findings, keys in gitleaks' order (RuleID,
//          Description, StartLine, EndLine, StartColumn, EndColumn, Match, Secret, File,
//          SymlinkFile, Commit, Entropy, Author, Email, Date, Message, Tags, Fingerprint),
//          one-space indent, Go's escaping. Fingerprint is gitleaks' (commit:file:rule-id:line).
//   csv    gitleaks' CSV: header RuleID,Commit,File,SymlinkFile,Secret,Match,StartLine,EndLine,
//          StartColumn,EndColumn,Author,Message,Date,Email,Fingerprint,Tags (tags space-joined);
//          nothing at all when there are no findings, as gitleaks.
//   junit  gitleaks' JUnit XML: one testsuite "gitleaks", one failed testcase per finding, whose
//          failure text is the finding as tab-indented JSON.
//   sarif  gitleaks' SARIF 2.1.0 layout: driver rules = every rule of the rule set (id,
//          shortDescription), results with message, ruleId, one physical location whose region
//          snippet is the (redacted) secret, partialFingerprints with the commit data, and
//          properties.tags. Two deliberate differences: the driver is shieldwall, and
//          partialFingerprints also carries "shieldwall/v1" (our fingerprint), which code-review
//          tools use to follow a finding across line moves. (src/report/sarif.cpp writes SARIF
//          for shieldwall findings, with levels, owners and fixes; its input is a Report, this
//          one's a gitleaks finding list with its rule table: the two share only the two header
//          constants, so each writes its own.)
//   text   for people: one block per finding, gitleaks' verbose layout (Finding, Secret, RuleID,
//          Entropy, File, Line, Commit, Author, Email, Date, Fingerprint), plus Validation.
//
// Redacted by default (secrets/redact.h): the secret, and every occurrence of it in the match,
// the commit message, author and email. `show_secrets` prints them as found. Rule ids, rule
// descriptions, tags and file paths are never altered.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "secrets/engine.h"
#include "secrets/rule.h"

namespace sw::secrets {

enum class SecretFormat { kText, kJson, kCsv, kJunit, kSarif };

std::optional<SecretFormat> parse_secret_format(std::string_view name);

struct FormatOptions {
  bool show_secrets = false;
  std::string tool_version;  // SARIF driver semanticVersion
  // SARIF's driver rules: every rule of this set (sorted by id, as gitleaks lists them); when
  // null, the rules of the findings.
  const RuleSet* rules = nullptr;
};

void write_gitleaks_json(const std::vector<SecretMatch>& matches, std::ostream& out,
                         const FormatOptions& options = {});
void write_csv(const std::vector<SecretMatch>& matches, std::ostream& out,
               const FormatOptions& options = {});
void write_junit(const std::vector<SecretMatch>& matches, std::ostream& out,
                 const FormatOptions& options = {});
void write_gitleaks_sarif(const std::vector<SecretMatch>& matches, std::ostream& out,
                          const FormatOptions& options = {});
void write_secrets_text(const std::vector<SecretMatch>& matches, std::ostream& out,
                        const FormatOptions& options = {});

void write_secrets(SecretFormat format, const std::vector<SecretMatch>& matches, std::ostream& out,
                   const FormatOptions& options = {});

}  // namespace sw::secrets
