// SPDX-License-Identifier: Apache-2.0
// libgit2 plumbing shared by the git sources (see libgit2.h).
#include "secrets/git/libgit2.h"

#include <fmt/core.h>

namespace sw::secrets::git {

namespace {

// Holds libgit2's global state from the first use until the process exits.
class LibGit2Global {
 public:
  LibGit2Global() {
    git_libgit2_init();
    git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
    // libgit2 caches trees of at most 4 KiB and no blobs by default. Walking history newest
    // first, a commit's old blob is the new blob of the commit walked just before, and large
    // directories' trees are read again for every commit below them: caching both saves
    // inflating them (through delta chains) twice. The cache's total stays libgit2's (256 MiB).
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, size_t{1} << 20);
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_BLOB, size_t{1} << 20);
  }
  ~LibGit2Global() { git_libgit2_shutdown(); }
  LibGit2Global(const LibGit2Global&) = delete;
  LibGit2Global& operator=(const LibGit2Global&) = delete;
};

}  // namespace

void ensure_libgit2() {
  static const LibGit2Global global;  // C++11 guarantees a thread-safe, one-time construction
  (void)global;
}

std::string last_error_message() {
  const ::git_error* err = git_error_last();
  if (err == nullptr || err->message == nullptr) return "unknown error";
  return err->message;
}

Error libgit2_error(int code, std::string_view what, std::string file) {
  Errc errc = Errc::kIo;
  switch (code) {
    case GIT_ENOTFOUND:
      errc = Errc::kNotFound;
      break;
    case GIT_EINVALIDSPEC:
    case GIT_EAMBIGUOUS:
      errc = Errc::kUsage;
      break;
    default:
      break;
  }
  return Error(errc, fmt::format("{}: {}", what, last_error_message()), std::move(file));
}

std::string oid_hex(const git_oid& oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &oid);
  return buf;
}

}  // namespace sw::secrets::git
