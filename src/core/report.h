// SPDX-License-Identifier: Apache-2.0
// Report: the findings of one run, the status of every check evaluated, per-party summaries and the
// posture. The posture follows the weakest-link principle: its headline is the single worst open
// finding and who owns it; the mean is shown beside it, never instead of it.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"

namespace sw {

inline constexpr std::string_view kReportSchema = "shieldwall/report/v1";

enum class CheckStatus { kPass, kFail, kNotApplicable, kError };
std::string_view check_status_name(CheckStatus s);  // "pass", "fail", "not_applicable", "error"

// One check as evaluated in this run.
struct CheckRecord {
  std::string id;
  std::string title;
  std::string family;
  CheckStatus status = CheckStatus::kPass;
  std::string detail;  // for not_applicable and error: why; for pass: what was verified
  std::vector<std::string> references;
};

// A party's part of the report.
struct PartySummary {
  Responsible party;
  std::array<int, 5> by_severity{};  // indexed by Severity
  std::vector<size_t> findings;      // indices into Report::findings, in report order
};

struct Posture {
  std::optional<size_t> weakest;  // index of the worst open finding; nullopt when there is none
  double score = 100.0;           // 100 - 10 x (worst risk): the chain is as strong as this link
  double mean_score = 100.0;      // 100 - 10 x (mean risk): shown, never instead of `score`
  std::string grade;              // "A".."F" from `score`
};

// A package checked for vulnerabilities (`shieldwall vuln`), listed whether or not anything
// affects it, so an empty list is visible.
struct PackageRecord {
  std::string ecosystem;
  std::string name;
  std::string version;
  std::string path;  // lockfile or package database
  int line = 0;
  std::vector<std::string> advisories;  // ids affecting it (ignored ones included)
  std::vector<std::string> ignored;     // those of `advisories` an ignore entry covers
  std::string fixed_in;                 // the recommended upgrade, when affected
  std::string problem;                  // non-empty: not checked, and why
};

struct Report {
  std::string schema{kReportSchema};
  std::string tool_version;
  std::string command;     // "scan", ...
  std::string host;        // host name scanned
  std::string root;        // filesystem root scanned ("/" for this machine)
  std::string started_at;  // ISO 8601 UTC
  double duration_ms = 0.0;
  std::vector<std::string> environment;  // "container:docker", "systemd", "wsl", "vm:kvm", ...
  std::vector<Finding> findings;
  std::vector<CheckRecord> checks;
  std::vector<std::string> errors;      // input problems met along the way ("FILE:LINE: message")
  std::vector<std::string> notes;       // things the reader must know (stale data, skipped work)
  std::vector<PackageRecord> packages;  // `vuln`: every package checked (absent from JSON if empty)

  // Sorts findings (finding_before), sorts checks by id, and computes parties and posture.
  void finalize();

  std::vector<PartySummary> parties;  // filled by finalize(); worst party first
  Posture posture;                    // filled by finalize()

  // The worst severity among findings, or nullopt if there are none.
  std::optional<Severity> worst_severity() const;
  int count(CheckStatus s) const;
};

}  // namespace sw
