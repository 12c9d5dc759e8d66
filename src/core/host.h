// SPDX-License-Identifier: Apache-2.0
// Host: the read-only view of a machine that every check and inventory reads through (the seam, as
// leveldb's Env). It is rooted at a directory: "/" for this machine, or a mounted image, chroot or
// test fixture for `--root DIR`. Paths given to it are absolute paths *inside* the root
// ("/etc/shadow"); symlinks are resolved inside the root and can never escape it (an absolute
// link target is taken relative to the root, ".." stops at the root), as in a chroot.
//
// live(): whether /proc and /sys under the root describe a running kernel. True for "/"; false for
// other roots unless the caller says otherwise (tests set it to exercise live-state checks).
//
// Thread-safety: a Host is immutable after construction; all methods are safe to call
// concurrently. Nothing here writes to the filesystem.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace sw {

enum class FileType {
  kRegular,
  kDirectory,
  kSymlink,
  kCharDevice,
  kBlockDevice,
  kFifo,
  kSocket,
  kUnknown
};

struct FileStat {
  FileType type = FileType::kUnknown;
  uint32_t mode = 0;  // permission bits including setuid/setgid/sticky (st_mode & 07777)
  uint32_t uid = 0;
  uint32_t gid = 0;
  uint64_t size = 0;
  int64_t mtime = 0;  // seconds since the epoch
  uint64_t dev = 0;
  uint64_t ino = 0;
  uint64_t nlink = 0;
};

struct DirEntry {
  std::string name;
  FileType type = FileType::kUnknown;  // from d_type; kUnknown when the filesystem does not say
};

class Host {
 public:
  static constexpr size_t kDefaultMaxRead = 64u << 20;

  // `root` must be an existing directory; it is made absolute. `live` defaults to root == "/".
  explicit Host(std::string root = "/");
  Host(std::string root, bool live);

  const std::string& root() const { return root_; }
  bool live() const { return live_; }
  bool is_system_root() const { return root_ == "/"; }

  // The path on the real filesystem that `path` (inside the root) resolves to, symlinks followed
  // inside the root. With follow_last=false a final symlink is not followed.
  std::string real_path(std::string_view path, bool follow_last = true) const;

  // Reads a whole file (at most `max_bytes`; longer files are an kIo error naming the limit).
  Result<std::string> read_file(std::string_view path, size_t max_bytes = kDefaultMaxRead) const;
  Result<FileStat> stat(std::string_view path) const;   // follows symlinks (inside the root)
  Result<FileStat> lstat(std::string_view path) const;  // does not follow a final symlink
  // Entries of a directory, without "." and "..", sorted by name.
  Result<std::vector<DirEntry>> list_dir(std::string_view path) const;
  Result<std::string> read_link(std::string_view path) const;
  bool exists(std::string_view path) const;

  // Files matching `dir`/`*suffix` (e.g. "/etc/ssh/sshd_config.d", ".conf"), sorted by name, as
  // absolute paths inside the root. A missing directory gives an empty list.
  std::vector<std::string> list_files(std::string_view dir, std::string_view suffix = {}) const;

  // The machine's name: /etc/hostname inside the root, or gethostname() for the live system.
  std::string hostname() const;

 private:
  std::string root_;
  bool live_;
};

// Splits text into lines (without the trailing '\n' or '\r\n').
std::vector<std::string_view> split_lines(std::string_view text);
// Trims ASCII whitespace from both ends.
std::string_view trim(std::string_view s);

}  // namespace sw
