// SPDX-License-Identifier: Apache-2.0
#include "core/report.h"

#include <algorithm>
#include <map>

namespace sw {

std::string_view check_status_name(CheckStatus s) {
  switch (s) {
    case CheckStatus::kPass:
      return "pass";
    case CheckStatus::kFail:
      return "fail";
    case CheckStatus::kNotApplicable:
      return "not_applicable";
    case CheckStatus::kError:
      return "error";
  }
  return "error";
}

namespace {

std::string grade_for(double score) {
  if (score >= 90) return "A";
  if (score >= 75) return "B";
  if (score >= 50) return "C";
  if (score >= 25) return "D";
  if (score > 5) return "E";
  return "F";
}

}  // namespace

void Report::finalize() {
  std::stable_sort(findings.begin(), findings.end(), finding_before);
  std::sort(checks.begin(), checks.end(),
            [](const CheckRecord& a, const CheckRecord& b) { return a.id < b.id; });

  parties.clear();
  std::map<std::string, size_t> index;
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    std::string key = f.responsible.key() + '\0' + f.responsible.name;
    auto [it, inserted] = index.try_emplace(key, parties.size());
    if (inserted) parties.push_back(PartySummary{f.responsible, {}, {}});
    PartySummary& p = parties[it->second];
    p.by_severity[static_cast<size_t>(f.severity)]++;
    p.findings.push_back(i);
  }
  // Parties appear in the order of their worst finding, because findings are sorted worst first.

  posture = Posture{};
  if (!findings.empty()) {
    posture.weakest = 0;
    double worst = findings.front().risk;
    double sum = 0;
    for (const Finding& f : findings) sum += f.risk;
    posture.score = std::max(0.0, 100.0 - 10.0 * worst);
    posture.mean_score = std::max(0.0, 100.0 - 10.0 * sum / static_cast<double>(findings.size()));
  }
  posture.grade = grade_for(posture.score);
}

std::optional<Severity> Report::worst_severity() const {
  std::optional<Severity> worst;
  for (const Finding& f : findings) {
    if (!worst || f.severity > *worst) worst = f.severity;
  }
  return worst;
}

int Report::count(CheckStatus s) const {
  return static_cast<int>(std::count_if(checks.begin(), checks.end(),
                                        [s](const CheckRecord& c) { return c.status == s; }));
}

}  // namespace sw
