// SPDX-License-Identifier: Apache-2.0
// Which files differ between two trees, with git's rename detection: the file-level half of
// `git diff-tree -r -M OLD NEW`. The line-level half (hunks) is libgit2's (added_lines.h).
//
// Why not git_diff_tree_to_tree: libgit2 1.5 iterates every entry of both trees, even inside
// subtrees whose ids are equal; on a tree of 8,000 files that was 16 ms per commit, two thirds of
// a history scan. Like git's tree-diff.c, this walk descends only into subtrees whose ids
// differ, so a commit costs what it changed.
//
// Semantics (git's diff-tree and diffcore-rename, default options):
// - entries are compared in tree order (git's order: a subtree sorts as if its name ended in
//   '/'); a path that is a file on one side and a directory on the other is a deletion of one and
//   an addition of the other; gitlinks (submodules) are skipped;
// - a file whose mode changes between regular file and symlink is a type change (its new content
//   counts as added in full);
// - renames: a deleted file whose blob id equals an added file's is an exact rename (the first
//   unused deleted one, in path order); the remaining pairs are scored by libgit2's similarity
//   signature (git_hashsig, the measure git_diff_find_similar uses) and paired best score first,
//   at 50% or more, unless added x deleted exceeds the rename limit squared (git's
//   diff.renameLimit, 1000), where inexact detection is skipped as git does. Binary files and
//   files over the size limit are not paired inexactly.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <git2.h>

#include "core/error.h"

namespace sw::secrets::git {

struct FileDelta {
  git_delta_t status = GIT_DELTA_UNMODIFIED;  // ADDED, MODIFIED, RENAMED, TYPECHANGE, DELETED
  std::string old_path;
  std::string path;
  git_oid old_id{};  // zero when there is no old side
  git_oid new_id{};
  uint32_t similarity = 0;  // renames: 0..100
};

struct TreeDiffOptions {
  bool renames = true;
  size_t rename_limit = 1000;
  uint64_t max_file_bytes = 0;  // 0: no limit for pairing
};

// The file deltas between `old_tree` (null: the empty tree) and `new_tree`, in path order.
// Deleted files are included (status DELETED) unless paired as a rename source. An unreadable
// subtree or blob is reported in `errors` (naming `context`, the path and the object) and left
// out; the rest is still compared.
std::vector<FileDelta> diff_trees(git_repository* repo, const git_tree* old_tree,
                                  const git_tree* new_tree, const TreeDiffOptions& options,
                                  std::string_view context, std::vector<Error>& errors);

}  // namespace sw::secrets::git
