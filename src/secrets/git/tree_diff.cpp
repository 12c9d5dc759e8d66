// SPDX-License-Identifier: Apache-2.0
// Which files differ between two trees, with git's rename detection (see tree_diff.h). Written
// by hand because libgit2 1.5's tree diff does not skip equal subtrees; the objects, the
// similarity signatures and the line diffs are still libgit2's.
#include "secrets/git/tree_diff.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_map>

#include <fmt/core.h>
#include <git2/sys/hashsig.h>

#include "secrets/git/commit_walk.h"
#include "secrets/git/libgit2.h"

namespace sw::secrets::git {

namespace {

constexpr uint32_t kRenameThreshold = 50;  // git's default -M50%

using BlobPtr = std::unique_ptr<git_blob, Deleter<git_blob, git_blob_free>>;
using HashsigPtr = std::unique_ptr<git_hashsig, Deleter<git_hashsig, git_hashsig_free>>;

bool is_tree(const git_tree_entry* entry) {
  return git_tree_entry_filemode(entry) == GIT_FILEMODE_TREE;
}
bool is_gitlink(const git_tree_entry* entry) {
  return git_tree_entry_filemode(entry) == GIT_FILEMODE_COMMIT;
}
bool is_symlink(const git_tree_entry* entry) {
  return git_tree_entry_filemode(entry) == GIT_FILEMODE_LINK;
}

// git's tree order: byte order of the names, a subtree's name taken as ending in '/'.
int compare_entries(const git_tree_entry* a, const git_tree_entry* b) {
  const std::string_view an = git_tree_entry_name(a);
  const std::string_view bn = git_tree_entry_name(b);
  const size_t common = std::min(an.size(), bn.size());
  if (const int c = std::memcmp(an.data(), bn.data(), common); c != 0) return c;
  const auto next = [](std::string_view name, size_t at, const git_tree_entry* entry) {
    if (at < name.size()) return static_cast<unsigned char>(name[at]);
    return static_cast<unsigned char>(is_tree(entry) ? '/' : '\0');
  };
  return static_cast<int>(next(an, common, a)) - static_cast<int>(next(bn, common, b));
}

class TreeWalker {
 public:
  TreeWalker(git_repository* repo, const TreeDiffOptions& options, std::string_view context,
             std::vector<Error>& errors)
      : repo_(repo), options_(options), context_(context), errors_(errors) {}

  void compare(const git_tree* old_tree, const git_tree* new_tree, const std::string& prefix) {
    const size_t old_count = old_tree != nullptr ? git_tree_entrycount(old_tree) : 0;
    const size_t new_count = new_tree != nullptr ? git_tree_entrycount(new_tree) : 0;
    size_t old_idx = 0;
    size_t new_idx = 0;
    while (old_idx < old_count || new_idx < new_count) {
      const git_tree_entry* a =
          old_idx < old_count ? git_tree_entry_byindex(old_tree, old_idx) : nullptr;
      const git_tree_entry* b =
          new_idx < new_count ? git_tree_entry_byindex(new_tree, new_idx) : nullptr;
      const int order = a == nullptr ? 1 : b == nullptr ? -1 : compare_entries(a, b);
      if (order < 0) {
        removed(a, prefix);
        ++old_idx;
      } else if (order > 0) {
        added(b, prefix);
        ++new_idx;
      } else {
        changed(a, b, prefix);
        ++old_idx;
        ++new_idx;
      }
    }
  }

  std::vector<FileDelta>& deltas() { return deltas_; }

 private:
  TreePtr load_tree(const git_tree_entry* entry, const std::string& path) {
    git_tree* raw = nullptr;
    if (git_tree_lookup(&raw, repo_, git_tree_entry_id(entry)) != 0) {
      errors_.emplace_back(Errc::kParse,
                           fmt::format("{}: cannot read the directory's tree {}: {}", context_,
                                       oid_hex(*git_tree_entry_id(entry)), last_error_message()),
                           path + "/");
      return nullptr;
    }
    return TreePtr(raw);
  }

  void added(const git_tree_entry* entry, const std::string& prefix) {
    const std::string path = prefix + git_tree_entry_name(entry);
    if (is_tree(entry)) {
      if (TreePtr tree = load_tree(entry, path)) compare(nullptr, tree.get(), path + "/");
      return;
    }
    if (is_gitlink(entry)) return;
    FileDelta delta;
    delta.status = GIT_DELTA_ADDED;
    delta.path = path;
    git_oid_cpy(&delta.new_id, git_tree_entry_id(entry));
    deltas_.push_back(std::move(delta));
  }

  void removed(const git_tree_entry* entry, const std::string& prefix) {
    const std::string path = prefix + git_tree_entry_name(entry);
    if (is_tree(entry)) {
      // Deleted files matter only as rename sources.
      if (!options_.renames) return;
      if (TreePtr tree = load_tree(entry, path)) compare(tree.get(), nullptr, path + "/");
      return;
    }
    if (is_gitlink(entry)) return;
    FileDelta delta;
    delta.status = GIT_DELTA_DELETED;
    delta.old_path = path;
    git_oid_cpy(&delta.old_id, git_tree_entry_id(entry));
    deltas_.push_back(std::move(delta));
  }

  void changed(const git_tree_entry* a, const git_tree_entry* b, const std::string& prefix) {
    if (git_oid_equal(git_tree_entry_id(a), git_tree_entry_id(b)) != 0 &&
        git_tree_entry_filemode(a) == git_tree_entry_filemode(b)) {
      return;  // same content: a subtree with the same id is not even read
    }
    const std::string path = prefix + git_tree_entry_name(b);
    if (is_tree(a)) {  // compare_entries() put two trees together, or two non-trees
      TreePtr old_tree = load_tree(a, path);
      TreePtr new_tree = load_tree(b, path);
      if (old_tree != nullptr && new_tree != nullptr) {
        compare(old_tree.get(), new_tree.get(), path + "/");
      }
      return;
    }
    if (is_gitlink(a) || is_gitlink(b)) {
      if (!is_gitlink(a)) removed(a, prefix);
      if (!is_gitlink(b)) added(b, prefix);
      return;
    }
    if (git_oid_equal(git_tree_entry_id(a), git_tree_entry_id(b)) != 0) return;  // mode only
    FileDelta delta;
    delta.path = path;
    delta.old_path = path;
    git_oid_cpy(&delta.new_id, git_tree_entry_id(b));
    if (is_symlink(a) != is_symlink(b)) {
      delta.status = GIT_DELTA_TYPECHANGE;  // no old side: the new content is all new
    } else {
      delta.status = GIT_DELTA_MODIFIED;
      git_oid_cpy(&delta.old_id, git_tree_entry_id(a));
    }
    deltas_.push_back(std::move(delta));
  }

  git_repository* repo_;
  const TreeDiffOptions& options_;
  std::string_view context_;
  std::vector<Error>& errors_;
  std::vector<FileDelta> deltas_;
};

// A similarity signature of a blob, or null (unreadable, binary, too large).
HashsigPtr signature(git_repository* repo, const git_oid& id, const TreeDiffOptions& options) {
  git_blob* raw = nullptr;
  if (git_blob_lookup(&raw, repo, &id) != 0) return nullptr;  // reported when diffed, if added
  const BlobPtr blob(raw);
  const git_object_size_t size = git_blob_rawsize(blob.get());
  if (options.max_file_bytes != 0 && size > options.max_file_bytes) return nullptr;
  if (git_blob_is_binary(blob.get()) != 0) return nullptr;
  git_hashsig* sig = nullptr;
  const auto flags = static_cast<git_hashsig_option_t>(GIT_HASHSIG_SMART_WHITESPACE |
                                                       GIT_HASHSIG_ALLOW_SMALL_FILES);
  if (git_hashsig_create(&sig, static_cast<const char*>(git_blob_rawcontent(blob.get())),
                         static_cast<size_t>(size), flags) != 0) {
    return nullptr;
  }
  return HashsigPtr(sig);
}

void pair_renames(git_repository* repo, const TreeDiffOptions& options,
                  std::vector<FileDelta>& deltas) {
  std::vector<size_t> adds;
  std::vector<size_t> dels;
  for (size_t i = 0; i < deltas.size(); ++i) {
    if (deltas[i].status == GIT_DELTA_ADDED) adds.push_back(i);
    if (deltas[i].status == GIT_DELTA_DELETED) dels.push_back(i);
  }
  if (adds.empty() || dels.empty()) return;
  std::vector<bool> used(deltas.size(), false);
  const auto pair = [&](size_t add, size_t del, uint32_t similarity) {
    FileDelta& target = deltas[add];
    target.status = GIT_DELTA_RENAMED;
    target.old_path = deltas[del].old_path;
    git_oid_cpy(&target.old_id, &deltas[del].old_id);
    target.similarity = similarity;
    used[add] = true;
    used[del] = true;
  };

  // Exact renames: the same blob.
  std::unordered_map<git_oid, std::vector<size_t>, OidHash, OidEq> by_id;
  for (const size_t del : dels) by_id[deltas[del].old_id].push_back(del);
  for (const size_t add : adds) {
    auto it = by_id.find(deltas[add].new_id);
    if (it == by_id.end()) continue;
    for (const size_t del : it->second) {
      if (!used[del]) {
        pair(add, del, 100);
        break;
      }
    }
  }

  // Inexact renames, best score first.
  std::vector<size_t> open_adds;
  std::vector<size_t> open_dels;
  for (const size_t add : adds) {
    if (!used[add]) open_adds.push_back(add);
  }
  for (const size_t del : dels) {
    if (!used[del]) open_dels.push_back(del);
  }
  const size_t limit = options.rename_limit;
  if (!open_adds.empty() && !open_dels.empty() &&
      open_adds.size() * open_dels.size() <= limit * limit) {
    std::vector<HashsigPtr> add_sigs;
    std::vector<HashsigPtr> del_sigs;
    for (const size_t add : open_adds)
      add_sigs.push_back(signature(repo, deltas[add].new_id, options));
    for (const size_t del : open_dels)
      del_sigs.push_back(signature(repo, deltas[del].old_id, options));
    struct Candidate {
      int score;
      size_t add_idx;
      size_t del_idx;
    };
    std::vector<Candidate> candidates;
    for (size_t a = 0; a < open_adds.size(); ++a) {
      if (add_sigs[a] == nullptr) continue;
      for (size_t d = 0; d < open_dels.size(); ++d) {
        if (del_sigs[d] == nullptr) continue;
        const int score = git_hashsig_compare(add_sigs[a].get(), del_sigs[d].get());
        if (score >= static_cast<int>(kRenameThreshold)) candidates.push_back({score, a, d});
      }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& x, const Candidate& y) { return x.score > y.score; });
    for (const Candidate& c : candidates) {
      const size_t add = open_adds[c.add_idx];
      const size_t del = open_dels[c.del_idx];
      if (used[add] || used[del]) continue;
      pair(add, del, static_cast<uint32_t>(c.score));
    }
  }

  // Rename sources are no longer deletions.
  std::vector<FileDelta> kept;
  kept.reserve(deltas.size());
  for (size_t i = 0; i < deltas.size(); ++i) {
    if (deltas[i].status == GIT_DELTA_DELETED && used[i]) continue;
    kept.push_back(std::move(deltas[i]));
  }
  deltas = std::move(kept);
}

}  // namespace

std::vector<FileDelta> diff_trees(git_repository* repo, const git_tree* old_tree,
                                  const git_tree* new_tree, const TreeDiffOptions& options,
                                  std::string_view context, std::vector<Error>& errors) {
  TreeWalker walker(repo, options, context, errors);
  walker.compare(old_tree, new_tree, "");
  std::vector<FileDelta> deltas = std::move(walker.deltas());
  if (options.renames) pair_renames(repo, options, deltas);
  return deltas;
}

}  // namespace sw::secrets::git
