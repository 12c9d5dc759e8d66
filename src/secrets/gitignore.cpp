// SPDX-License-Identifier: Apache-2.0
// GitIgnore over libgit2. See gitignore.h.
#include "secrets/gitignore.h"

#include <filesystem>
#include <system_error>

#include <git2.h>
#include <git2/sys/repository.h>

namespace sw::secrets {
namespace {

struct RepoDeleter {
  void operator()(git_repository* repo) const { git_repository_free(repo); }
};
using RepoPtr = std::unique_ptr<git_repository, RepoDeleter>;

// libgit2's global state, counted: one reference per GitIgnore.
struct LibGit2 {
  LibGit2() { git_libgit2_init(); }
  ~LibGit2() { git_libgit2_shutdown(); }
  LibGit2(const LibGit2&) = delete;
  LibGit2& operator=(const LibGit2&) = delete;
};

std::string git_message(std::string_view what) {
  const git_error* e = git_error_last();
  return std::string(what) + ": " +
         (e != nullptr && e->message != nullptr ? e->message : "unknown");
}

}  // namespace

struct GitIgnore::Impl {
  LibGit2 lib;  // first member: initialised before, shut down after the repository
  RepoPtr repo;
  std::string prefix;  // the root's path relative to the work tree, "" or ending in '/'
  bool in_repository = false;
};

GitIgnore::GitIgnore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GitIgnore::~GitIgnore() = default;
GitIgnore::GitIgnore(GitIgnore&&) noexcept = default;
GitIgnore& GitIgnore::operator=(GitIgnore&&) noexcept = default;

Result<GitIgnore> GitIgnore::open(const std::string& root) {
  namespace fs = std::filesystem;
  auto impl = std::make_unique<Impl>();
  std::error_code ec;
  fs::path canonical = fs::canonical(root, ec);
  if (ec) return fail(Errc::kNotFound, "cannot resolve the directory: " + ec.message(), root);
  std::string root_abs = canonical.string();

  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, root_abs.c_str(), 0, nullptr) == 0) {
    RepoPtr repo(raw);
    const char* workdir = git_repository_workdir(repo.get());
    if (workdir != nullptr) {
      fs::path wd = fs::canonical(workdir, ec);
      if (!ec) {
        std::string wd_str = wd.string();
        if (!wd_str.empty() && wd_str.back() != '/') wd_str += '/';
        std::string with_slash = root_abs + "/";
        if (with_slash.compare(0, wd_str.size(), wd_str) == 0) {
          impl->prefix = with_slash.substr(wd_str.size());
          impl->repo = std::move(repo);
          impl->in_repository = true;
          return GitIgnore(std::move(impl));
        }
      }
    }
  }
  // Outside a work tree: an in-memory repository whose work tree is the root.
  raw = nullptr;
  if (git_repository_new(&raw) != 0) {
    return fail(Errc::kInternal, git_message("libgit2 git_repository_new"), root);
  }
  RepoPtr repo(raw);
  if (git_repository_set_workdir(repo.get(), root_abs.c_str(), 0) != 0) {
    return fail(Errc::kInternal, git_message("libgit2 git_repository_set_workdir"), root);
  }
  impl->repo = std::move(repo);
  return GitIgnore(std::move(impl));
}

Result<bool> GitIgnore::ignored(std::string_view rel) const {
  std::string path = impl_->prefix;
  path.append(rel);
  int ignored = 0;
  if (git_ignore_path_is_ignored(&ignored, impl_->repo.get(), path.c_str()) != 0) {
    return fail(Errc::kIo, git_message("cannot apply the .gitignore rules (libgit2)"),
                std::string(rel));
  }
  return ignored == 1;
}

bool GitIgnore::in_repository() const { return impl_->in_repository; }

}  // namespace sw::secrets
