// SPDX-License-Identifier: Apache-2.0
// Git sources for the secret scanner (see git_history.h for the semantics followed).
//
// Pipeline: the calling thread resolves the selection, walks the commits (git/commit_walk.h) and
// reads each commit's metadata; it hands (commit id, tree, parent tree, metadata) to a bounded
// queue. Each worker owns a repository handle and a FragmentScanner: it diffs the two trees
// (git/added_lines.h) and scans every hunk. Outputs carry the commit's walk sequence number and
// are put in that order at the end, so the report does not depend on the thread count. With one
// thread everything runs in the calling thread.
#include "secrets/git_history.h"

#include <algorithm>
#include <ctime>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

#include <fmt/core.h>

#include "secrets/bounded_queue.h"
#include "secrets/git/added_lines.h"
#include "secrets/git/commit_walk.h"
#include "secrets/git/libgit2.h"

namespace sw::secrets {

namespace {

constexpr size_t kHunkCacheBytes = size_t{32} << 20;
constexpr size_t kMaxThreads = 256;

struct CommitMeta {
  std::string id;
  std::string author;
  std::string email;
  std::string date;
  std::string message;
};

struct CommitTask {
  size_t seq = 0;
  CommitMeta meta;
  git_oid new_tree{};
  bool has_old_tree = false;
  git_oid old_tree{};
};

struct TaskOutput {
  size_t seq = 0;
  std::vector<SecretMatch> matches;
  std::vector<Error> errors;
  size_t fragments = 0;
  uint64_t bytes = 0;
  git::DiffStats stats;
};

struct SeqError {
  size_t seq;
  int phase;  // 0: met while walking to the commit, 1: met while diffing or scanning it
  Error error;
};

Result<git::RepoPtr> open_repo(const std::string& path) {
  git::ensure_libgit2();
  git_repository* raw = nullptr;
  const int rc = git_repository_open_ext(&raw, path.c_str(), 0, nullptr);
  if (rc == GIT_ENOTFOUND) {
    return fail(Errc::kNotFound, "not a git repository (nor any of its parents)", path);
  }
  if (rc != 0) return Unexpected(git::libgit2_error(rc, "cannot open the repository", path));
  return git::RepoPtr(raw);
}

std::string root_of(git_repository* repo) {
  const char* dir = git_repository_workdir(repo);
  std::string root = dir != nullptr ? dir : git_repository_path(repo);
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  return root;
}

std::string rfc3339_utc(git_time_t time) {
  const std::time_t t = time;
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return {};
  char buf[32];
  const size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(buf, n);
}

std::string trim_right(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

Result<git_oid> peel_to_commit(git_object* object, std::string_view spec) {
  git_object* raw = nullptr;
  if (git_object_peel(&raw, object, GIT_OBJECT_COMMIT) != 0) {
    return fail(Errc::kUsage,
                fmt::format("'{}' does not name a commit: {}", spec, git::last_error_message()));
  }
  const git::ObjectPtr commit(raw);
  return *git_object_id(commit.get());
}

Result<git_oid> resolve_commit(git_repository* repo, const std::string& spec) {
  git_object* raw = nullptr;
  if (git_revparse_single(&raw, repo, spec.c_str()) != 0) {
    return fail(Errc::kUsage, fmt::format("cannot resolve the revision '{}': {}", spec,
                                          git::last_error_message()));
  }
  const git::ObjectPtr object(raw);
  return peel_to_commit(object.get(), spec);
}

// A revision or a range ("A..B", "A...B", "A..", "..B") into the walk. Returns whether it
// pushed a tip.
Result<void> add_revision(git_repository* repo, const std::string& spec, git::CommitWalk& walk) {
  if (!spec.empty() && spec[0] == '^') {
    auto hidden = resolve_commit(repo, spec.substr(1));
    if (!hidden) return Unexpected(hidden.error());
    walk.hide(*hidden, spec);
    return {};
  }
  git_revspec revspec;
  if (git_revparse(&revspec, repo, spec.c_str()) != 0) {
    return fail(Errc::kUsage, fmt::format("cannot resolve the revision '{}': {}", spec,
                                          git::last_error_message()));
  }
  const git::ObjectPtr from(revspec.from);
  const git::ObjectPtr to(revspec.to);
  if ((revspec.flags & GIT_REVSPEC_SINGLE) != 0 || to == nullptr) {
    auto tip = peel_to_commit(from.get(), spec);
    if (!tip) return Unexpected(tip.error());
    walk.push(*tip, spec);
    return {};
  }
  auto left = peel_to_commit(from.get(), spec);
  if (!left) return Unexpected(left.error());
  auto right = peel_to_commit(to.get(), spec);
  if (!right) return Unexpected(right.error());
  if ((revspec.flags & GIT_REVSPEC_MERGE_BASE) != 0) {
    walk.push(*left, spec);
    walk.push(*right, spec);
    git_oidarray bases{};
    if (git_merge_bases(&bases, repo, &*left, &*right) == 0) {
      for (size_t i = 0; i < bases.count; ++i) walk.hide(bases.ids[i], spec);
      git_oidarray_dispose(&bases);
    }
    return {};
  }
  walk.hide(*left, spec);
  walk.push(*right, spec);
  return {};
}

// Pushes every ref matching `glob` (all refs when empty), in name order, plus nothing else.
// Broken refs and refs to unreadable objects are reported; refs to trees or blobs are skipped,
// as git log --all does.
Result<void> push_refs(git_repository* repo, const std::string& glob, git::CommitWalk& walk,
                       std::vector<Error>& errors) {
  git_reference_iterator* raw = nullptr;
  const int rc = glob.empty() ? git_reference_iterator_new(&raw, repo)
                              : git_reference_iterator_glob_new(&raw, repo, glob.c_str());
  if (rc != 0) return Unexpected(git::libgit2_error(rc, "cannot list the repository's refs"));
  const git::RefIterPtr iter(raw);
  std::vector<std::string> names;
  const char* name = nullptr;
  int next = 0;
  while ((next = git_reference_next_name(&name, iter.get())) == 0) names.emplace_back(name);
  if (next != GIT_ITEROVER) {
    errors.push_back(git::libgit2_error(next, "cannot list all of the repository's refs"));
  }
  std::sort(names.begin(), names.end());
  for (const std::string& ref : names) {
    git_oid target;
    if (git_reference_name_to_id(&target, repo, ref.c_str()) != 0) {
      errors.emplace_back(Errc::kParse, fmt::format("ignoring the broken ref {}: {}", ref,
                                                    git::last_error_message()));
      continue;
    }
    git_object* raw_object = nullptr;
    if (git_object_lookup(&raw_object, repo, &target, GIT_OBJECT_ANY) != 0) {
      errors.emplace_back(Errc::kParse,
                          fmt::format("ref {} points to object {}, which cannot be read: {}", ref,
                                      git::oid_hex(target), git::last_error_message()));
      continue;
    }
    const git::ObjectPtr object(raw_object);
    git_object* raw_commit = nullptr;
    const int peeled = git_object_peel(&raw_commit, object.get(), GIT_OBJECT_COMMIT);
    if (peeled == GIT_EPEEL || peeled == GIT_ENOTFOUND || peeled == GIT_EINVALIDSPEC) continue;
    if (peeled != 0) {
      errors.emplace_back(Errc::kParse, fmt::format("ref {}: cannot read what it points to: {}",
                                                    ref, git::last_error_message()));
      continue;
    }
    const git::ObjectPtr commit(raw_commit);
    walk.push(*git_object_id(commit.get()), ref);
  }
  return {};
}

void push_head(git_repository* repo, git::CommitWalk& walk) {
  git_oid head;
  if (git_reference_name_to_id(&head, repo, "HEAD") == 0) walk.push(head, "HEAD");
}

Result<void> select_commits(git_repository* repo, const GitScanOptions& options,
                            git::CommitWalk& walk, std::vector<Error>& errors) {
  bool any_tip = false;
  if (!options.range.empty()) {
    SW_TRY(add_revision(repo, options.range, walk));
    any_tip = true;
  }
  if (!options.branch.empty()) {
    auto tip = resolve_commit(repo, options.branch);
    if (!tip) return Unexpected(tip.error());
    walk.push(*tip, options.branch);
    any_tip = true;
  }
  for (const std::string& rev : options.revs) {
    SW_TRY(add_revision(repo, rev, walk));
    if (rev.empty() || rev[0] != '^') any_tip = true;
  }
  for (const std::string& glob : options.ref_globs) {
    if (glob == "HEAD") {
      push_head(repo, walk);
    } else {
      SW_TRY(push_refs(repo, glob == "refs/*" ? std::string() : glob, walk, errors));
    }
    any_tip = true;
  }
  if (!options.since.empty()) {
    auto hidden = resolve_commit(repo, options.since);
    if (!hidden) return Unexpected(hidden.error());
    walk.hide(*hidden, options.since);
  }
  if (!any_tip) {
    SW_TRY(push_refs(repo, {}, walk, errors));
    push_head(repo, walk);
  }
  return {};
}

git::DiffSettings diff_settings(const GitScanOptions& options) {
  git::DiffSettings settings;
  settings.max_file_bytes = options.max_file_bytes;
  settings.paths = options.paths;
  settings.diff_filter = options.diff_filter;
  settings.renames = options.renames;
  settings.skip_path = options.skip_path;
  return settings;
}

// Scans the hunks of `changes` with `scanner`, adding to `out`.
void scan_changes(FragmentScanner& scanner, const std::vector<git::FileChange>& changes,
                  const CommitMeta& meta, std::string_view context, TaskOutput& out) {
  for (const git::FileChange& change : changes) {
    for (const git::Hunk& hunk : change.added->hunks) {
      Fragment fragment;
      fragment.text = hunk.text;
      fragment.path = change.path;
      fragment.commit = meta.id;
      fragment.author = meta.author;
      fragment.email = meta.email;
      fragment.date = meta.date;
      fragment.message = meta.message;
      fragment.line_numbers = hunk.lines;
      const size_t first = out.matches.size();
      if (auto scanned = scanner.scan(fragment, out.matches); !scanned) {
        out.errors.emplace_back(scanned.error().code(),
                                fmt::format("{}: {}", context, scanned.error().message()),
                                change.path);
      }
      // The engine fills these from the fragment; make sure a source's context is never lost.
      for (size_t i = first; i < out.matches.size(); ++i) {
        SecretMatch& match = out.matches[i];
        if (match.path.empty()) match.path = fragment.path;
        if (match.commit.empty()) {
          match.commit = meta.id;
          match.author = meta.author;
          match.email = meta.email;
          match.date = meta.date;
          match.message = meta.message;
        }
      }
      ++out.fragments;
      out.bytes += hunk.text.size();
    }
  }
}

// Diffs one commit against its parent and scans it (in whichever thread runs it).
void run_task(git_repository* repo, FragmentScanner& scanner, const CommitTask& task,
              const git::DiffSettings& settings, git::HunkCache& cache, TaskOutput& out) {
  out.seq = task.seq;
  const std::string context = fmt::format("commit {}", task.meta.id);
  git_tree* raw_new = nullptr;
  if (git_tree_lookup(&raw_new, repo, &task.new_tree) != 0) {
    out.errors.emplace_back(Errc::kParse,
                            fmt::format("{} not scanned: cannot read its tree {}: {}", context,
                                        git::oid_hex(task.new_tree), git::last_error_message()));
    return;
  }
  const git::TreePtr new_tree(raw_new);
  git::TreePtr old_tree;
  if (task.has_old_tree) {
    git_tree* raw_old = nullptr;
    if (git_tree_lookup(&raw_old, repo, &task.old_tree) != 0) {
      out.errors.emplace_back(
          Errc::kParse, fmt::format("{} not scanned: cannot read its parent's tree {}: {}", context,
                                    git::oid_hex(task.old_tree), git::last_error_message()));
      return;
    }
    old_tree.reset(raw_old);
  }
  auto changes = git::added_lines_between_trees(repo, old_tree.get(), new_tree.get(), settings,
                                                &cache, context, out.errors, out.stats);
  if (!changes) {
    out.errors.push_back(changes.error());
    return;
  }
  scan_changes(scanner, *changes, task.meta, context, out);
}

// The commit's metadata and trees; nullopt for a merge (no diff) or an unreadable commit.
std::optional<CommitTask> make_task(git_repository* repo, git_mailmap* mailmap,
                                    const git::CommitWalk& walk, const git_oid& oid,
                                    const GitScanOptions& options, size_t seq,
                                    std::vector<SeqError>& errors) {
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repo, &oid) != 0) {
    errors.push_back(
        {seq, 1,
         Error(Errc::kParse, fmt::format("cannot read commit {}: {}", git::oid_hex(oid),
                                         git::last_error_message()))});
    return std::nullopt;
  }
  const git::CommitPtr commit(raw);
  const unsigned parents = git_commit_parentcount(commit.get());
  const bool boundary = walk.is_shallow_boundary(oid);
  if (parents > 1 && !options.first_parent && !boundary) return std::nullopt;

  CommitTask task;
  task.seq = seq;
  task.meta.id = git::oid_hex(oid);
  git_signature* raw_sig = nullptr;
  git::SignaturePtr mapped;
  const git_signature* author = git_commit_author(commit.get());
  if (mailmap != nullptr && git_commit_author_with_mailmap(&raw_sig, commit.get(), mailmap) == 0) {
    mapped.reset(raw_sig);
    author = mapped.get();
  }
  if (author != nullptr) {
    task.meta.author = author->name != nullptr ? author->name : "";
    task.meta.email = author->email != nullptr ? author->email : "";
    task.meta.date = rfc3339_utc(author->when.time);
  }
  const char* message = git_commit_message(commit.get());
  task.meta.message = trim_right(message != nullptr ? message : "");
  git_oid_cpy(&task.new_tree, git_commit_tree_id(commit.get()));
  if (parents > 0 && !boundary) {
    const git_oid* parent_id = git_commit_parent_id(commit.get(), 0);
    git_commit* raw_parent = nullptr;
    if (git_commit_lookup(&raw_parent, repo, parent_id) != 0) {
      errors.push_back(
          {seq, 1,
           Error(Errc::kParse,
                 fmt::format("commit {} not scanned: cannot read its parent {}: {}", task.meta.id,
                             git::oid_hex(*parent_id), git::last_error_message()))});
      return std::nullopt;
    }
    const git::CommitPtr parent(raw_parent);
    task.has_old_tree = true;
    git_oid_cpy(&task.old_tree, git_commit_tree_id(parent.get()));
  }
  return task;
}

// Commits to diff and scan, a few per worker.
using TaskQueue = BoundedQueue<CommitTask>;

void add_output(GitScanResult& result, TaskOutput& out, std::vector<SeqError>& errors) {
  result.fragments += out.fragments;
  result.bytes += out.bytes;
  result.binary_skipped += out.stats.binary_skipped;
  result.large_skipped += out.stats.large_skipped;
  result.path_skipped += out.stats.path_skipped;
  result.diff_cache_hits += out.stats.cache_hits;
  for (Error& error : out.errors) errors.push_back({out.seq, 1, std::move(error)});
  out.errors.clear();
}

Result<GitScanResult> scan_worktree(git_repository* repo, const GitScanOptions& options,
                                    const WorkerFactory& make_worker, GitScanResult result) {
  auto scanner = make_worker();
  if (!scanner) return Unexpected(scanner.error());
  CommitMeta meta;
  git_signature* raw_sig = nullptr;
  if (git_signature_default(&raw_sig, repo) == 0) {  // who is about to commit
    const git::SignaturePtr sig(raw_sig);
    meta.author = sig->name;
    meta.email = sig->email;
  }
  git::TreePtr head_tree;
  git_object* raw_head = nullptr;
  if (git_revparse_single(&raw_head, repo, "HEAD^{tree}") == 0) {
    head_tree.reset(reinterpret_cast<git_tree*>(raw_head));
  } else if (git_repository_head_unborn(repo) != 1) {
    return fail(Errc::kParse, fmt::format("cannot read HEAD's tree: {}", git::last_error_message()),
                result.repo_root);
  }
  const git::DiffSettings settings = diff_settings(options);
  TaskOutput out;
  if (options.staged) {
    auto changes = git::added_lines_staged(repo, head_tree.get(), settings, out.errors, out.stats);
    if (!changes) return Unexpected(changes.error());
    scan_changes(**scanner, *changes, meta, "staged changes", out);
  }
  if (options.unstaged) {
    auto changes = git::added_lines_unstaged(repo, settings, out.errors, out.stats);
    if (!changes) return Unexpected(changes.error());
    scan_changes(**scanner, *changes, meta, "unstaged changes", out);
  }
  std::vector<SeqError> errors;
  add_output(result, out, errors);
  result.matches = std::move(out.matches);
  for (SeqError& e : errors) result.errors.push_back(std::move(e.error));
  return result;
}

}  // namespace

Result<std::string> git_repository_root(std::string_view path) {
  auto repo = open_repo(std::string(path));
  if (!repo) return Unexpected(repo.error());
  return root_of(repo->get());
}

Result<GitScanResult> scan_git(const GitScanOptions& options, const WorkerFactory& make_worker) {
  auto opened = open_repo(options.repo_path);
  if (!opened) return Unexpected(opened.error());
  git_repository* repo = opened->get();
  GitScanResult result;
  result.repo_root = root_of(repo);
  result.bare = git_repository_is_bare(repo) == 1;
  result.shallow = git_repository_is_shallow(repo) == 1;
  if (options.staged || options.unstaged) {
    return scan_worktree(repo, options, make_worker, std::move(result));
  }
  if (git_repository_is_empty(repo) == 1) {
    return fail(Errc::kNotFound,
                "the repository has no commits yet (--staged scans what is staged)",
                result.repo_root);
  }

  git::WalkOptions walk_options;
  walk_options.first_parent = options.first_parent;
  walk_options.no_merges = options.no_merges;
  walk_options.max_commits = options.max_commits;
  walk_options.after = options.after;
  walk_options.before = options.before;
  git::CommitWalk walk(repo, walk_options);
  std::vector<Error> select_errors;
  SW_TRY(select_commits(repo, options, walk, select_errors));
  // Errors met by the calling thread (walk, commit metadata) and by the workers (diff, scan).
  std::vector<SeqError> errors;
  std::vector<SeqError> worker_errors;
  for (Error& e : select_errors) errors.push_back({0, 0, std::move(e)});

  size_t threads = options.threads > 0 ? static_cast<size_t>(options.threads)
                                       : std::max(1U, std::thread::hardware_concurrency());
  threads = std::min(threads, kMaxThreads);

  // Workers are made here, before any thread starts, so a failure leaves nothing waiting.
  struct Worker {
    git::RepoPtr repo;
    std::unique_ptr<FragmentScanner> scanner;
  };
  std::vector<Worker> workers;
  for (size_t i = 0; i < threads; ++i) {
    auto scanner = make_worker();
    if (!scanner) return Unexpected(scanner.error());
    Worker worker{nullptr, std::move(*scanner)};
    if (threads > 1) {
      git_repository* raw = nullptr;
      if (const int rc = git_repository_open(&raw, git_repository_path(repo)); rc != 0) {
        return Unexpected(git::libgit2_error(rc, "cannot open the repository", result.repo_root));
      }
      worker.repo.reset(raw);
    }
    workers.push_back(std::move(worker));
  }

  git::MailmapPtr mailmap;
  git_mailmap* raw_mailmap = nullptr;
  if (git_mailmap_from_repository(&raw_mailmap, repo) == 0) mailmap.reset(raw_mailmap);

  const git::DiffSettings settings = diff_settings(options);
  git::HunkCache cache(kHunkCacheBytes);
  std::vector<TaskOutput> outputs;  // only those with matches or errors
  std::mutex outputs_mutex;

  const auto keep = [&](TaskOutput& out) {
    const std::lock_guard lock(outputs_mutex);
    add_output(result, out, worker_errors);
    if (!out.matches.empty()) outputs.push_back(std::move(out));
  };
  const auto run_safely = [&](git_repository* task_repo, FragmentScanner& scanner,
                              const CommitTask& task) {
    TaskOutput out;
    try {
      run_task(task_repo, scanner, task, settings, cache, out);
    } catch (const std::exception& e) {
      out.errors.emplace_back(Errc::kInternal,
                              fmt::format("commit {}: {}", task.meta.id, e.what()));
    }
    keep(out);
  };

  {
    TaskQueue queue(2 * threads);
    std::vector<std::jthread> pool;
    if (threads > 1) {
      for (Worker& worker : workers) {
        pool.emplace_back([&queue, &worker, &run_safely] {
          while (auto task = queue.pop()) run_safely(worker.repo.get(), *worker.scanner, *task);
        });
      }
    }
    const TaskQueue::Closer closer{queue};  // destroyed before the pool: workers finish, then join

    git_oid oid;
    while (walk.next(oid)) {
      const size_t seq = result.commits++;
      for (Error& e : walk.take_errors()) errors.push_back({seq, 0, std::move(e)});
      auto task = make_task(repo, mailmap.get(), walk, oid, options, seq, errors);
      if (!task) continue;
      if (threads > 1) {
        queue.push(std::move(*task));
      } else {
        run_safely(repo, *workers[0].scanner, *task);
      }
    }
    for (Error& e : walk.take_errors()) errors.push_back({result.commits, 0, std::move(e)});
  }

  std::sort(outputs.begin(), outputs.end(),
            [](const TaskOutput& a, const TaskOutput& b) { return a.seq < b.seq; });
  for (TaskOutput& out : outputs) {
    for (SecretMatch& match : out.matches) result.matches.push_back(std::move(match));
  }
  for (SeqError& e : worker_errors) errors.push_back(std::move(e));
  std::stable_sort(errors.begin(), errors.end(), [](const SeqError& a, const SeqError& b) {
    return a.seq != b.seq ? a.seq < b.seq : a.phase < b.phase;
  });
  for (SeqError& e : errors) result.errors.push_back(std::move(e.error));
  return result;
}

}  // namespace sw::secrets
