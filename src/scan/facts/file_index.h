// SPDX-License-Identifier: Apache-2.0
// FileIndex: the one walk of the scanned filesystem that every file-permission check shares (other
// tools walk the disk once per test; we walk it once per scan).
//
// How it walks:
//  - openat / fdopendir / readdir / fstatat(AT_SYMLINK_NOFOLLOW), each name resolved relative to
//    its parent directory's fd: no path is re-resolved per file and no symlink is ever followed
//    (directories are opened with O_NOFOLLOW|O_DIRECTORY), so in `--root` mode nothing escapes.
//  - It crosses into other local filesystems (a separate /home, /boot, /var) but never into pseudo
//    or network ones: at every mount boundary (st_dev changes) the directory's fstatfs(2) type is
//    checked (proc, sysfs, devtmpfs, devpts, cgroup, cgroup2, securityfs, debugfs, tracefs,
//    configfs, bpf, pstore, efivarfs, mqueue, hugetlbfs, autofs, binfmt_misc, nfs, cifs/smb,
//    fuse, 9p, ceph, afs...). On the live system /proc/self/mountinfo adds the mount points whose
//    type is one of those, and tmpfs mounts under /run. /proc, /sys, /dev and /run are never
//    walked (in image mode they hold nothing of the image's own).
//  - Two threads: each walks depth-first and hands a subdirectory to the other when it is idle.
//
// What it keeps: only the entries some check needs (setuid/setgid regular files, world-writable
// regular files and directories, entries whose owner or group has no passwd/group entry), plus
// counters and the first few directories it could not read, so checks can say what they missed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/host.h"
#include "core/result.h"

namespace sw::scan {

class ScanContext;

struct IndexedFile {
  std::string path;  // as seen inside the scanned root ("/usr/bin/passwd")
  FileType type = FileType::kUnknown;
  uint32_t mode = 0;  // st_mode & 07777 (setuid 04000, setgid 02000, sticky 01000)
  uint32_t uid = 0;
  uint32_t gid = 0;
  uint64_t size = 0;
  uint64_t dev = 0;
};

struct FileIndex {
  // Kept lists hold at most kMaxKept entries each; the *_total counters are exact.
  static constexpr size_t kMaxKept = 10000;
  static constexpr size_t kMaxUnreadableKept = 10;

  bool walked = false;            // false when the walk was disabled (--no-walk)
  std::string not_walked_reason;  // why, when !walked

  std::vector<IndexedFile> setid;                 // regular files with setuid or setgid
  std::vector<IndexedFile> world_writable_files;  // regular files writable by others
  std::vector<IndexedFile> world_writable_dirs;   // directories writable by others (any sticky)
  std::vector<IndexedFile> unowned;               // uid without passwd entry or gid without group
  uint64_t setid_total = 0, world_writable_files_total = 0, world_writable_dirs_total = 0,
           unowned_total = 0;
  bool owners_known = false;  // passwd and group were read, so `unowned` means something

  uint64_t files = 0;   // entries visited that are not directories
  uint64_t dirs = 0;    // directories read
  uint64_t errors = 0;  // stat or open failures other than vanished entries
  uint64_t unreadable_dirs = 0;
  std::vector<std::string> unreadable_examples;  // first few unreadable directories (sorted)
  std::vector<std::string> skipped_mounts;       // pseudo/network mount points not walked
  double seconds = 0.0;                          // wall time of the walk

  // "could not read 3 directories (/a, /b, /c)"; empty when every directory was read.
  std::string unreadable_note() const;

  static Result<FileIndex> load(ScanContext& ctx);
};

class Outcome;
// For checks: the walked index, or nullptr after recording on `out` why it cannot be used (error
// when the walk failed, not applicable when it was disabled).
const FileIndex* file_index_or_verdict(ScanContext& ctx, Outcome& out);

struct WalkOptions {
  std::string root = "/";  // real directory to walk
  bool live = false;       // read /proc/self/mountinfo for mount types
  // Known owners (sorted); when `owners_known` is false no entry is recorded as unowned.
  std::vector<uint32_t> known_uids;
  std::vector<uint32_t> known_gids;
  bool owners_known = false;
  // Paths inside the root never walked (mount points, pseudo filesystems).
  std::vector<std::string> skip_paths = {"/proc", "/sys", "/dev", "/run"};
  int threads = 2;
};

// Walks `options.root`. Never throws for filesystem problems: they are counted in the result.
FileIndex walk_filesystem(const WalkOptions& options);

// Mount points (inside `root`) that the walk must skip, from /proc/self/mountinfo text
// (proc(5)): pseudo and network filesystem types, and tmpfs under /run. Octal escapes (\040) in
// mount points are decoded. Malformed lines are ignored.
std::vector<std::string> pseudo_mounts_from_mountinfo(std::string_view text, std::string_view root);

// Whether a filesystem type name (mountinfo's field after " - ") is pseudo or network.
bool is_pseudo_or_network_fs(std::string_view type);

}  // namespace sw::scan
