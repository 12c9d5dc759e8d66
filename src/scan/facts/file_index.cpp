// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/file_index.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_set>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"

namespace sw::scan {
namespace {

constexpr int kMaxDepth = 256;    // deeper trees are counted as errors, never followed
constexpr size_t kMaxQueue = 64;  // directories (open fds) handed between threads at once

// statfs(2) f_type values of pseudo and network filesystems (linux/magic.h and the filesystems'
// sources; written out so the build does not depend on the kernel headers' vintage).
constexpr uint64_t kPseudoMagics[] = {
    0x9fa0,      // proc
    0x62656572,  // sysfs
    0x1cd1,      // devpts
    0x27e0eb,    // cgroup
    0x63677270,  // cgroup2
    0x73636673,  // securityfs
    0x64626720,  // debugfs
    0x74726163,  // tracefs
    0x62656570,  // configfs
    0xcafe4a11,  // bpf
    0x6165676c,  // pstore
    0xde5e81e4,  // efivarfs
    0x19800202,  // mqueue
    0x958458f6,  // hugetlbfs
    0x0187,      // autofs
    0x42494e4d,  // binfmt_misc
    0x65735543,  // fusectl
    0x6e736673,  // nsfs
    0xf97cff8c,  // selinuxfs
    0x6969,      // nfs
    0x517b,      // smbfs
    0xff534d42,  // cifs
    0xfe534d42,  // smb2
    0x65735546,  // fuse (fuse.*, fuseblk)
    0x01021997,  // 9p
    0x00c36400,  // ceph
    0x5346414f,  // afs
    0x6b414653,  // kafs
    0x67596969,  // rpc_pipefs
};

bool is_pseudo_magic(uint64_t magic) {
  return std::find(std::begin(kPseudoMagics), std::end(kPseudoMagics), magic) !=
         std::end(kPseudoMagics);
}

FileType type_of(mode_t m) {
  if (S_ISREG(m)) return FileType::kRegular;
  if (S_ISDIR(m)) return FileType::kDirectory;
  if (S_ISLNK(m)) return FileType::kSymlink;
  if (S_ISCHR(m)) return FileType::kCharDevice;
  if (S_ISBLK(m)) return FileType::kBlockDevice;
  if (S_ISFIFO(m)) return FileType::kFifo;
  if (S_ISSOCK(m)) return FileType::kSocket;
  return FileType::kUnknown;
}

std::string join(const std::string& dir, std::string_view name) {
  std::string out;
  out.reserve(dir.size() + 1 + name.size());
  out = dir;
  if (out.empty() || out.back() != '/') out += '/';
  out += name;
  return out;
}

struct DirCloser {
  void operator()(DIR* d) const { ::closedir(d); }
};

// What one thread found; merged at the end.
struct Partial {
  FileIndex index;
};

class Walker {
 public:
  explicit Walker(const WalkOptions& options)
      : opt_(options), skip_(options.skip_paths.begin(), options.skip_paths.end()) {}

  FileIndex run() {
    auto start = std::chrono::steady_clock::now();
    int threads = std::max(1, opt_.threads);
    std::vector<Partial> parts(static_cast<size_t>(threads));
    int root_fd = ::open(opt_.root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (root_fd < 0) {
      FileIndex out;
      out.walked = true;
      ++out.unreadable_dirs;
      out.unreadable_examples.push_back("/");
      return out;
    }
    struct stat st {};
    if (::fstat(root_fd, &st) == 0) consider(parts[0].index, "/", st);
    queue_.push_back(Task{root_fd, "/", static_cast<uint64_t>(st.st_dev), 0});
    nthreads_ = threads;
    {
      std::vector<std::jthread> pool;
      for (int i = 1; i < threads; ++i) {
        pool.emplace_back([this, &parts, i] { worker(parts[static_cast<size_t>(i)].index); });
      }
      worker(parts[0].index);
    }
    FileIndex out = merge(parts);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
  }

 private:
  struct Task {
    int fd;
    std::string path;
    uint64_t dev;
    int depth;
  };
  struct Sub {
    std::string name;
    uint64_t dev;
  };

  void worker(FileIndex& out) {
    for (;;) {
      Task task;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ++idle_;
        idle_hint_.store(idle_, std::memory_order_relaxed);
        while (queue_.empty() && !done_) {
          if (idle_ == nthreads_) {
            done_ = true;
            cv_.notify_all();
            break;
          }
          cv_.wait(lock);
        }
        if (queue_.empty()) return;
        task = std::move(queue_.front());
        queue_.pop_front();
        --idle_;
        idle_hint_.store(idle_, std::memory_order_relaxed);
      }
      walk_dir(task.fd, task.path, task.dev, task.depth, out);
    }
  }

  void unreadable(FileIndex& out, const std::string& path) {
    ++out.unreadable_dirs;
    if (out.unreadable_examples.size() < FileIndex::kMaxUnreadableKept) {
      out.unreadable_examples.push_back(path);
    }
  }

  static void keep(std::vector<IndexedFile>& list, uint64_t& total, const std::string& path,
                   const struct stat& st) {
    ++total;
    if (list.size() >= FileIndex::kMaxKept) return;
    list.push_back(IndexedFile{path, type_of(st.st_mode), static_cast<uint32_t>(st.st_mode & 07777),
                               st.st_uid, st.st_gid, static_cast<uint64_t>(st.st_size),
                               static_cast<uint64_t>(st.st_dev)});
  }

  bool known(const std::vector<uint32_t>& ids, uint32_t id) const {
    return std::binary_search(ids.begin(), ids.end(), id);
  }

  // Records an entry in the lists it belongs to. `path` is built lazily by the caller only when
  // interesting() says so, to keep the common case allocation-free.
  bool interesting(const struct stat& st) const {
    mode_t m = st.st_mode;
    if (S_ISREG(m) && (m & (S_ISUID | S_ISGID | S_IWOTH))) return true;
    if (S_ISDIR(m) && (m & S_IWOTH)) return true;
    if (opt_.owners_known &&
        (!known(opt_.known_uids, st.st_uid) || !known(opt_.known_gids, st.st_gid)))
      return true;
    return false;
  }

  void consider(FileIndex& out, const std::string& path, const struct stat& st) {
    mode_t m = st.st_mode;
    if (S_ISREG(m) && (m & (S_ISUID | S_ISGID))) keep(out.setid, out.setid_total, path, st);
    if (S_ISREG(m) && (m & S_IWOTH))
      keep(out.world_writable_files, out.world_writable_files_total, path, st);
    if (S_ISDIR(m) && (m & S_IWOTH))
      keep(out.world_writable_dirs, out.world_writable_dirs_total, path, st);
    if (opt_.owners_known &&
        (!known(opt_.known_uids, st.st_uid) || !known(opt_.known_gids, st.st_gid)))
      keep(out.unowned, out.unowned_total, path, st);
  }

  void walk_dir(int fd, const std::string& path, uint64_t dev, int depth, FileIndex& out) {
    std::unique_ptr<DIR, DirCloser> dir(::fdopendir(fd));
    if (!dir) {
      ::close(fd);
      ++out.errors;
      return;
    }
    int dfd = ::dirfd(dir.get());
    ++out.dirs;
    std::vector<Sub> subs;
    errno = 0;
    while (struct dirent* e = ::readdir(dir.get())) {
      const char* name = e->d_name;
      if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'))) continue;
      struct stat st {};
      if (::fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == EACCES || errno == EPERM) {
          unreadable(out, path);  // listable but not searchable: its entries cannot be judged
          return;
        }
        if (errno != ENOENT) ++out.errors;  // a vanished entry is not an error
        continue;
      }
      if (S_ISDIR(st.st_mode)) {
        subs.push_back(Sub{name, static_cast<uint64_t>(st.st_dev)});
      } else {
        ++out.files;
      }
      if (interesting(st)) consider(out, join(path, name), st);
      errno = 0;
    }
    if (errno != 0) ++out.errors;
    for (auto& sub : subs) {
      std::string child = join(path, sub.name);
      if (skip_.count(child)) {
        out.skipped_mounts.push_back(child);
        continue;
      }
      if (depth + 1 > kMaxDepth) {
        ++out.errors;
        continue;
      }
      int cfd = ::openat(dfd, sub.name.c_str(),
                         O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
      if (cfd < 0) {
        if (errno == EACCES || errno == EPERM) {
          unreadable(out, child);
        } else if (errno != ENOENT) {
          ++out.errors;
        }
        continue;
      }
      if (sub.dev != dev) {  // a mount point: never enter pseudo or network filesystems
        struct statfs sfs {};
        if (::fstatfs(cfd, &sfs) == 0 && is_pseudo_magic(static_cast<uint64_t>(sfs.f_type))) {
          ::close(cfd);
          out.skipped_mounts.push_back(child);
          continue;
        }
      }
      if (idle_hint_.load(std::memory_order_relaxed) > 0) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (idle_ > 0 && queue_.size() < kMaxQueue) {
          queue_.push_back(Task{cfd, std::move(child), sub.dev, depth + 1});
          cv_.notify_one();
          continue;
        }
      }
      walk_dir(cfd, child, sub.dev, depth + 1, out);
    }
  }

  static FileIndex merge(std::vector<Partial>& parts) {
    FileIndex out;
    out.walked = true;
    auto by_path = [](const IndexedFile& a, const IndexedFile& b) { return a.path < b.path; };
    auto take = [&](std::vector<IndexedFile> FileIndex::*list, uint64_t FileIndex::*total) {
      for (auto& p : parts) {
        auto& src = p.index.*list;
        (out.*list).insert((out.*list).end(), std::make_move_iterator(src.begin()),
                           std::make_move_iterator(src.end()));
        out.*total += p.index.*total;
      }
      std::sort((out.*list).begin(), (out.*list).end(), by_path);
      if ((out.*list).size() > FileIndex::kMaxKept) (out.*list).resize(FileIndex::kMaxKept);
    };
    take(&FileIndex::setid, &FileIndex::setid_total);
    take(&FileIndex::world_writable_files, &FileIndex::world_writable_files_total);
    take(&FileIndex::world_writable_dirs, &FileIndex::world_writable_dirs_total);
    take(&FileIndex::unowned, &FileIndex::unowned_total);
    for (auto& p : parts) {
      out.files += p.index.files;
      out.dirs += p.index.dirs;
      out.errors += p.index.errors;
      out.unreadable_dirs += p.index.unreadable_dirs;
      out.unreadable_examples.insert(out.unreadable_examples.end(),
                                     p.index.unreadable_examples.begin(),
                                     p.index.unreadable_examples.end());
      out.skipped_mounts.insert(out.skipped_mounts.end(), p.index.skipped_mounts.begin(),
                                p.index.skipped_mounts.end());
    }
    std::sort(out.unreadable_examples.begin(), out.unreadable_examples.end());
    if (out.unreadable_examples.size() > FileIndex::kMaxUnreadableKept)
      out.unreadable_examples.resize(FileIndex::kMaxUnreadableKept);
    std::sort(out.skipped_mounts.begin(), out.skipped_mounts.end());
    return out;
  }

  const WalkOptions& opt_;
  std::unordered_set<std::string> skip_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<Task> queue_;
  int idle_ = 0;
  int nthreads_ = 1;
  bool done_ = false;
  std::atomic<int> idle_hint_{0};
};

// Decodes mountinfo's octal escapes ("\040" for a space).
std::string unescape_mount(std::string_view s) {
  auto oct = [](char c) { return c >= '0' && c <= '7'; };
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 3 < s.size() && oct(s[i + 1]) && oct(s[i + 2]) && oct(s[i + 3])) {
      out +=
          static_cast<char>(((s[i + 1] - '0') << 6) | ((s[i + 2] - '0') << 3) | (s[i + 3] - '0'));
      i += 3;
      continue;
    }
    out += s[i];
  }
  return out;
}

}  // namespace

bool is_pseudo_or_network_fs(std::string_view type) {
  static constexpr std::string_view kTypes[] = {
      "proc",      "sysfs",     "devtmpfs",    "devpts",  "cgroup",  "cgroup2",   "securityfs",
      "debugfs",   "tracefs",   "configfs",    "bpf",     "pstore",  "efivarfs",  "mqueue",
      "hugetlbfs", "autofs",    "binfmt_misc", "fusectl", "nsfs",    "selinuxfs", "rpc_pipefs",
      "nfs",       "nfs4",      "cifs",        "smb3",    "smbfs",   "9p",        "ceph",
      "afs",       "glusterfs", "lustre",      "fuse",    "fuseblk", "sshfs"};
  if (type.starts_with("fuse.")) return true;
  return std::find(std::begin(kTypes), std::end(kTypes), type) != std::end(kTypes);
}

std::vector<std::string> pseudo_mounts_from_mountinfo(std::string_view text,
                                                      std::string_view root) {
  std::vector<std::string> out;
  std::string prefix(root);
  while (prefix.size() > 1 && prefix.back() == '/') prefix.pop_back();
  for (auto line : split_lines(text)) {
    size_t sep = line.find(" - ");
    if (sep == std::string_view::npos) continue;
    std::vector<std::string_view> head;
    std::string_view left = line.substr(0, sep);
    size_t i = 0;
    while (i <= left.size() && head.size() < 5) {
      size_t j = left.find(' ', i);
      if (j == std::string_view::npos) j = left.size();
      head.push_back(left.substr(i, j - i));
      i = j + 1;
    }
    if (head.size() < 5) continue;
    std::string_view right = line.substr(sep + 3);
    std::string_view type = right.substr(0, right.find(' '));
    std::string mount = unescape_mount(head[4]);
    if (mount.empty() || mount.front() != '/') continue;
    std::string inside;
    if (prefix == "/") {
      inside = mount;
    } else if (mount == prefix) {
      inside = "/";
    } else if (mount.size() > prefix.size() && mount.compare(0, prefix.size(), prefix) == 0 &&
               mount[prefix.size()] == '/') {
      inside = mount.substr(prefix.size());
    } else {
      continue;
    }
    bool under_run = inside == "/run" || inside.starts_with("/run/");
    if (is_pseudo_or_network_fs(type) || (type == "tmpfs" && under_run)) {
      if (inside != "/") out.push_back(std::move(inside));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

FileIndex walk_filesystem(const WalkOptions& options) { return Walker(options).run(); }

std::string FileIndex::unreadable_note() const {
  if (unreadable_dirs == 0) return {};
  std::string list;
  for (const auto& p : unreadable_examples) {
    if (!list.empty()) list += ", ";
    list += p;
  }
  if (unreadable_dirs > unreadable_examples.size()) list += ", ...";
  return fmt::format("could not read {} director{} ({})", unreadable_dirs,
                     unreadable_dirs == 1 ? "y" : "ies", list);
}

Result<FileIndex> FileIndex::load(ScanContext& ctx) {
  if (!ctx.options().walk) {
    FileIndex out;
    out.not_walked_reason = "filesystem walk disabled (--no-walk)";
    return out;
  }
  const Host& host = ctx.host();
  WalkOptions opt;
  opt.root = host.root();
  opt.live = host.live();
  if (host.live()) {
    if (auto text = host.read_file("/proc/self/mountinfo", 16u << 20)) {
      for (auto& p : pseudo_mounts_from_mountinfo(*text, host.root())) {
        opt.skip_paths.push_back(std::move(p));
      }
    }
  }
  const auto& accounts = ctx.fact<Accounts>();
  if (accounts && !accounts->passwd_error && !accounts->group_error &&
      !accounts->accounts.empty() && !accounts->groups.empty()) {
    for (const auto& a : accounts->accounts) opt.known_uids.push_back(a.uid);
    for (const auto& g : accounts->groups) opt.known_gids.push_back(g.gid);
    std::sort(opt.known_uids.begin(), opt.known_uids.end());
    std::sort(opt.known_gids.begin(), opt.known_gids.end());
    opt.owners_known = true;
  }
  FileIndex out = walk_filesystem(opt);
  out.owners_known = opt.owners_known;
  return out;
}

const FileIndex* file_index_or_verdict(ScanContext& ctx, Outcome& out) {
  const auto& idx = ctx.fact<FileIndex>();
  if (!idx) {
    out.error(idx.error().to_string());
    return nullptr;
  }
  if (!idx->walked) {
    out.not_applicable(idx->not_walked_reason);
    return nullptr;
  }
  return &*idx;
}

}  // namespace sw::scan
