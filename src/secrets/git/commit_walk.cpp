// SPDX-License-Identifier: Apache-2.0
// The commit walk behind `shieldwall secrets --git` (see commit_walk.h for the semantics and why
// it is ours rather than git_revwalk).
#include "secrets/git/commit_walk.h"

#include <cstring>
#include <fstream>
#include <limits>
#include <utility>

#include <fmt/core.h>

#include "secrets/git/libgit2.h"

namespace sw::secrets::git {

namespace {

// git's revision.c: how many hidden commits to pop after the last visible one before the
// limited walk gives up looking for more (tolerates that much clock skew).
constexpr int kSlop = 5;
constexpr uint8_t kInQueue = 32;

}  // namespace

size_t OidHash::operator()(const git_oid& oid) const {
  size_t h = 0;
  std::memcpy(&h, oid.id, sizeof h);  // object ids are uniformly distributed already
  return h;
}

OidSet read_shallow_boundary(git_repository* repo) {
  OidSet out;
  const char* common = git_repository_commondir(repo);
  if (common == nullptr) return out;
  std::ifstream in(std::string(common) + "shallow");
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    git_oid oid;
    if (line.size() == GIT_OID_HEXSZ && git_oid_fromstrn(&oid, line.data(), line.size()) == 0) {
      out.insert(oid);
    }
  }
  return out;
}

CommitWalk::CommitWalk(git_repository* repo, WalkOptions options)
    : repo_(repo), options_(options), shallow_(read_shallow_boundary(repo)) {}

uint32_t CommitWalk::node_for(const git_oid& oid) {
  auto [it, inserted] = index_.try_emplace(oid, static_cast<uint32_t>(nodes_.size()));
  if (inserted) {
    Node node;
    git_oid_cpy(&node.oid, &oid);
    nodes_.push_back(node);
  }
  return it->second;
}

bool CommitWalk::parse(uint32_t node, std::string_view what) {
  if ((nodes_[node].flags & kParsed) != 0) return (nodes_[node].flags & kBad) == 0;
  nodes_[node].flags |= kParsed;
  git_commit* raw = nullptr;
  const git_oid oid = nodes_[node].oid;
  if (git_commit_lookup(&raw, repo_, &oid) != 0) {
    nodes_[node].flags |= kBad;
    errors_.emplace_back(Errc::kParse, fmt::format("cannot read commit {} ({}): {}", oid_hex(oid),
                                                   what, last_error_message()));
    return false;
  }
  const CommitPtr commit(raw);
  const int64_t time = git_commit_time(commit.get());
  const auto begin = static_cast<uint32_t>(parents_.size());
  uint32_t count = 0;
  if (shallow_.count(oid) == 0) {
    count = git_commit_parentcount(commit.get());
    for (uint32_t i = 0; i < count; ++i) {
      const uint32_t parent = node_for(*git_commit_parent_id(commit.get(), i));
      parents_.push_back(parent);
    }
  }
  Node& n = nodes_[node];  // node_for may have grown nodes_: take the reference only now
  n.time = time;
  n.parent_begin = begin;
  n.parent_count = count;
  return true;
}

void CommitWalk::enqueue(uint32_t node) {
  Node& n = nodes_[node];
  n.flags |= kQueued | kInQueue;
  if ((n.flags & kHidden) == 0) ++visible_queued_;
  queue_.push(QueueEntry{n.time, next_order_++, node});
}

bool CommitWalk::pop(uint32_t& node) {
  if (queue_.empty()) return false;
  node = queue_.top().node;
  queue_.pop();
  Node& n = nodes_[node];
  n.flags &= static_cast<uint8_t>(~kInQueue);
  if ((n.flags & kHidden) == 0) --visible_queued_;
  return true;
}

void CommitWalk::set_hidden(uint32_t node) {
  Node& n = nodes_[node];
  if ((n.flags & kHidden) != 0) return;
  n.flags |= kHidden;
  if ((n.flags & kInQueue) != 0) --visible_queued_;
}

void CommitWalk::mark_parents_hidden(uint32_t node) {
  std::vector<uint32_t> stack;
  const auto push_parents = [&](uint32_t of) {
    const Node& n = nodes_[of];
    for (uint32_t i = 0; i < n.parent_count; ++i) stack.push_back(parents_[n.parent_begin + i]);
  };
  push_parents(node);
  while (!stack.empty()) {
    const uint32_t parent = stack.back();
    stack.pop_back();
    if ((nodes_[parent].flags & kHidden) != 0) continue;
    set_hidden(parent);
    // An unparsed commit's parents are unknown yet; they are marked when it is popped.
    if ((nodes_[parent].flags & kParsed) != 0) push_parents(parent);
  }
}

void CommitWalk::add_parents(uint32_t node) {
  if ((nodes_[node].flags & kParentsAdded) != 0) return;
  nodes_[node].flags |= kParentsAdded;
  const bool hidden = (nodes_[node].flags & kHidden) != 0;
  const std::string child = oid_hex(nodes_[node].oid);
  uint32_t count = nodes_[node].parent_count;
  if (!hidden && options_.first_parent && count > 1) count = 1;
  for (uint32_t i = 0; i < count; ++i) {
    const uint32_t parent = parents_[nodes_[node].parent_begin + i];
    if (!parse(parent, fmt::format("parent of {}", child))) continue;
    if (hidden) {
      set_hidden(parent);
      mark_parents_hidden(parent);
    }
    if ((nodes_[parent].flags & kQueued) == 0) enqueue(parent);
  }
}

void CommitWalk::push(const git_oid& commit, std::string_view what) {
  const uint32_t node = node_for(commit);
  if (!parse(node, what)) return;
  if ((nodes_[node].flags & (kHidden | kQueued)) != 0) return;
  enqueue(node);
}

void CommitWalk::hide(const git_oid& commit, std::string_view what) {
  const uint32_t node = node_for(commit);
  if (!parse(node, what)) return;
  has_hidden_ = true;
  set_hidden(node);
  mark_parents_hidden(node);
  if ((nodes_[node].flags & kQueued) == 0) enqueue(node);
}

void CommitWalk::limit() {
  int slop = kSlop;
  int64_t time = std::numeric_limits<int64_t>::max();
  uint32_t node = 0;
  while (pop(node)) {
    add_parents(node);
    if ((nodes_[node].flags & kHidden) != 0) {
      mark_parents_hidden(node);
      // git's still_interesting(): go on while a visible commit is queued or a queued commit
      // is at least as new as the last visible one; otherwise spend the slop.
      if (queue_.empty()) break;
      if (visible_queued_ > 0 || time <= queue_.top().time) {
        slop = kSlop;
      } else if (--slop == 0) {
        break;
      }
      continue;
    }
    time = nodes_[node].time;
    limited_list_.push_back(node);
  }
}

bool CommitWalk::shown(const Node& node) const {
  if (options_.no_merges && node.parent_count > 1) return false;
  if (options_.after && node.time < *options_.after) return false;
  if (options_.before && node.time > *options_.before) return false;
  return true;
}

bool CommitWalk::next(git_oid& out) {
  if (options_.max_commits != 0 && shown_count_ >= options_.max_commits) return false;
  if (has_hidden_) {
    if (!limited_) {
      limit();
      limited_ = true;
    }
    while (limited_pos_ < limited_list_.size()) {
      const Node& n = nodes_[limited_list_[limited_pos_++]];
      if ((n.flags & kHidden) != 0 || !shown(n)) continue;
      ++shown_count_;
      git_oid_cpy(&out, &n.oid);
      return true;
    }
    return false;
  }
  uint32_t node = 0;
  while (pop(node)) {
    // git: a commit older than --since/--after is not shown and its parents are not walked.
    if (options_.after && nodes_[node].time < *options_.after) continue;
    add_parents(node);
    const Node& n = nodes_[node];
    if (!shown(n)) continue;
    ++shown_count_;
    git_oid_cpy(&out, &n.oid);
    return true;
  }
  return false;
}

std::vector<Error> CommitWalk::take_errors() { return std::exchange(errors_, {}); }

}  // namespace sw::secrets::git
