// SPDX-License-Identifier: Apache-2.0
// CODEOWNERS (GitHub / GitLab): who owns a path of a repository. Used to route code findings
// (vulnerable dependencies, leaked secrets) to the people who must act.
// Semantics (GitHub docs, "About code owners"): the file is looked up in .github/, the repository
// root, then docs/ (first found); `#` starts a comment; each line is a gitignore-style pattern
// followed by owners (@user, @org/team or an e-mail); the LAST matching line wins; a line with
// a pattern and no owners makes the path unowned. Patterns: a leading `/` or a `/` inside anchors
// to the root; otherwise the pattern matches at any depth; a trailing `/` matches a directory's
// contents only; a pattern naming a directory covers everything below it; `*` stops at `/`, `**`
// does not. GitLab's `[Section]` headers are skipped (their rules still apply).
// Written by hand: no Debian library reads CODEOWNERS.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/responsible.h"

namespace sw {

struct CodeOwnersRule {
  std::string pattern;
  std::vector<std::string> owners;  // empty: the path is explicitly unowned
  int line = 0;
};

struct CodeOwners {
  std::string file;  // the CODEOWNERS file read
  std::vector<CodeOwnersRule> rules;
  std::vector<Error> errors;

  // The last rule matching `path` (relative to the repository root, '/'-separated), or nullptr.
  const CodeOwnersRule* match(std::string_view path) const;
};

CodeOwners parse_codeowners(std::string_view text, const std::string& file);

// The party for a rule's owners: "@org/team" -> team:team (named "@org/team"), "@user" or an
// e-mail -> developer named so; several owners are all named. nullopt for an unowned rule.
std::optional<Responsible> responsible_for(const CodeOwnersRule& rule);

// Finds the CODEOWNERS governing files on this machine: the nearest enclosing directory holding
// .git (or a CODEOWNERS file in one of the three places) is the repository root. Caches per root.
class CodeOwnersIndex {
 public:
  // The owner of the file at `path` (absolute or relative to the working directory), if any rule
  // gives one; also the rule's file and line through `where` ("CODEOWNERS:12").
  std::optional<Responsible> owner_of(const std::string& path, std::string* where = nullptr);
  // Problems met reading CODEOWNERS files (bad lines), each once.
  std::vector<Error> take_errors();

 private:
  struct Repo {
    std::string root;
    std::optional<CodeOwners> owners;
  };
  const Repo& repo_for(const std::string& dir);
  std::map<std::string, Repo> repos_;  // by directory
  std::vector<Error> errors_;
};

}  // namespace sw
