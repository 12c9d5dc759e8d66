// SPDX-License-Identifier: Apache-2.0
#include <nlohmann/json.hpp>

#include "report/writers.h"

namespace sw::report {
namespace {

nlohmann::json responsible_json(const Responsible& r) {
  return {{"role", r.key()}, {"name", r.name.empty() ? nlohmann::json() : nlohmann::json(r.name)}};
}

nlohmann::json counts_json(const std::array<int, 5>& by) {
  nlohmann::json j = nlohmann::json::object();
  for (int s = 4; s >= 0; --s) {
    j[std::string(severity_name(static_cast<Severity>(s)))] = by[static_cast<size_t>(s)];
  }
  return j;
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::kText;
  if (name == "json") return Format::kJson;
  if (name == "sarif") return Format::kSarif;
  if (name == "html") return Format::kHtml;
  return std::nullopt;
}

nlohmann::json to_json(const Finding& f) {
  nlohmann::json j = {
      {"id", f.id},
      {"check", f.check},
      {"title", f.title},
      {"severity", severity_name(f.severity)},
      {"risk", f.risk},
      {"category", f.category},
      {"subject", f.subject},
      {"evidence", f.evidence},
      {"why", f.why},
      {"fix", f.fix},
      {"references", f.references},
      {"responsible", responsible_json(f.responsible)},
      {"host", f.host},
  };
  if (!f.location.path.empty()) {
    j["location"] = {{"path", f.location.path}};
    if (f.location.line > 0) j["location"]["line"] = f.location.line;
  } else {
    j["location"] = nullptr;
  }
  j["package"] = f.package.empty() ? nlohmann::json() : nlohmann::json(f.package);
  if (!f.details.empty()) {
    nlohmann::json& details = j["details"];
    for (const auto& [key, value] : f.details) details[key] = value;
  }
  return j;
}

nlohmann::json to_json(const Report& r) {
  nlohmann::json j;
  j["schema"] = r.schema;
  j["tool"] = {{"name", "shieldwall"}, {"version", r.tool_version}};
  j["command"] = r.command;
  j["host"] = r.host;
  j["root"] = r.root;
  j["started_at"] = r.started_at;
  j["duration_ms"] = r.duration_ms;
  j["environment"] = r.environment;

  nlohmann::json posture = {
      {"score", r.posture.score}, {"mean_score", r.posture.mean_score}, {"grade", r.posture.grade}};
  if (r.posture.weakest) {
    const Finding& w = r.findings[*r.posture.weakest];
    posture["weakest"] = {{"id", w.id},           {"check", w.check},
                          {"title", w.title},     {"severity", severity_name(w.severity)},
                          {"subject", w.subject}, {"responsible", responsible_json(w.responsible)}};
  } else {
    posture["weakest"] = nullptr;
  }
  j["posture"] = posture;

  std::array<int, 5> all{};
  for (const auto& f : r.findings) all[static_cast<size_t>(f.severity)]++;
  j["summary"] = {{"findings", counts_json(all)},
                  {"checks",
                   {{"pass", r.count(CheckStatus::kPass)},
                    {"fail", r.count(CheckStatus::kFail)},
                    {"not_applicable", r.count(CheckStatus::kNotApplicable)},
                    {"error", r.count(CheckStatus::kError)}}}};

  j["parties"] = nlohmann::json::array();
  for (const auto& p : r.parties) {
    nlohmann::json ids = nlohmann::json::array();
    for (size_t i : p.findings) ids.push_back(r.findings[i].id);
    j["parties"].push_back({{"responsible", responsible_json(p.party)},
                            {"title", p.party.part_title()},
                            {"counts", counts_json(p.by_severity)},
                            {"findings", ids}});
  }
  j["findings"] = nlohmann::json::array();
  for (const auto& f : r.findings) j["findings"].push_back(to_json(f));
  j["checks"] = nlohmann::json::array();
  for (const auto& c : r.checks) {
    j["checks"].push_back({{"id", c.id},
                           {"title", c.title},
                           {"family", c.family},
                           {"status", check_status_name(c.status)},
                           {"detail", c.detail},
                           {"references", c.references}});
  }
  j["errors"] = r.errors;
  j["notes"] = r.notes;
  if (!r.packages.empty() || r.command == "vuln") {
    j["packages"] = nlohmann::json::array();
    for (const auto& p : r.packages) {
      nlohmann::json pj = {{"ecosystem", p.ecosystem},
                           {"name", p.name},
                           {"version", p.version},
                           {"advisories", p.advisories}};
      if (!p.path.empty()) pj["path"] = p.path;
      if (p.line > 0) pj["line"] = p.line;
      if (!p.ignored.empty()) pj["ignored"] = p.ignored;
      if (!p.fixed_in.empty()) pj["fixed_in"] = p.fixed_in;
      if (!p.problem.empty()) pj["problem"] = p.problem;
      j["packages"].push_back(std::move(pj));
    }
  }
  return j;
}

void write_json(const Report& report, std::ostream& out) { out << to_json(report).dump(2) << '\n'; }

}  // namespace sw::report
