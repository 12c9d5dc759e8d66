// SPDX-License-Identifier: Apache-2.0
// The lines a change added, file by file and hunk by hunk: what `git log -p -U0` / `git diff -U0`
// print with a `+`, which is what gitleaks scans in git mode.
//
// Semantics followed (gitleaks' sources/git.go over `git log -p -U0`, parsed by go-gitdiff):
// - zero context lines, so every hunk is a run of adjacent changed lines; one fragment per hunk
//   holds its added lines, each with its own line ending, and the new-file line of each;
// - deleted files are skipped (gitleaks passes --diff-filter=...d... and skips IsDelete);
// - binary files are skipped, by libgit2's binary detection (a NUL in the first 8000 bytes, too
//   few printable bytes, or a `binary` / `-diff` attribute) — git's own rule;
// - renames are detected as git log does by default (diff.renames, 50% similarity, a limit of
//   1000 candidates; see tree_diff.h), so a renamed file yields only the lines added in the
//   rename;
// - submodule entries (gitlinks) carry no text and are skipped; git shows "Subproject commit".
// Unlike gitleaks' default --diff-filter, type changes (a symlink becoming a file) are scanned:
// the new content is content the commit added.
//
// Work is not redone: hunks are cached by (old blob, new blob, path) so a change carried by many
// commits (cherry-picks, rebased branches kept side by side, re-applied reverts) is diffed once;
// each commit is still scanned and reported on its own, as gitleaks does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <git2.h>

#include "core/error.h"
#include "core/result.h"

namespace sw::secrets::git {

struct Hunk {
  std::string text;        // the added lines, each with its line ending
  std::vector<int> lines;  // lines[i]: the new-file line number of the hunk's line i
};

struct FileHunks {
  bool binary = false;
  bool too_large = false;
  std::vector<Hunk> hunks;
  size_t bytes = 0;  // sum of the hunks' text sizes
};

// One changed file of a diff, with what it added. Shared because the cache may hand the same
// hunks to several threads at once while evicting them.
struct FileChange {
  std::string path;  // new path, '/'-separated, relative to the repository root
  std::shared_ptr<const FileHunks> added;
};

struct DiffSettings {
  uint64_t max_file_bytes = 0;     // 0: libgit2's default (512 MiB); larger files are skipped
  std::vector<std::string> paths;  // pathspecs limiting the diff (git's `-- PATH...`)
  std::string diff_filter;         // git's --diff-filter letters (A M R C T; lower case excludes)
  bool renames = true;
  // Called from several threads at once; true skips the file (e.g. a global allowlist path).
  std::function<bool(std::string_view path)> skip_path;
};

struct DiffStats {
  size_t binary_skipped = 0;
  size_t large_skipped = 0;
  size_t path_skipped = 0;
  size_t cache_hits = 0;
};

// A bounded, thread-safe cache of the hunks of (old blob, new blob, path), least recently used
// first out.
class HunkCache {
 public:
  explicit HunkCache(size_t max_bytes) : max_bytes_(max_bytes) {}
  std::shared_ptr<const FileHunks> get(const std::string& key);
  void put(const std::string& key, std::shared_ptr<const FileHunks> value);

 private:
  struct Entry {
    std::shared_ptr<const FileHunks> value;
    std::list<std::string>::iterator pos;
  };
  std::mutex mutex_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  std::list<std::string> order_;  // most recently used first
  std::unordered_map<std::string, Entry> entries_;
};

// Whether a change of this status passes a git --diff-filter string. Deletions never pass.
bool diff_filter_accepts(std::string_view filter, git_delta_t status);

// The added lines of every file changed between two trees (`old_tree` null: the empty tree).
// Errors name `context` (e.g. "commit 1a2b...") and the file; the other files are still read.
// `cache` may be null.
Result<std::vector<FileChange>> added_lines_between_trees(
    git_repository* repo, const git_tree* old_tree, const git_tree* new_tree,
    const DiffSettings& settings, HunkCache* cache, std::string_view context,
    std::vector<Error>& errors, DiffStats& stats);

// The added lines staged in the index relative to `head_tree` (null in a repository without
// commits): `git diff --staged -U0`.
Result<std::vector<FileChange>> added_lines_staged(git_repository* repo, const git_tree* head_tree,
                                                   const DiffSettings& settings,
                                                   std::vector<Error>& errors, DiffStats& stats);

// The added lines of the working tree relative to the index, tracked files only: `git diff -U0`.
Result<std::vector<FileChange>> added_lines_unstaged(git_repository* repo,
                                                     const DiffSettings& settings,
                                                     std::vector<Error>& errors, DiffStats& stats);

}  // namespace sw::secrets::git
