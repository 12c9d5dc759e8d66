// SPDX-License-Identifier: Apache-2.0
// The lines a change added, file by file and hunk by hunk (see added_lines.h). Between two trees
// the changed files come from our tree walk (tree_diff.h, which skips equal subtrees) and each
// file's hunks from libgit2's blob diff; for the index and the working tree libgit2 does both.
// libgit2 also decides what is binary and runs xdiff; this file picks git log's options and
// keeps the added lines.
#include "secrets/git/added_lines.h"

#include <cctype>
#include <utility>

#include <fmt/core.h>

#include "secrets/git/libgit2.h"
#include "secrets/git/tree_diff.h"

namespace sw::secrets::git {

namespace {

// git's diff.renameLimit default (git 2.x); libgit2's own default is 200.
constexpr size_t kRenameLimit = 1000;

// Keeps the pathspec strings' pointers alive for a git_diff_options.
struct DiffOptions {
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  std::vector<char*> pathspec;

  explicit DiffOptions(const DiffSettings& settings) {
    opts.context_lines = 0;
    opts.interhunk_lines = 0;
    // git's defaults: the indent heuristic decides which of two equal lines counts as added;
    // submodule changes carry no text worth scanning.
    opts.flags = GIT_DIFF_INDENT_HEURISTIC | GIT_DIFF_IGNORE_SUBMODULES;
    if (settings.max_file_bytes != 0) {
      opts.max_size = static_cast<git_off_t>(settings.max_file_bytes);
    }
    for (const std::string& path : settings.paths) {
      // libgit2 takes a char** but does not write through it.
      pathspec.push_back(const_cast<char*>(path.c_str()));
    }
    opts.pathspec.strings = pathspec.empty() ? nullptr : pathspec.data();
    opts.pathspec.count = pathspec.size();
  }
};

using BlobPtr = std::unique_ptr<git_blob, Deleter<git_blob, git_blob_free>>;
using PathspecPtr = std::unique_ptr<git_pathspec, Deleter<git_pathspec, git_pathspec_free>>;

std::string cache_key(const git_oid& old_id, const git_oid& new_id, std::string_view path) {
  std::string key;
  key.reserve(2 * GIT_OID_RAWSZ + path.size());
  key.append(reinterpret_cast<const char*>(old_id.id), GIT_OID_RAWSZ);
  key.append(reinterpret_cast<const char*>(new_id.id), GIT_OID_RAWSZ);
  key.append(path);
  return key;
}

void count_skip(const FileHunks& hunks, DiffStats& stats) {
  if (hunks.too_large) {
    ++stats.large_skipped;
  } else if (hunks.binary) {
    ++stats.binary_skipped;
  }
}

std::shared_ptr<const FileHunks> read_hunks(git_patch* patch, const DiffSettings& settings) {
  auto out = std::make_shared<FileHunks>();
  const git_diff_delta* delta = git_patch_get_delta(patch);
  if ((delta->flags & GIT_DIFF_FLAG_BINARY) != 0) {
    out->binary = true;
    out->too_large =
        settings.max_file_bytes != 0 && (delta->new_file.size > settings.max_file_bytes ||
                                         delta->old_file.size > settings.max_file_bytes);
    return out;
  }
  const size_t hunk_count = git_patch_num_hunks(patch);
  for (size_t hunk_idx = 0; hunk_idx < hunk_count; ++hunk_idx) {
    const git_diff_hunk* header = nullptr;
    size_t line_count = 0;
    if (git_patch_get_hunk(&header, &line_count, patch, hunk_idx) != 0) continue;
    Hunk hunk;
    for (size_t line_idx = 0; line_idx < line_count; ++line_idx) {
      const git_diff_line* line = nullptr;
      if (git_patch_get_line_in_hunk(&line, patch, hunk_idx, line_idx) != 0) continue;
      if (line->origin != GIT_DIFF_LINE_ADDITION) continue;
      hunk.text.append(line->content, line->content_len);
      hunk.lines.push_back(line->new_lineno);
    }
    if (hunk.lines.empty()) continue;
    out->bytes += hunk.text.size();
    out->hunks.push_back(std::move(hunk));
  }
  return out;
}

// The added lines of every acceptable delta of `diff`.
std::vector<FileChange> collect(git_diff* diff, const DiffSettings& settings, HunkCache* cache,
                                std::string_view context, std::vector<Error>& errors,
                                DiffStats& stats) {
  if (settings.renames) {
    git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
    find.flags = GIT_DIFF_FIND_RENAMES;
    find.rename_limit = kRenameLimit;
    if (git_diff_find_similar(diff, &find) != 0) {
      // The diff is still usable: a rename just shows as a deletion and an addition.
      errors.emplace_back(
          Errc::kIo, fmt::format("{}: rename detection failed: {}", context, last_error_message()));
    }
  }
  std::vector<FileChange> out;
  const size_t delta_count = git_diff_num_deltas(diff);
  for (size_t delta_idx = 0; delta_idx < delta_count; ++delta_idx) {
    const git_diff_delta* delta = git_diff_get_delta(diff, delta_idx);
    if (!diff_filter_accepts(settings.diff_filter, delta->status)) continue;
    if (delta->new_file.mode == GIT_FILEMODE_COMMIT) continue;
    const std::string path = delta->new_file.path;
    if (settings.skip_path && settings.skip_path(path)) {
      ++stats.path_skipped;
      continue;
    }
    std::string key;
    if (cache != nullptr) {
      key = cache_key(delta->old_file.id, delta->new_file.id, path);
      if (auto hit = cache->get(key)) {
        ++stats.cache_hits;
        count_skip(*hit, stats);
        if (!hit->hunks.empty()) out.push_back(FileChange{path, std::move(hit)});
        continue;
      }
    }
    git_patch* raw = nullptr;
    if (git_patch_from_diff(&raw, diff, delta_idx) != 0) {
      errors.emplace_back(Errc::kParse,
                          fmt::format("{}: cannot read the file's content (blob {}): {}", context,
                                      oid_hex(delta->new_file.id), last_error_message()),
                          path);
      continue;
    }
    const PatchPtr patch(raw);
    std::shared_ptr<const FileHunks> hunks = read_hunks(patch.get(), settings);
    count_skip(*hunks, stats);
    if (cache != nullptr) cache->put(key, hunks);
    if (!hunks->hunks.empty()) out.push_back(FileChange{path, std::move(hunks)});
  }
  return out;
}

}  // namespace

std::shared_ptr<const FileHunks> HunkCache::get(const std::string& key) {
  const std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return nullptr;
  order_.splice(order_.begin(), order_, it->second.pos);
  return it->second.value;
}

void HunkCache::put(const std::string& key, std::shared_ptr<const FileHunks> value) {
  const size_t size = value->bytes + key.size() + sizeof(FileHunks);
  if (size > max_bytes_) return;
  const std::lock_guard lock(mutex_);
  if (entries_.count(key) != 0) return;
  order_.push_front(key);
  entries_.emplace(key, Entry{std::move(value), order_.begin()});
  bytes_ += size;
  while (bytes_ > max_bytes_ && !order_.empty()) {
    auto victim = entries_.find(order_.back());
    bytes_ -= victim->second.value->bytes + victim->first.size() + sizeof(FileHunks);
    entries_.erase(victim);
    order_.pop_back();
  }
}

bool diff_filter_accepts(std::string_view filter, git_delta_t status) {
  char letter = 0;
  switch (status) {
    case GIT_DELTA_ADDED:
      letter = 'A';
      break;
    case GIT_DELTA_MODIFIED:
      letter = 'M';
      break;
    case GIT_DELTA_RENAMED:
      letter = 'R';
      break;
    case GIT_DELTA_COPIED:
      letter = 'C';
      break;
    case GIT_DELTA_TYPECHANGE:
      letter = 'T';
      break;
    default:  // deleted, unmodified, ignored, untracked, unreadable, conflicted
      return false;
  }
  bool has_include = false;
  bool included = false;
  for (const char c : filter) {
    if (c == static_cast<char>(std::tolower(static_cast<unsigned char>(letter)))) return false;
    if (std::isupper(static_cast<unsigned char>(c)) != 0) {
      has_include = true;
      if (c == letter) included = true;
    }
  }
  return !has_include || included;
}

Result<std::vector<FileChange>> added_lines_between_trees(
    git_repository* repo, const git_tree* old_tree, const git_tree* new_tree,
    const DiffSettings& settings, HunkCache* cache, std::string_view context,
    std::vector<Error>& errors, DiffStats& stats) {
  PathspecPtr pathspec;
  if (!settings.paths.empty()) {
    const DiffOptions with_paths(settings);
    git_pathspec* raw = nullptr;
    if (const int rc = git_pathspec_new(&raw, &with_paths.opts.pathspec); rc != 0) {
      return Unexpected(libgit2_error(rc, "bad path limit"));
    }
    pathspec.reset(raw);
  }
  TreeDiffOptions tree_options;
  tree_options.renames = settings.renames;
  tree_options.rename_limit = kRenameLimit;
  tree_options.max_file_bytes = settings.max_file_bytes;
  const std::vector<FileDelta> deltas =
      diff_trees(repo, old_tree, new_tree, tree_options, context, errors);

  DiffSettings blob_settings = settings;
  blob_settings.paths.clear();
  const DiffOptions options(blob_settings);
  std::vector<FileChange> out;
  for (const FileDelta& delta : deltas) {
    if (!diff_filter_accepts(settings.diff_filter, delta.status)) continue;
    if (pathspec != nullptr &&
        git_pathspec_matches_path(pathspec.get(), 0, delta.path.c_str()) != 1) {
      continue;
    }
    if (settings.skip_path && settings.skip_path(delta.path)) {
      ++stats.path_skipped;
      continue;
    }
    std::string key;
    if (cache != nullptr) {
      key = cache_key(delta.old_id, delta.new_id, delta.path);
      if (auto hit = cache->get(key)) {
        ++stats.cache_hits;
        count_skip(*hit, stats);
        if (!hit->hunks.empty()) out.push_back(FileChange{delta.path, std::move(hit)});
        continue;
      }
    }
    const auto read_error = [&](const git_oid& id) {
      errors.emplace_back(Errc::kParse,
                          fmt::format("{}: cannot read the file's content (blob {}): {}", context,
                                      oid_hex(id), last_error_message()),
                          delta.path);
    };
    BlobPtr old_blob;
    if (git_oid_is_zero(&delta.old_id) == 0) {
      git_blob* raw = nullptr;
      if (git_blob_lookup(&raw, repo, &delta.old_id) != 0) {
        read_error(delta.old_id);
        continue;
      }
      old_blob.reset(raw);
    }
    git_blob* raw_new = nullptr;
    if (git_blob_lookup(&raw_new, repo, &delta.new_id) != 0) {
      read_error(delta.new_id);
      continue;
    }
    const BlobPtr new_blob(raw_new);
    git_patch* raw_patch = nullptr;
    const std::string& old_path = delta.old_path.empty() ? delta.path : delta.old_path;
    if (git_patch_from_blobs(&raw_patch, old_blob.get(), old_path.c_str(), new_blob.get(),
                             delta.path.c_str(), &options.opts) != 0) {
      read_error(delta.new_id);
      continue;
    }
    const PatchPtr patch(raw_patch);
    std::shared_ptr<const FileHunks> hunks = read_hunks(patch.get(), settings);
    count_skip(*hunks, stats);
    if (cache != nullptr) cache->put(key, hunks);
    if (!hunks->hunks.empty()) out.push_back(FileChange{delta.path, std::move(hunks)});
  }
  return out;
}

Result<std::vector<FileChange>> added_lines_staged(git_repository* repo, const git_tree* head_tree,
                                                   const DiffSettings& settings,
                                                   std::vector<Error>& errors, DiffStats& stats) {
  git_index* raw_index = nullptr;
  if (const int rc = git_repository_index(&raw_index, repo); rc != 0) {
    return Unexpected(libgit2_error(rc, "cannot read the index"));
  }
  const IndexPtr index(raw_index);
  const DiffOptions options(settings);
  git_diff* raw = nullptr;
  if (const int rc = git_diff_tree_to_index(&raw, repo, const_cast<git_tree*>(head_tree),
                                            index.get(), &options.opts);
      rc != 0) {
    return Unexpected(libgit2_error(rc, "cannot diff the index against HEAD"));
  }
  const DiffPtr diff(raw);
  return collect(diff.get(), settings, nullptr, "staged changes", errors, stats);
}

Result<std::vector<FileChange>> added_lines_unstaged(git_repository* repo,
                                                     const DiffSettings& settings,
                                                     std::vector<Error>& errors, DiffStats& stats) {
  if (git_repository_is_bare(repo) != 0) {
    return fail(Errc::kUsage, "a bare repository has no working tree to scan for changes");
  }
  git_index* raw_index = nullptr;
  if (const int rc = git_repository_index(&raw_index, repo); rc != 0) {
    return Unexpected(libgit2_error(rc, "cannot read the index"));
  }
  const IndexPtr index(raw_index);
  const DiffOptions options(settings);
  git_diff* raw = nullptr;
  if (const int rc = git_diff_index_to_workdir(&raw, repo, index.get(), &options.opts); rc != 0) {
    return Unexpected(libgit2_error(rc, "cannot diff the working tree against the index"));
  }
  const DiffPtr diff(raw);
  return collect(diff.get(), settings, nullptr, "unstaged changes", errors, stats);
}

}  // namespace sw::secrets::git
