// SPDX-License-Identifier: Apache-2.0
// libgit2 plumbing shared by the git sources: one process-wide git_libgit2_init (undone by
// git_libgit2_shutdown at exit), a unique_ptr with a deleter for every libgit2 handle we hold,
// and the conversion of libgit2's last error into an sw::Error.
//
// Threading (libgit2's docs, "Threading"): one git_repository and the objects read through it
// belong to one thread at a time; different git_repository handles on the same repository may be
// used from different threads at once. The git sources follow that: every worker thread opens
// its own repository handle.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <git2.h>

#include "core/error.h"

namespace sw::secrets::git {

// Initialises libgit2 once per process (thread-safe; later calls are free). Also turns off
// libgit2's repository-owner check: we only read objects and never run hooks, filters or any
// other program a repository's config names, which is what that check protects against, and CI
// jobs routinely scan checkouts owned by another user. Raises the size of trees libgit2 caches
// (walking history reads the same large directories again and again).
void ensure_libgit2();

template <class T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const {
    if (p != nullptr) Free(p);
  }
};

using RepoPtr = std::unique_ptr<git_repository, Deleter<git_repository, git_repository_free>>;
using CommitPtr = std::unique_ptr<git_commit, Deleter<git_commit, git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using ObjectPtr = std::unique_ptr<git_object, Deleter<git_object, git_object_free>>;
using ReferencePtr = std::unique_ptr<git_reference, Deleter<git_reference, git_reference_free>>;
using RefIterPtr = std::unique_ptr<git_reference_iterator,
                                   Deleter<git_reference_iterator, git_reference_iterator_free>>;
using DiffPtr = std::unique_ptr<git_diff, Deleter<git_diff, git_diff_free>>;
using PatchPtr = std::unique_ptr<git_patch, Deleter<git_patch, git_patch_free>>;
using IndexPtr = std::unique_ptr<git_index, Deleter<git_index, git_index_free>>;
using MailmapPtr = std::unique_ptr<git_mailmap, Deleter<git_mailmap, git_mailmap_free>>;
using SignaturePtr = std::unique_ptr<git_signature, Deleter<git_signature, git_signature_free>>;
using OdbPtr = std::unique_ptr<git_odb, Deleter<git_odb, git_odb_free>>;

// libgit2's message for the last failed call on this thread ("unknown error" when it set none).
std::string last_error_message();

// An sw::Error "<what>: <libgit2 message>" of a kind guessed from the libgit2 code.
Error libgit2_error(int code, std::string_view what, std::string file = {});

// The full hexadecimal id of an object.
std::string oid_hex(const git_oid& oid);

}  // namespace sw::secrets::git
