// SPDX-License-Identifier: Apache-2.0
#include "vuln/ignore.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/glob.h"

namespace sw::vuln {
namespace {

bool is_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

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

}  // namespace

IgnoreList parse_ignore_file(std::string_view text, const std::string& path) {
  IgnoreList out;
  toml::table doc;
  try {
    doc = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    out.errors.emplace_back(Errc::kParse, std::string(e.description()), path,
                            static_cast<int>(e.source().begin.line));
    return out;
  }
  const toml::array* entries = doc["ignore"].as_array();
  if (!entries) {
    if (doc.contains("ignore")) {
      out.errors.emplace_back(Errc::kParse, "'ignore' must be an array of tables ([[ignore]])",
                              path, static_cast<int>(doc["ignore"].node()->source().begin.line));
    }
    return out;
  }
  for (const toml::node& node : *entries) {
    const int line = static_cast<int>(node.source().begin.line);
    const toml::table* t = node.as_table();
    if (!t) {
      out.errors.emplace_back(Errc::kParse, "an [[ignore]] entry must be a table", path, line);
      continue;
    }
    IgnoreRule rule;
    rule.file = path;
    rule.line = line;
    auto str = [&](const char* key) { return std::string((*t)[key].value_or(std::string_view{})); };
    rule.id = str("id");
    rule.package = str("package");
    rule.ecosystem = str("ecosystem");
    rule.reason = str("reason");
    rule.owner = str("owner");
    if (auto date = (*t)["expires"].as_date()) {
      const toml::date d = date->get();
      rule.expires = fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
    } else {
      rule.expires = str("expires");
    }
    std::string problem;
    if (rule.id.empty())
      problem = "an [[ignore]] entry needs an id (advisory id or alias)";
    else if (rule.reason.empty())
      problem = fmt::format("ignore entry for {} has no reason", rule.id);
    else if (rule.owner.empty())
      problem = fmt::format("ignore entry for {} has no owner", rule.id);
    else if (!rule.expires.empty() && !is_date(rule.expires)) {
      problem = fmt::format("ignore entry for {}: expires must be a date (YYYY-MM-DD)", rule.id);
    }
    if (!problem.empty()) {
      out.errors.emplace_back(Errc::kParse, problem, path, line);
      continue;
    }
    out.rules.push_back(std::move(rule));
  }
  return out;
}

IgnoreList load_ignore_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    IgnoreList out;
    out.errors.push_back(error_from_errno(errno, "cannot read ignore file", path));
    return out;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_ignore_file(ss.str(), path);
}

std::vector<std::string> apply_ignores(const IgnoreList& list, MatchResult& result,
                                       std::string_view today) {
  std::vector<std::string> notes;
  for (PackageResult& pr : result.packages) {
    for (Hit& hit : pr.hits) {
      for (const IgnoreRule& rule : list.rules) {
        if (!covers(rule, hit.advisory, pr.package)) continue;
        if (!rule.expires.empty() && rule.expires < today) {
          notes.push_back(
              fmt::format("{}:{}: the ignore entry for {} ({}) expired on {}: the finding is back",
                          rule.file, rule.line, rule.id, pr.package.name, rule.expires));
          continue;
        }
        hit.ignored = true;
        hit.ignore_reason =
            fmt::format("{} ({}{}{}) {}:{}", rule.reason, rule.owner,
                        rule.expires.empty() ? "" : ", until ", rule.expires, rule.file, rule.line);
        break;
      }
    }
  }
  compute_upgrades(result);
  return notes;
}

}  // namespace sw::vuln
