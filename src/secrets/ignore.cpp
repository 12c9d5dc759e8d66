// SPDX-License-Identifier: Apache-2.0
// The secret ignore file and .gitleaksignore (see ignore.h). The TOML side is core/ignore_file.h
// (shared with the vulnerability ignore file); .gitleaksignore is read line by line as gitleaks'
// detect.AddGitleaksIgnore does (described in shared/data/secrets/README.md, step 10).
#include "secrets/ignore.h"

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "core/glob.h"
#include "secrets/fingerprint.h"

namespace sw::secrets {
namespace {

bool is_ours(std::string_view fp) {
  if (fp.size() != 19 || !fp.starts_with("SW-")) return false;
  return std::all_of(fp.begin() + 3, fp.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool all_digits(std::string_view s) {
  return !s.empty() && s.size() < 10 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string> split_colons(std::string_view s) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ':') {
      parts.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

// Checks a gitleaks fingerprint and normalizes its path part ('\' -> '/') as gitleaks does.
// Returns "" with `problem` set when it is not one.
std::string gitleaks_form(std::string_view text, std::string& problem) {
  std::vector<std::string> parts = split_colons(text);
  if (parts.size() < 3) {
    problem = "not a gitleaks fingerprint (commit:file:rule-id:start-line or file:rule-id:line)";
    return {};
  }
  if (!all_digits(parts.back())) {
    problem = "a gitleaks fingerprint must end with the start line (a number)";
    return {};
  }
  if (parts.size() == 3) std::replace(parts[0].begin(), parts[0].end(), '\\', '/');
  if (parts.size() == 4) std::replace(parts[1].begin(), parts[1].end(), '\\', '/');
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += ':';
    out += parts[i];
  }
  return out;
}

std::string toml_subject(const IgnoreEntry& entry, std::string& problem) {
  const std::string_view fp = entry.key("fingerprint");
  const std::string_view rule = entry.key("rule");
  const std::string_view path = entry.key("path");
  if (fp.empty() && path.empty()) {
    problem = rule.empty() ? "an [[ignore]] entry needs a fingerprint, or a path (and a rule)"
                           : fmt::format(
                                 "ignore entry for rule {} needs a path too (or a "
                                 "fingerprint): to turn a rule off, edit the rules",
                                 rule);
    return {};
  }
  if (!fp.empty() && !is_ours(fp)) {
    std::string why;
    gitleaks_form(fp, why);
    if (!why.empty()) {
      problem = fmt::format(
          "fingerprint must be SW- and 16 hex digits, or a gitleaks fingerprint: {}", why);
      return {};
    }
  }
  if (!fp.empty()) return fmt::format("fingerprint {}", fp);
  return rule.empty() ? fmt::format("path {}", path) : fmt::format("rule {} in {}", rule, path);
}

std::string read_file(const std::string& path, Error* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = error_from_errno(errno, "cannot read ignore file", path);
    return {};
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool path_matches(std::string_view pattern, std::string_view path) {
  if (glob_match(pattern, path, true)) return true;
  if (pattern.find('/') != std::string_view::npos) return false;
  const size_t slash = path.rfind('/');
  return slash != std::string_view::npos && glob_match(pattern, path.substr(slash + 1), true);
}

}  // namespace

bool IgnoreRule::covers(const SecretMatch& match) const {
  if (!fingerprint.empty()) {
    if (is_ours(fingerprint)) {
      if (fingerprint != secret_fingerprint(match)) return false;
    } else if (fingerprint != gitleaks_fingerprint(match) &&
               fingerprint != gitleaks_global_fingerprint(match)) {
      return false;
    }
  }
  if (!rule.empty() && !glob_match(rule, match.rule_id)) return false;
  if (!path.empty() && !path_matches(path, normalize_path(match.path))) return false;
  return true;
}

std::string IgnoreRule::name() const {
  if (!fingerprint.empty()) return fmt::format("fingerprint {}", fingerprint);
  if (rule.empty()) return fmt::format("path {}", path);
  return fmt::format("rule {} in {}", rule, path);
}

void IgnoreSet::merge(IgnoreSet other) {
  std::move(other.rules.begin(), other.rules.end(), std::back_inserter(rules));
  for (auto& [fp, where] : other.gitleaks) gitleaks.emplace(fp, std::move(where));
  std::move(other.errors.begin(), other.errors.end(), std::back_inserter(errors));
}

IgnoreSet parse_ignore_file(std::string_view text, const std::string& path) {
  IgnoreFile file = parse_ignore_toml(text, path, toml_subject);
  IgnoreSet out;
  out.errors = std::move(file.errors);
  for (IgnoreEntry& entry : file.entries) {
    IgnoreRule rule;
    rule.acceptance = std::move(entry.acceptance);
    rule.fingerprint = entry.key("fingerprint");
    if (!rule.fingerprint.empty() && !is_ours(rule.fingerprint)) {
      std::string unused;
      rule.fingerprint = gitleaks_form(rule.fingerprint, unused);
    }
    rule.rule = entry.key("rule");
    rule.path = normalize_path(entry.key("path"));
    out.rules.push_back(std::move(rule));
  }
  return out;
}

namespace {

// Reads `path` and parses it with `parse`; a file that cannot be read is one error.
IgnoreSet load_with(const std::string& path,
                    IgnoreSet (*parse)(std::string_view text, const std::string& path)) {
  Error error(Errc::kInternal, "");
  std::string text = read_file(path, &error);
  if (!error.message().empty()) {
    IgnoreSet out;
    out.errors.push_back(std::move(error));
    return out;
  }
  return parse(text, path);
}

}  // namespace

IgnoreSet load_ignore_file(const std::string& path) { return load_with(path, parse_ignore_file); }

IgnoreSet parse_gitleaksignore(std::string_view text, const std::string& path) {
  IgnoreSet out;
  int line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    const size_t first = line.find_first_not_of(" \t\r\v\f");
    if (first == std::string_view::npos) continue;
    line = line.substr(first, line.find_last_not_of(" \t\r\v\f") - first + 1);
    if (line.starts_with('#')) continue;
    std::string problem;
    std::string fp = gitleaks_form(line, problem);
    if (!problem.empty()) {
      out.errors.emplace_back(Errc::kParse, problem, path, line_no);
      continue;
    }
    out.gitleaks.emplace(std::move(fp), fmt::format("{}:{}", path, line_no));
  }
  return out;
}

IgnoreSet load_gitleaksignore(const std::string& path) {
  return load_with(path, parse_gitleaksignore);
}

IgnoreOutcome apply_ignores(const IgnoreSet& set, std::vector<SecretMatch> matches,
                            std::string_view today) {
  IgnoreOutcome out;
  std::map<const IgnoreRule*, size_t> expired;  // entries that would have hidden a kept finding
  for (SecretMatch& m : matches) {
    std::string why;
    if (!set.gitleaks.empty()) {
      auto it = set.gitleaks.find(gitleaks_global_fingerprint(m));
      if (it == set.gitleaks.end() && !m.commit.empty()) {
        it = set.gitleaks.find(gitleaks_fingerprint(m));
      }
      if (it != set.gitleaks.end()) why = it->second;
    }
    std::vector<const IgnoreRule*> lapsed;
    for (size_t i = 0; why.empty() && i < set.rules.size(); ++i) {
      const IgnoreRule& rule = set.rules[i];
      if (!rule.covers(m)) continue;
      if (rule.acceptance.expired(today)) {
        lapsed.push_back(&rule);
      } else {
        why = rule.acceptance.describe();
      }
    }
    if (!why.empty()) {
      out.ignored.push_back(IgnoredMatch{std::move(m), std::move(why)});
      continue;
    }
    for (const IgnoreRule* rule : lapsed) ++expired[rule];
    out.kept.push_back(std::move(m));
  }
  for (const IgnoreRule& rule : set.rules) {
    auto it = expired.find(&rule);
    if (it == expired.end()) continue;
    std::string what = rule.name();
    if (it->second > 1) what += fmt::format(" ({} findings)", it->second);
    out.notes.push_back(rule.acceptance.expired_note(what));
  }
  return out;
}

}  // namespace sw::secrets
