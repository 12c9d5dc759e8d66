// SPDX-License-Identifier: Apache-2.0
#include "scan/runner.h"

#include <algorithm>
#include <exception>

#include <pwd.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/glob.h"

namespace sw::scan {
namespace {

bool any_glob(const std::vector<std::string>& globs, std::string_view id) {
  return std::any_of(globs.begin(), globs.end(),
                     [&](const std::string& g) { return glob_match(g, id); });
}

// The login name of the person running shieldwall (the sudo caller when run through sudo).
std::string current_user_name() {
  if (const char* sudo_user = ::getenv("SUDO_USER"); sudo_user && *sudo_user) return sudo_user;
  if (struct passwd* pw = ::getpwuid(::getuid())) return pw->pw_name;
  return {};
}

}  // namespace

std::vector<RegisteredCheck> select_checks(const Selection& selection, const Config& config) {
  std::vector<RegisteredCheck> out;
  for (const auto& check : Registry::all()) {
    std::string_view id = check.info->id;
    if (!selection.only.empty() && !any_glob(selection.only, id)) continue;
    if (any_glob(selection.skip, id) || config.skipped(id)) continue;
    out.push_back(check);
  }
  return out;
}

Finding make_finding(const CheckInfo& info, const Issue& issue, const std::string& host,
                     const Config& config) {
  Finding f;
  f.check = std::string(info.id);
  f.title = issue.title.empty() ? std::string(info.title) : issue.title;
  f.severity = issue.severity.value_or(info.severity);
  f.category = std::string(info.family);
  f.subject = issue.subject;
  f.evidence = issue.evidence;
  f.why = issue.why.empty() ? std::string(info.why) : issue.why;
  f.fix = issue.fix.empty() ? std::string(info.fix) : issue.fix;
  f.references = references_of(info);
  f.references.insert(f.references.end(), issue.references.begin(), issue.references.end());
  f.location = issue.location;
  f.package = issue.package;
  f.details = issue.details;
  f.host = host;
  f.responsible.role = issue.role.value_or(info.role);
  f.responsible.name = issue.owner_name;
  f.responsible.team = issue.team;
  if (f.responsible.role == Role::kUser && f.responsible.name.empty()) {
    f.responsible.name = current_user_name();
  }
  if (issue.owner_final) {
    if (auto it = config.role_names.find(f.responsible.key());
        f.responsible.name.empty() && it != config.role_names.end()) {
      f.responsible.name = it->second;
    }
  } else {
    f.responsible = config.resolve(f);
  }
  double risk =
      issue.risk ? *issue.risk : base_risk(f.severity) + std::clamp(issue.risk_delta, -1.0, 1.0);
  f.risk = std::clamp(risk, 0.0, 10.0);
  f.id = issue.id.empty() ? fingerprint(host, f.check, f.subject) : issue.id;
  return f;
}

void run_checks(ScanContext& ctx, const std::vector<RegisteredCheck>& checks, const Config& config,
                Report& report, const ProgressFn& progress) {
  const std::string host = report.host;
  for (size_t idx = 0; idx < checks.size(); ++idx) {
    const auto& check = checks[idx];
    const CheckInfo& info = *check.info;
    if (progress) progress(idx, checks.size(), info.id);
    CheckRecord record;
    record.id = std::string(info.id);
    record.title = std::string(info.title);
    record.family = std::string(info.family);
    record.references = references_of(info);
    Outcome outcome;
    try {
      check.run(ctx, outcome);
      auto status = outcome.status();
      if (status) {
        record.status = *status;
        record.detail = outcome.detail();
      } else {
        record.status = CheckStatus::kError;
        record.detail = "the check gave no verdict (a bug in shieldwall: please report it)";
      }
    } catch (const std::exception& e) {
      record.status = CheckStatus::kError;
      record.detail = fmt::format("internal error: {}", e.what());
    }
    if (record.status == CheckStatus::kFail) {
      for (const Issue& issue : outcome.issues()) {
        report.findings.push_back(make_finding(info, issue, host, config));
      }
    }
    report.checks.push_back(std::move(record));
  }
  for (auto& e : ctx.input_errors()) report.errors.push_back(std::move(e));
  for (auto& n : ctx.notes()) report.notes.push_back(std::move(n));
}

}  // namespace sw::scan
