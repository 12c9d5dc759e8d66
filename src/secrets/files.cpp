// SPDX-License-Identifier: Apache-2.0
// File and stream sources of the secret scanner: a directory walker (std::filesystem, error_code
// overloads only) feeding a bounded queue of paths to one FragmentScanner per thread. See files.h
// for the semantics. Hand-written: the walk's rules (gitleaks' .git and allowlist pruning, symlink
// policy, loop detection, gitignore pruning) are ours to decide; libgit2 answers gitignore.
#include "secrets/files.h"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "secrets/bounded_queue.h"
#include "secrets/file_reader.h"
#include "secrets/gitignore.h"

namespace sw::secrets {
namespace {

namespace fs = std::filesystem;

constexpr int kMaxThreads = 256;
constexpr int kMaxDepth = 512;

struct WorkItem {
  uint64_t seq = 0;       // walk order, to break ties between equal reported paths
  std::string fs_path;    // what to open
  std::string display;    // what to report
  bool no_follow = true;  // the walker saw a regular file, not a symlink to one
};

// The walker blocks when the workers fall behind, so few paths wait in memory.
using WorkQueue = BoundedQueue<WorkItem>;

struct FileMatches {
  uint64_t seq = 0;
  std::string path;
  std::vector<SecretMatch> matches;
};

// What one thread (a worker, or the walker) collected; merged at the end.
struct Collected {
  std::vector<FileMatches> found;
  std::vector<SkippedFile> skipped;
  std::vector<Error> errors;
  uint64_t files = 0;
  uint64_t bytes = 0;
  uint64_t allowlisted = 0;
  uint64_t ignored = 0;
};

Error with_file(const Error& error, const std::string& path) {
  if (!error.file().empty()) return error;
  return Error(error.code(), error.message(), path, error.line());
}

bool offers_path_only(std::string_view reason) {
  return reason == "binary" || reason.substr(0, 11) == "larger than";
}

// Reads one file and scans it with this thread's worker.
void scan_one(FragmentScanner& worker, FileReader& reader, const WorkItem& item, Collected& out) {
  auto load = reader.load(item.fs_path, item.no_follow);
  if (!load) {
    out.errors.push_back(Error(load.error().code(), load.error().message(), item.display));
    return;
  }
  Fragment fragment;
  fragment.path = item.display;
  switch (load->outcome) {
    case FileLoad::Outcome::kEmpty:
      ++out.files;
      return;
    case FileLoad::Outcome::kSkipped:
      out.skipped.push_back({item.display, load->reason});
      // Path-only rules (gitleaks' pkcs12-file) still see the file's name, with no text.
      if (!offers_path_only(load->reason)) return;
      break;
    case FileLoad::Outcome::kText:
      ++out.files;
      out.bytes += load->size;
      fragment.text = load->text;
      break;
  }
  std::vector<SecretMatch> matches;
  auto scanned = worker.scan(fragment, matches);
  if (!scanned) out.errors.push_back(with_file(scanned.error(), item.display));
  if (!matches.empty()) out.found.push_back({item.seq, item.display, std::move(matches)});
}

void worker_loop(FragmentScanner& worker, uint64_t max_file_size, WorkQueue& queue,
                 Collected& out) {
  FileReader reader(max_file_size);
  while (auto item = queue.pop()) {
    try {
      scan_one(worker, reader, *item, out);
    } catch (const std::exception& e) {
      out.errors.push_back(
          Error(Errc::kInternal, fmt::format("unexpected error: {}", e.what()), item->display));
    } catch (...) {
      out.errors.push_back(Error(Errc::kInternal, "unexpected error", item->display));
    }
  }
}

std::string skip_reason_for(const std::error_code& ec) {
  if (ec == std::errc::permission_denied || ec == std::errc::operation_not_permitted) {
    return "unreadable: permission denied";
  }
  if (ec == std::errc::too_many_symbolic_link_levels) return "symlink loop";
  return {};
}

std::string file_type_name(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo:
      return "fifo";
    case fs::file_type::socket:
      return "socket";
    case fs::file_type::character:
      return "character device";
    case fs::file_type::block:
      return "block device";
    default:
      return "unknown type";
  }
}

struct DevIno {
  dev_t dev;
  ino_t ino;
  bool operator==(const DevIno&) const = default;
};

std::optional<DevIno> dev_ino(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return DevIno{st.st_dev, st.st_ino};
}

// "src/" for "./src/", "" for "." (the reported prefix of a directory root's files).
std::string display_prefix_of(const std::string& root) {
  std::string norm = fs::path(root).lexically_normal().string();
  while (norm.size() > 1 && norm.back() == '/') norm.pop_back();
  if (norm.empty() || norm == ".") return {};
  if (norm == "/") return norm;
  return norm + "/";
}

class Walker {
 public:
  Walker(const FileScanOptions& options, WorkQueue& queue, Collected& out)
      : options_(options), queue_(queue), out_(out) {}

  void walk_root(const std::string& root, bool relative) {
    std::error_code ec;
    fs::file_status st = fs::status(root, ec);
    if (ec) {
      std::error_code lec;
      fs::file_status lst = fs::symlink_status(root, lec);
      if (!lec && fs::is_symlink(lst) && ec == std::errc::no_such_file_or_directory) {
        skip(root, "broken symlink");
      } else if (std::string reason = skip_reason_for(ec); !reason.empty()) {
        skip(root, reason);
      } else if (ec == std::errc::no_such_file_or_directory) {
        out_.errors.push_back(Error(Errc::kNotFound, "no such file or directory", root));
      } else {
        out_.errors.push_back(Error(Errc::kIo, ec.message(), root));
      }
      return;
    }
    if (fs::is_regular_file(st)) {
      if (skipped_by_allowlist(root)) return;
      queue_.push({next_seq_++, root, root, false});
      return;
    }
    if (!fs::is_directory(st)) {
      skip(root, fmt::format("not a regular file ({})", file_type_name(st.type())));
      return;
    }
    ignore_.reset();
    ignore_error_reported_ = false;
    if (options_.respect_gitignore) {
      auto ignore = GitIgnore::open(root);
      if (ignore) {
        ignore_ = std::move(*ignore);
      } else {
        out_.errors.push_back(ignore.error());
      }
    }
    root_ = root;
    std::vector<DevIno> ancestors;
    if (auto id = dev_ino(root)) ancestors.push_back(*id);
    walk_dir(fs::path(root), "", relative ? std::string() : display_prefix_of(root), ancestors, 0);
  }

 private:
  struct Entry {
    std::string name;
    fs::file_type type;
  };

  void skip(const std::string& display, std::string reason) {
    out_.skipped.push_back({display, std::move(reason)});
  }

  bool skipped_by_allowlist(const std::string& display) {
    if (options_.skip_path && options_.skip_path(display)) {
      ++out_.allowlisted;
      return true;
    }
    return false;
  }

  void walk_dir(const fs::path& dir, const std::string& rel_prefix,
                const std::string& display_prefix, std::vector<DevIno>& ancestors, int depth) {
    std::string dir_display = root_;
    if (!rel_prefix.empty()) {
      dir_display = display_prefix + rel_prefix;
      dir_display.pop_back();  // the '/'
    }
    std::error_code ec;
    fs::directory_iterator it(dir, fs::directory_options::none, ec);
    if (ec) {
      report_dir_error(dir_display, ec);
      return;
    }
    std::vector<Entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      std::error_code tec;
      fs::file_status st = it->symlink_status(tec);
      entries.push_back({it->path().filename().string(), tec ? fs::file_type::unknown : st.type()});
    }
    if (ec) report_dir_error(dir_display, ec);  // keep what was listed
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    for (const Entry& entry : entries) {
      visit(dir / entry.name, entry, rel_prefix, display_prefix, ancestors, depth);
    }
  }

  void report_dir_error(const std::string& display, const std::error_code& ec) {
    if (std::string reason = skip_reason_for(ec); !reason.empty()) {
      skip(display, reason);
    } else {
      out_.errors.push_back(
          Error(Errc::kIo, fmt::format("cannot list the directory: {}", ec.message()), display));
    }
  }

  void visit(const fs::path& full, const Entry& entry, const std::string& rel_prefix,
             const std::string& display_prefix, std::vector<DevIno>& ancestors, int depth) {
    std::string rel = rel_prefix + entry.name;
    std::string display = display_prefix + rel;
    fs::file_type type = entry.type;
    if (type == fs::file_type::unknown) {
      std::error_code ec;
      type = fs::symlink_status(full, ec).type();
      if (ec) {
        report_dir_error(display, ec);
        return;
      }
    }
    bool via_symlink = type == fs::file_type::symlink;
    if (via_symlink) {
      std::error_code ec;
      fs::file_status target = fs::status(full, ec);
      if (ec) {
        if (entry.name == ".git") return;
        if (skipped_by_allowlist(display) || skipped_by_gitignore(rel)) return;
        if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory) {
          skip(display, "broken symlink");
        } else if (std::string reason = skip_reason_for(ec); !reason.empty()) {
          skip(display, reason);
        } else {
          skip(display, fmt::format("unresolvable symlink: {}", ec.message()));
        }
        return;
      }
      type = target.type();
    }
    if (type == fs::file_type::directory && entry.name == ".git") return;
    if (skipped_by_allowlist(display) || skipped_by_gitignore(rel)) return;
    if (via_symlink && !options_.follow_symlinks) {
      skip(display, "symlink (not followed)");
      return;
    }
    switch (type) {
      case fs::file_type::regular:
        queue_.push({next_seq_++, full.string(), display, !via_symlink});
        return;
      case fs::file_type::directory:
        enter(full, rel, display, display_prefix, ancestors, depth, via_symlink);
        return;
      case fs::file_type::not_found:
        return;  // removed since it was listed
      default:
        skip(display, fmt::format("not a regular file ({})", file_type_name(type)));
        return;
    }
  }

  void enter(const fs::path& full, const std::string& rel, const std::string& display,
             const std::string& display_prefix, std::vector<DevIno>& ancestors, int depth,
             bool via_symlink) {
    if (depth + 1 > kMaxDepth) {
      skip(display, fmt::format("nested deeper than {} directories", kMaxDepth));
      return;
    }
    std::optional<DevIno> id = dev_ino(full);
    if (id && std::find(ancestors.begin(), ancestors.end(), *id) != ancestors.end()) {
      skip(display,
           via_symlink ? "symlink loop" : "filesystem loop (a directory mounted inside itself)");
      return;
    }
    if (id) ancestors.push_back(*id);
    walk_dir(full, rel + "/", display_prefix, ancestors, depth + 1);
    if (id) ancestors.pop_back();
  }

  // On a libgit2 error the path is scanned (more is scanned, nothing is missed) and the first
  // error of the root is reported.
  bool skipped_by_gitignore(const std::string& rel) {
    if (!ignore_) return false;
    auto ignored = ignore_->ignored(rel);
    if (!ignored) {
      if (!ignore_error_reported_) {
        out_.errors.push_back(Error(ignored.error().code(),
                                    ignored.error().message() + "; scanning without them", root_));
        ignore_error_reported_ = true;
      }
      return false;
    }
    if (*ignored) ++out_.ignored;
    return *ignored;
  }

  const FileScanOptions& options_;
  WorkQueue& queue_;
  Collected& out_;
  std::optional<GitIgnore> ignore_;
  bool ignore_error_reported_ = false;
  std::string root_;  // the directory root being walked, as given
  uint64_t next_seq_ = 0;
};

FileScanResult merge(std::vector<Collected>& parts) {
  FileScanResult result;
  std::vector<FileMatches> found;
  for (Collected& part : parts) {
    std::move(part.found.begin(), part.found.end(), std::back_inserter(found));
    std::move(part.skipped.begin(), part.skipped.end(), std::back_inserter(result.skipped));
    std::move(part.errors.begin(), part.errors.end(), std::back_inserter(result.errors));
    result.files += part.files;
    result.bytes += part.bytes;
    result.allowlisted += part.allowlisted;
    result.ignored += part.ignored;
  }
  std::sort(found.begin(), found.end(), [](const FileMatches& a, const FileMatches& b) {
    return std::tie(a.path, a.seq) < std::tie(b.path, b.seq);
  });
  for (FileMatches& file : found) {
    std::move(file.matches.begin(), file.matches.end(), std::back_inserter(result.matches));
  }
  std::sort(result.skipped.begin(), result.skipped.end(),
            [](const SkippedFile& a, const SkippedFile& b) {
              return std::tie(a.path, a.reason) < std::tie(b.path, b.reason);
            });
  std::stable_sort(result.errors.begin(), result.errors.end(), [](const Error& a, const Error& b) {
    return std::tie(a.file(), a.message()) < std::tie(b.file(), b.message());
  });
  return result;
}

Result<std::vector<std::unique_ptr<FragmentScanner>>> make_workers(const WorkerFactory& factory,
                                                                   int count) {
  std::vector<std::unique_ptr<FragmentScanner>> workers;
  for (int i = 0; i < count; ++i) {
    auto worker = factory();
    if (!worker) return tl::unexpected(worker.error());
    if (!*worker) return fail(Errc::kInternal, "the worker factory returned no worker");
    workers.push_back(std::move(*worker));
  }
  return workers;
}

Result<FileScanResult> scan_files_impl(const std::vector<std::string>& roots,
                                       const FileScanOptions& options,
                                       const WorkerFactory& factory) {
  int threads = options.threads;
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  threads = std::min(threads, kMaxThreads);
  auto workers = make_workers(factory, threads);
  if (!workers) return tl::unexpected(workers.error());

  // parts[0..threads) belong to the workers, parts[threads] to the walker.
  std::vector<Collected> parts(static_cast<size_t>(threads) + 1);
  WorkQueue queue(static_cast<size_t>(threads) * 4);
  {
    std::vector<std::jthread> pool;
    WorkQueue::Closer closer{queue};  // destroyed before `pool`: workers see the end, then join
    for (int i = 0; i < threads; ++i) {
      auto index = static_cast<size_t>(i);
      pool.emplace_back([&workers, &queue, &parts, &options, index] {
        worker_loop(*(*workers)[index], options.max_file_size, queue, parts[index]);
      });
    }
    Walker walker(options, queue, parts.back());
    bool relative = options.relative_paths && roots.size() == 1;
    for (const std::string& root : roots) walker.walk_root(root, relative);
  }
  return merge(parts);
}

}  // namespace

Result<FileScanResult> scan_files(const std::vector<std::string>& roots,
                                  const FileScanOptions& options, const WorkerFactory& factory) {
  try {
    return scan_files_impl(roots, options, factory);
  } catch (const std::exception& e) {
    return fail(Errc::kInternal, fmt::format("file scan failed: {}", e.what()));
  }
}

namespace {

// Counts '\n' in `text` and finds the last one.
std::pair<int, size_t> newlines(std::string_view text) {
  int count = 0;
  size_t last = std::string_view::npos;
  for (size_t pos = text.find('\n'); pos != std::string_view::npos;
       pos = text.find('\n', pos + 1)) {
    ++count;
    last = pos;
  }
  return {count, last};
}

Result<FileScanResult> scan_stream_impl(int fd, std::string_view name, const WorkerFactory& factory,
                                        const StreamScanOptions& options) {
  auto workers = make_workers(factory, 1);
  if (!workers) return tl::unexpected(workers.error());
  FragmentScanner& worker = *workers->front();
  const std::string path(name);
  const size_t chunk = std::max(options.chunk_size, size_t{4096});
  std::string buffer(chunk, '\0');
  size_t have = 0;
  bool eof = false;
  int line_base = 0;    // lines wholly before the current chunk
  int column_base = 0;  // bytes of the current chunk's first line that were in earlier chunks
  FileScanResult result;
  result.files = 1;
  while (true) {
    while (!eof && have < chunk) {
      ssize_t n = ::read(fd, buffer.data() + have, chunk - have);
      if (n < 0) {
        if (errno == EINTR) continue;
        return tl::unexpected(error_from_errno(errno, "read", path));
      }
      if (n == 0) eof = true;
      have += static_cast<size_t>(n);
    }
    if (have == 0) break;
    size_t cut = have;
    if (!eof) {
      size_t last_newline = std::string_view(buffer.data(), have).rfind('\n');
      if (last_newline != std::string_view::npos) cut = last_newline + 1;
    }
    Fragment fragment;
    fragment.text = std::string_view(buffer.data(), cut);
    fragment.path = path;
    std::vector<SecretMatch> matches;
    auto scanned = worker.scan(fragment, matches);
    if (!scanned) result.errors.push_back(with_file(scanned.error(), path));
    for (SecretMatch& match : matches) {
      if (match.start_line == 1) match.start_column += column_base;
      if (match.end_line == 1) match.end_column += column_base;
      match.start_line += line_base;
      match.end_line += line_base;
      result.matches.push_back(std::move(match));
    }
    auto [count, last] = newlines(fragment.text);
    if (count > 0) {
      line_base += count;
      column_base = static_cast<int>(cut - (last + 1));
    } else {
      column_base += static_cast<int>(cut);
    }
    result.bytes += cut;
    buffer.erase(0, cut);
    buffer.resize(chunk, '\0');
    have -= cut;
    if (eof && have == 0) break;
  }
  return result;
}

}  // namespace

Result<FileScanResult> scan_stream(int fd, std::string_view name, const WorkerFactory& factory,
                                   const StreamScanOptions& options) {
  try {
    return scan_stream_impl(fd, name, factory, options);
  } catch (const std::exception& e) {
    return fail(Errc::kInternal, fmt::format("stream scan failed: {}", e.what()),
                std::string(name));
  }
}

}  // namespace sw::secrets
