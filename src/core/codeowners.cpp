// SPDX-License-Identifier: Apache-2.0
#include "core/codeowners.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "core/glob.h"
#include "core/host.h"

namespace sw {
namespace {

namespace fs = std::filesystem;

bool matches_at(std::string_view pattern, std::string_view path, bool dir_only) {
  if (!dir_only && glob_match(pattern, path, true)) return true;
  // A pattern naming a directory covers everything below it; one whose last segment is a
  // wildcard ("docs/*") covers only what it names (GitHub: docs/* does not own docs/a/b.md).
  const size_t slash = pattern.rfind('/');
  const std::string_view last =
      slash == std::string_view::npos ? pattern : pattern.substr(slash + 1);
  if (!dir_only && last.find('*') != std::string_view::npos) return false;
  const std::string contents = std::string(pattern) + "/**";
  return glob_match(contents, path, true);
}

std::optional<std::string> read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

CodeOwners parse_codeowners(std::string_view text, const std::string& file) {
  CodeOwners out;
  out.file = file;
  int line_no = 0;
  for (std::string_view raw : split_lines(text)) {
    ++line_no;
    std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '[' || (line.front() == '^' && line.size() > 1 && line[1] == '[')) {
      continue;  // GitLab section header
    }
    // Fields split on whitespace; "\ " escapes a space inside the pattern; "#" after a space
    // starts a comment.
    std::vector<std::string> fields;
    std::string cur;
    for (size_t i = 0; i < line.size(); ++i) {
      const char c = line[i];
      if (c == '\\' && i + 1 < line.size()) {
        cur += line[++i];
      } else if (c == ' ' || c == '\t') {
        if (!cur.empty()) fields.push_back(std::move(cur));
        cur.clear();
      } else if (c == '#' && cur.empty()) {
        break;
      } else {
        cur += c;
      }
    }
    if (!cur.empty()) fields.push_back(std::move(cur));
    if (fields.empty()) continue;
    CodeOwnersRule rule;
    rule.pattern = fields[0];
    rule.line = line_no;
    bool bad = false;
    for (size_t i = 1; i < fields.size(); ++i) {
      const std::string& o = fields[i];
      if (o.front() != '@' && o.find('@') == std::string::npos) {
        out.errors.emplace_back(
            Errc::kParse, fmt::format("owner '{}' is neither @user, @org/team nor an e-mail", o),
            file, line_no);
        bad = true;
        continue;
      }
      rule.owners.push_back(o);
    }
    if (bad && rule.owners.empty()) continue;
    out.rules.push_back(std::move(rule));
  }
  return out;
}

const CodeOwnersRule* CodeOwners::match(std::string_view path) const {
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  for (auto it = rules.rbegin(); it != rules.rend(); ++it) {
    std::string_view p = it->pattern;
    bool dir_only = false;
    if (p.size() > 1 && p.back() == '/') {
      dir_only = true;
      p.remove_suffix(1);
    }
    bool anchored = false;
    if (!p.empty() && p.front() == '/') {
      anchored = true;
      p.remove_prefix(1);
    } else if (p.find('/') != std::string_view::npos) {
      anchored = true;
    }
    if (p.empty() || p == "*" || p == "**") return &*it;  // everything
    if (anchored) {
      if (matches_at(p, path, dir_only)) return &*it;
      continue;
    }
    // Unanchored: the pattern may match starting at any path segment.
    for (size_t pos = 0;;) {
      if (matches_at(p, path.substr(pos), dir_only)) return &*it;
      const size_t slash = path.find('/', pos);
      if (slash == std::string_view::npos) break;
      pos = slash + 1;
    }
  }
  return nullptr;
}

std::optional<Responsible> responsible_for(const CodeOwnersRule& rule) {
  if (rule.owners.empty()) return std::nullopt;
  Responsible r;
  const std::string& first = rule.owners.front();
  const size_t slash = first.find('/');
  if (first.front() == '@' && slash != std::string::npos) {
    r.role = Role::kTeam;
    r.team = first.substr(slash + 1);
  } else {
    r.role = Role::kDeveloper;
  }
  for (const auto& o : rule.owners) {
    if (!r.name.empty()) r.name += ", ";
    r.name += o;
  }
  return r;
}

const CodeOwnersIndex::Repo& CodeOwnersIndex::repo_for(const std::string& dir) {
  if (auto it = repos_.find(dir); it != repos_.end()) return it->second;
  Repo repo;
  std::error_code ec;
  static constexpr const char* kPlaces[] = {".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"};
  bool is_root = fs::exists(fs::path(dir) / ".git", ec);
  for (const char* place : kPlaces) {
    const fs::path candidate = fs::path(dir) / place;
    if (!fs::is_regular_file(candidate, ec)) continue;
    if (auto text = read_text(candidate)) {
      repo.owners = parse_codeowners(*text, candidate.string());
      for (auto& e : repo.owners->errors) errors_.push_back(e);
      is_root = true;
      break;
    }
  }
  if (is_root) {
    repo.root = dir;
  } else {
    const fs::path parent = fs::path(dir).parent_path();
    if (!parent.empty() && parent != fs::path(dir)) repo = repo_for(parent.string());
  }
  return repos_.emplace(dir, std::move(repo)).first->second;
}

std::optional<Responsible> CodeOwnersIndex::owner_of(const std::string& path, std::string* where) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) return std::nullopt;
  abs = abs.lexically_normal();
  const Repo& repo = repo_for(abs.parent_path().string());
  if (!repo.owners) return std::nullopt;
  const std::string rel = abs.lexically_relative(repo.root).generic_string();
  const CodeOwnersRule* rule = repo.owners->match(rel);
  if (!rule) return std::nullopt;
  if (where) *where = fmt::format("{}:{}", repo.owners->file, rule->line);
  return responsible_for(*rule);
}

std::vector<Error> CodeOwnersIndex::take_errors() { return std::exchange(errors_, {}); }

}  // namespace sw
