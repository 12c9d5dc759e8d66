// SPDX-License-Identifier: Apache-2.0
// SARIF 2.1.0 (OASIS): one run, one rule per check that produced a finding, one result per finding.
// Findings about files carry a physical location (uri relative to the scanned root's "/", with
// uriBaseId ROOT); others a logical location naming the subject. partialFingerprints carries the
// stable finding id so code-review tools track a finding across runs.
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/writers.h"

namespace sw::report {
namespace {

std::string_view level_for(Severity s) {
  switch (s) {
    case Severity::kCritical:
    case Severity::kHigh:
      return "error";
    case Severity::kMedium:
      return "warning";
    case Severity::kLow:
    case Severity::kInfo:
      return "note";
  }
  return "note";
}

}  // namespace

void write_sarif(const Report& r, std::ostream& out) {
  nlohmann::json rules = nlohmann::json::array();
  std::map<std::string, size_t> rule_index;
  for (const auto& f : r.findings) {
    if (rule_index.count(f.check)) continue;
    rule_index[f.check] = rules.size();
    nlohmann::json tags = nlohmann::json::array({"security", f.category});
    for (const auto& ref : f.references) tags.push_back(ref);
    rules.push_back({
        {"id", f.check},
        {"name", f.check},
        {"shortDescription", {{"text", f.title}}},
        {"fullDescription", {{"text", f.why}}},
        {"help", {{"text", f.fix}, {"markdown", "**How to fix:** " + f.fix}}},
        {"defaultConfiguration", {{"level", level_for(f.severity)}}},
        {"properties", {{"tags", tags}, {"security-severity", fmt::format("{:.1f}", f.risk)}}},
    });
  }
  nlohmann::json results = nlohmann::json::array();
  for (const auto& f : r.findings) {
    nlohmann::json res = {
        {"ruleId", f.check},
        {"ruleIndex", rule_index[f.check]},
        {"level", level_for(f.severity)},
        {"message",
         {{"text", fmt::format("{}: {}{}", f.title, f.subject,
                               f.evidence.empty() ? "" : " — " + f.evidence)}}},
        {"partialFingerprints", {{"shieldwall/v1", f.id}}},
        {"properties",
         {{"severity", severity_name(f.severity)},
          {"risk", f.risk},
          {"responsible", {{"role", f.responsible.key()}, {"name", f.responsible.name}}},
          {"fix", f.fix}}},
    };
    for (const auto& [key, value] : f.details) res["properties"][key] = value;
    if (!f.location.path.empty()) {
      std::string uri = f.location.path;
      if (!uri.empty() && uri.front() == '/') uri.erase(0, 1);
      nlohmann::json phys = {{"artifactLocation", {{"uri", uri}, {"uriBaseId", "ROOT"}}}};
      if (f.location.line > 0) phys["region"] = {{"startLine", f.location.line}};
      res["locations"] = nlohmann::json::array({{{"physicalLocation", phys}}});
    } else {
      res["locations"] = nlohmann::json::array(
          {{{"logicalLocations",
             nlohmann::json::array({{{"name", f.subject}, {"kind", "resource"}}})}}});
    }
    results.push_back(res);
  }
  nlohmann::json notifications = nlohmann::json::array();
  for (const auto& e : r.errors) {
    notifications.push_back({{"level", "error"}, {"message", {{"text", e}}}});
  }
  for (const auto& c : r.checks) {
    if (c.status != CheckStatus::kError) continue;
    notifications.push_back({{"level", "warning"},
                             {"message", {{"text", c.id + " could not decide: " + c.detail}}},
                             {"descriptor", {{"id", c.id}}}});
  }
  std::string root_uri = r.root;
  if (root_uri.empty() || root_uri.back() != '/') root_uri += '/';
  nlohmann::json doc = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", nlohmann::json::array(
                   {{{"tool",
                      {{"driver",
                        {{"name", "shieldwall"},
                         {"version", r.tool_version},
                         {"semanticVersion", r.tool_version},
                         {"informationUri", "https://shieldwall.invalid/docs"},
                         {"rules", rules}}}}},
                     {"originalUriBaseIds", {{"ROOT", {{"uri", "file://" + root_uri}}}}},
                     {"invocations",
                      nlohmann::json::array({{{"executionSuccessful", r.errors.empty()},
                                              {"toolExecutionNotifications", notifications}}})},
                     {"results", results},
                     {"properties",
                      {{"host", r.host},
                       {"posture", {{"score", r.posture.score}, {"grade", r.posture.grade}}}}}}})}};
  out << doc.dump(2) << '\n';
}

}  // namespace sw::report
