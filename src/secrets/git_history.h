// SPDX-License-Identifier: Apache-2.0
// Git sources for the secret scanner: the lines every commit added (`shieldwall secrets --git`),
// the lines staged for the next commit (`--staged`, for a pre-commit hook) and the lines changed
// in the working tree (`--unstaged`). Built on libgit2 1.5: the commit walk and the tree
// comparison are ours (secrets/git/commit_walk.h and tree_diff.h say why), the objects, the
// similarity signatures and the line diffs are libgit2's.
//
// What is scanned, gitleaks' semantics (`git log -p -U0 --full-history --all`, its default):
// - every commit reachable from any ref (branches, tags, remotes, notes, stash) or HEAD, once,
//   newest committer date first (git log's order);
// - each commit diffed against its first parent (a root commit, or a shallow clone's boundary
//   commit, against the empty tree: all its content counts as added, as git shows it);
// - merge commits are walked but yield nothing: `git log -p` shows no diff for merges unless
//   asked (-m, -c, --cc), so neither does gitleaks. With first_parent, a merge is diffed against
//   its first parent, as git >= 2.31 does for `--first-parent -p`;
// - one Fragment per hunk (not per file): the hunk's added lines, each with its line ending, and
//   `line_numbers` giving each one's new-file line. That is gitleaks' unit (one go-gitdiff
//   TextFragment), so a rule's keyword gate sees one hunk, and a match can never join lines
//   that are not adjacent in the file;
// - deleted files, binary files (libgit2's detection, git's rule), submodule entries and files
//   over max_file_bytes are skipped; renames are followed (only the lines added by the rename).
// - Fragment.commit/author/email/date/message: the full commit id; the author's name and e-mail
//   after the repository's .mailmap (git log applies it by default since git 2.23); the author
//   date as RFC 3339 in UTC ("2024-01-31T12:00:00Z", gitleaks' format); the whole message.
// - The same added content in several commits is reported for each commit (gitleaks does): the
//   diff itself is computed once (a cache of hunks keyed by old blob, new blob and path).
//
// Selecting commits, and the gitleaks `--log-opts` users mostly pass (parse_log_opts takes them):
//   all refs (default)        `--all`                      ref_globs = {"refs/*", "HEAD"}
//   since = REV               `REV..` with --all           hide REV and its history
//   range = "A..B"            `A..B`                        B's history minus A's
//   range = "A...B"           `A...B`                       both minus their merge bases
//   branch = REF              `REF`                         REF and its history only
//   revs = {"X", "^Y", ...}   positional revisions          as git
//   ref_globs                 `--branches[=P] --tags[=P] --remotes[=P] --glob=P`
//   max_commits = N           `-n N`, `-N`, `--max-count=N`
//   first_parent              `--first-parent`
//   no_merges                 `--no-merges`
//   after / before            `--since=DATE` `--after=DATE` / `--until=DATE` `--before=DATE`
//   paths                     `-- PATH...`
//   diff_filter               `--diff-filter=...` (deletions are never scanned)
//   renames = false           `--no-renames`
// Accepted and ignored, because the scan already does that or they only reorder: `-p`,
// `--patch`, `-U<n>`, `--unified=<n>`, `--full-history`, `--no-ext-diff`, `--no-color`,
// `-M`, `--find-renames`, `--date-order`, `--topo-order`, `--author-date-order`, `--reverse`.
// Anything else (`--author`, `--grep`, `-S`, ...) is refused with a usage error naming it.
// Tips: range's right side, branch, positive revs and ref_globs; with none, all refs and HEAD.
// Hidden: since, range's left side, `^REV` revs.
//
// Threads: the calling thread walks the history; N workers, each with its own repository handle
// (libgit2 objects are never shared between threads) and its own FragmentScanner, diff and scan
// one commit at a time, fed through a bounded queue of commit ids, so memory is bounded by N
// commits' added lines, not by the history's size. Diffing (zlib + xdiff) costs as much as
// scanning, so it runs on the workers too. Results come back in walk order, then file, then
// position, whatever the thread count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"
#include "secrets/engine.h"

namespace sw::secrets {

struct GitScanOptions {
  // A directory inside the repository (searched upwards, as git does) or its .git directory.
  std::string repo_path = ".";

  // Which commits (history mode); see the table above.
  std::string since;
  std::string range;
  std::string branch;
  std::vector<std::string> revs;
  std::vector<std::string> ref_globs;
  size_t max_commits = 0;  // 0: no limit
  bool first_parent = false;
  bool no_merges = false;
  std::optional<int64_t> after;   // Unix seconds, committer date
  std::optional<int64_t> before;  // Unix seconds, committer date
  std::vector<std::string> paths;
  std::string diff_filter;
  bool renames = true;

  // Working-tree modes, instead of history. Either or both.
  bool staged = false;    // the index against HEAD (against nothing before the first commit)
  bool unstaged = false;  // tracked files in the working tree against the index

  uint64_t max_file_bytes = 0;  // 0: libgit2's limit (512 MiB); larger files are skipped
  // True skips a path (e.g. a global allowlist path). Called from several threads at once.
  std::function<bool(std::string_view path)> skip_path;
  int threads = 0;  // 0: one per core
};

struct GitScanResult {
  std::string repo_root;  // the working tree's root, or the git directory of a bare repository
  bool bare = false;
  bool shallow = false;
  std::vector<SecretMatch> matches;  // walk order, then file, then position
  // Everything that could not be read (each names the commit, object and file), in walk order.
  std::vector<Error> errors;
  size_t commits = 0;    // commits walked (merges included)
  size_t fragments = 0;  // hunks scanned
  uint64_t bytes = 0;    // bytes of added lines scanned
  size_t binary_skipped = 0;
  size_t large_skipped = 0;
  size_t path_skipped = 0;
  size_t diff_cache_hits = 0;
};

// Scans a repository's history, or its staged / unstaged changes. Fails (with nothing scanned)
// when the path is not in a repository, a revision does not resolve, the history mode finds a
// repository without commits, or no worker could be made; every unreadable commit, tree or blob
// is reported in `errors` instead, and the rest is still scanned.
Result<GitScanResult> scan_git(const GitScanOptions& options, const WorkerFactory& make_worker);

// The root of the repository holding `path`: its working tree, or the git directory of a bare
// repository (where CODEOWNERS is looked up).
Result<std::string> git_repository_root(std::string_view path);

// Reads a gitleaks `--log-opts` string (git log options and revisions, shell-quoted) into
// `options`. `now` (Unix seconds) anchors relative dates ("2 weeks ago"). Unsupported options
// are a kUsage error naming them.
Result<void> parse_log_opts(std::string_view text, GitScanOptions& options, int64_t now);

// A git date for --since/--until: "@UNIX", "UNIX", "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS]",
// RFC 3339 / ISO 8601 with "T" and "Z" or "+hh:mm", "N <unit>s ago" (second, minute, hour, day,
// week, month = 30 days, year = 365 days), "yesterday", "now". Times without a zone are UTC
// (git would take local time). nullopt when not understood.
std::optional<int64_t> parse_git_date(std::string_view text, int64_t now);

}  // namespace sw::secrets
