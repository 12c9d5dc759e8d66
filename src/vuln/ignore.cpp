// SPDX-License-Identifier: Apache-2.0
#include "vuln/ignore.h"

#include <fmt/format.h>

#include "core/glob.h"

namespace sw::vuln {
namespace {

bool covers(const IgnoreRule& rule, const Advisory& advisory, const Package& package) {
  bool id = advisory.id == rule.id;
  for (const auto& alias : advisory.aliases) id = id || alias == rule.id;
  for (const auto& rel : advisory.related) id = id || rel == rule.id;
  if (!id) return false;
  if (!rule.package.empty() && !glob_match(rule.package, package.name)) return false;
  if (!rule.ecosystem.empty() &&
      package.ecosystem.substr(0, package.ecosystem.find(':')) != rule.ecosystem &&
      package.ecosystem != rule.ecosystem) {
    return false;
  }
  return true;
}

std::string subject(const IgnoreEntry& entry, std::string& problem) {
  if (entry.key("id").empty()) problem = "an [[ignore]] entry needs an id (advisory id or alias)";
  return std::string(entry.key("id"));
}

IgnoreList to_list(IgnoreFile file) {
  IgnoreList out;
  out.errors = std::move(file.errors);
  for (IgnoreEntry& entry : file.entries) {
    IgnoreRule rule;
    static_cast<Acceptance&>(rule) = std::move(entry.acceptance);
    rule.id = entry.key("id");
    rule.package = entry.key("package");
    rule.ecosystem = entry.key("ecosystem");
    out.rules.push_back(std::move(rule));
  }
  return out;
}

}  // namespace

IgnoreList parse_ignore_file(std::string_view text, const std::string& path) {
  return to_list(parse_ignore_toml(text, path, subject));
}

IgnoreList load_ignore_file(const std::string& path) {
  return to_list(load_ignore_toml(path, subject));
}

std::vector<std::string> apply_ignores(const IgnoreList& list, MatchResult& result,
                                       std::string_view today) {
  std::vector<std::string> notes;
  for (PackageResult& pr : result.packages) {
    for (Hit& hit : pr.hits) {
      for (const IgnoreRule& rule : list.rules) {
        if (!covers(rule, hit.advisory, pr.package)) continue;
        if (rule.expired(today)) {
          notes.push_back(rule.expired_note(fmt::format("{} ({})", rule.id, pr.package.name)));
          continue;
        }
        hit.ignored = true;
        hit.ignore_reason = rule.describe();
        break;
      }
    }
  }
  compute_upgrades(result);
  return notes;
}

}  // namespace sw::vuln
