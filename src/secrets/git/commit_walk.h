// SPDX-License-Identifier: Apache-2.0
// The commit walk behind `shieldwall secrets --git`: which commits `git log` would show for a set
// of tips and hidden commits, in git log's default order (newest committer date first; ties in
// the order the commits were reached), each commit once however many refs reach it.
//
// Semantics followed (git's revision.c, as mirrored by libgit2's revwalk.c):
// - with no hidden commit the walk streams: pop the newest queued commit, queue its parents;
// - with hidden commits (`A..B`, `^A`, `--since REV`) the walk is "limited" first: commits are
//   popped newest first, hidden ones mark their ancestors hidden, and the walk stops once only
//   hidden commits are queued and a slop of 5 more pops found nothing newer (git's SLOP, which
//   tolerates some clock skew); then what was popped and is not hidden is shown;
// - `--first-parent` follows only first parents of shown commits; `--no-merges` hides merges;
//   `--max-count` stops after that many shown commits; `--since/--after DATE` hides older commits
//   and, as in git, does not walk past them; `--until/--before DATE` hides newer ones;
// - a shallow clone's boundary commits (listed in `$GIT_DIR/shallow`) have no parents, as in git.
//
// Why our own walk instead of git_revwalk: libgit2 1.5's revwalk aborts the whole walk at the
// first commit it cannot read (a corrupt object, or the missing parent of a shallow clone's
// boundary, which 1.5 does not know about). Here an unreadable commit is reported (naming it and
// the commit that led to it) and left out, and the rest of the history is still walked.
// Memory: about 40 bytes per reached commit plus a hash-map entry.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <queue>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <git2.h>

#include "core/error.h"

namespace sw::secrets::git {

struct OidHash {
  size_t operator()(const git_oid& oid) const;
};
struct OidEq {
  bool operator()(const git_oid& a, const git_oid& b) const { return git_oid_equal(&a, &b) != 0; }
};
using OidSet = std::unordered_set<git_oid, OidHash, OidEq>;

struct WalkOptions {
  bool first_parent = false;
  bool no_merges = false;
  size_t max_commits = 0;         // 0: no limit
  std::optional<int64_t> after;   // committer time (Unix seconds): hide older commits
  std::optional<int64_t> before;  // hide newer commits
};

// The ids listed in `$GIT_DIR/shallow` (empty when the repository is not shallow).
OidSet read_shallow_boundary(git_repository* repo);

class CommitWalk {
 public:
  // `repo` must outlive the walk and is used from the calling thread only.
  CommitWalk(git_repository* repo, WalkOptions options);

  // Adds a commit to show with its history. `what` names where it came from ("refs/heads/main")
  // for error messages. An unreadable commit is reported and left out.
  void push(const git_oid& commit, std::string_view what);
  // Hides a commit and its history.
  void hide(const git_oid& commit, std::string_view what);

  // The next commit to show; false once the walk is over.
  bool next(git_oid& out);

  // Errors met since the last call (unreadable commits), in the order met.
  std::vector<Error> take_errors();

  // Whether this commit is a shallow clone's boundary (shown as a root commit).
  bool is_shallow_boundary(const git_oid& commit) const { return shallow_.count(commit) != 0; }

 private:
  enum Flag : uint8_t {
    kParsed = 1,
    kBad = 2,
    kHidden = 4,
    kQueued = 8,
    kParentsAdded = 16,
  };
  struct Node {
    git_oid oid;
    int64_t time = 0;
    uint32_t parent_begin = 0;
    uint32_t parent_count = 0;
    uint8_t flags = 0;
  };
  struct QueueEntry {
    int64_t time;
    uint64_t order;
    uint32_t node;
  };
  struct Newer {
    // std::priority_queue keeps the "largest" on top: the newest, then the first queued.
    bool operator()(const QueueEntry& a, const QueueEntry& b) const {
      if (a.time != b.time) return a.time < b.time;
      return a.order > b.order;
    }
  };

  uint32_t node_for(const git_oid& oid);
  bool parse(uint32_t node, std::string_view what);
  void enqueue(uint32_t node);
  bool pop(uint32_t& node);
  void add_parents(uint32_t node);
  void mark_parents_hidden(uint32_t node);
  void set_hidden(uint32_t node);
  void limit();
  bool shown(const Node& node) const;

  git_repository* repo_;
  WalkOptions options_;
  OidSet shallow_;
  std::vector<Node> nodes_;
  std::vector<uint32_t> parents_;
  std::unordered_map<git_oid, uint32_t, OidHash, OidEq> index_;
  std::priority_queue<QueueEntry, std::vector<QueueEntry>, Newer> queue_;
  uint64_t next_order_ = 0;
  size_t visible_queued_ = 0;  // queued nodes that are not hidden
  bool has_hidden_ = false;
  bool limited_ = false;  // limit() has run
  std::vector<uint32_t> limited_list_;
  size_t limited_pos_ = 0;
  size_t shown_count_ = 0;
  std::vector<Error> errors_;
};

}  // namespace sw::secrets::git
