// SPDX-License-Identifier: Apache-2.0
// GitIgnore: "would git ignore this path?" for the paths under one directory root of a file scan,
// answered by libgit2 (git_ignore_path_is_ignored), so gitignore semantics (negation, anchoring,
// `dir/` patterns, nested .gitignore files, .git/info/exclude, core.excludesFile) are git's own.
//
// - Root inside a git work tree (git_repository_open_ext searching upward): that repository.
// - Root outside any work tree (or in a bare repository): an in-memory libgit2 repository whose
//   work tree is the root, so the .gitignore files at and below the root apply (and the user's
//   core.excludesFile through the global config); .gitignore files above the root do not.
//
// Not thread-safe: one walker thread asks (libgit2 repositories are not safe to share).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace sw::secrets {

class GitIgnore {
 public:
  // `root` is an existing directory. Fails only when libgit2 cannot make even an in-memory
  // repository (kInternal).
  static Result<GitIgnore> open(const std::string& root);
  ~GitIgnore();
  GitIgnore(GitIgnore&&) noexcept;
  GitIgnore& operator=(GitIgnore&&) noexcept;

  // `rel`: a path relative to the root, '/'-separated, without a leading "./". A path under an
  // ignored directory is ignored. Fails (kIo) when libgit2 cannot read the rules (an unreadable
  // .gitignore, or a global config it cannot stat: HOME not readable).
  Result<bool> ignored(std::string_view rel) const;

  // Whether the root lies in a real git work tree (false: the in-memory fallback).
  bool in_repository() const;

 private:
  struct Impl;
  explicit GitIgnore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sw::secrets
