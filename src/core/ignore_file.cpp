// SPDX-License-Identifier: Apache-2.0
#include "core/ignore_file.h"

#include <cerrno>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/toml_parse.h"

namespace sw {

std::string Acceptance::describe() const {
  return fmt::format("{} ({}{}{}) {}:{}", reason, owner, expires.empty() ? "" : ", until ", expires,
                     file, line);
}

std::string Acceptance::expired_note(std::string_view what) const {
  return fmt::format("{}:{}: the ignore entry for {} expired on {}: the finding is back", file,
                     line, what, expires);
}

std::string_view IgnoreEntry::key(std::string_view name) const {
  auto it = keys.find(name);
  return it == keys.end() ? std::string_view{} : std::string_view(it->second);
}

bool is_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

IgnoreFile parse_ignore_toml(std::string_view text, const std::string& path,
                             const IgnoreSubject& subject) {
  IgnoreFile out;
  auto parsed = parse_toml(text, path);
  if (!parsed) {
    out.errors.push_back(parsed.error());
    return out;
  }
  toml::table& doc = *parsed;
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
    IgnoreEntry entry;
    entry.acceptance.file = path;
    entry.acceptance.line = line;
    for (const auto& [key, value] : *t) {
      if (const auto* s = value.as_string()) {
        entry.keys.emplace(std::string(key.str()), s->get());
      } else if (key.str() == "expires") {
        // A TOML date; anything else (a date-time, a number) is refused below rather than
        // silently read as "never expires".
        const auto* d = value.as_date();
        entry.keys.emplace("expires", d ? fmt::format("{:04}-{:02}-{:02}", d->get().year,
                                                      d->get().month, d->get().day)
                                        : std::string("?"));
      }
    }
    entry.acceptance.reason = entry.key("reason");
    entry.acceptance.owner = entry.key("owner");
    entry.acceptance.expires = entry.key("expires");
    std::string problem;
    const std::string name = subject(entry, problem);
    if (problem.empty()) {
      if (entry.acceptance.reason.empty()) {
        problem = fmt::format("ignore entry for {} has no reason", name);
      } else if (entry.acceptance.owner.empty()) {
        problem = fmt::format("ignore entry for {} has no owner", name);
      } else if (!entry.acceptance.expires.empty() && !is_iso_date(entry.acceptance.expires)) {
        problem = fmt::format("ignore entry for {}: expires must be a date (YYYY-MM-DD)", name);
      }
    }
    if (!problem.empty()) {
      out.errors.emplace_back(Errc::kParse, std::move(problem), path, line);
      continue;
    }
    out.entries.push_back(std::move(entry));
  }
  return out;
}

IgnoreFile load_ignore_toml(const std::string& path, const IgnoreSubject& subject) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    IgnoreFile out;
    out.errors.push_back(error_from_errno(errno, "cannot read ignore file", path));
    return out;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return parse_ignore_toml(ss.str(), path, subject);
}

}  // namespace sw
