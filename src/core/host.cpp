// SPDX-License-Identifier: Apache-2.0
#include "core/host.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <deque>
#include <filesystem>
#include <memory>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace sw {
namespace {

constexpr int kMaxSymlinks = 40;  // as the kernel's MAXSYMLINKS

FileType type_from_mode(mode_t m) {
  if (S_ISREG(m)) return FileType::kRegular;
  if (S_ISDIR(m)) return FileType::kDirectory;
  if (S_ISLNK(m)) return FileType::kSymlink;
  if (S_ISCHR(m)) return FileType::kCharDevice;
  if (S_ISBLK(m)) return FileType::kBlockDevice;
  if (S_ISFIFO(m)) return FileType::kFifo;
  if (S_ISSOCK(m)) return FileType::kSocket;
  return FileType::kUnknown;
}

FileType type_from_dtype(unsigned char t) {
  switch (t) {
    case DT_REG:
      return FileType::kRegular;
    case DT_DIR:
      return FileType::kDirectory;
    case DT_LNK:
      return FileType::kSymlink;
    case DT_CHR:
      return FileType::kCharDevice;
    case DT_BLK:
      return FileType::kBlockDevice;
    case DT_FIFO:
      return FileType::kFifo;
    case DT_SOCK:
      return FileType::kSocket;
    default:
      return FileType::kUnknown;
  }
}

FileStat to_file_stat(const struct stat& st) {
  FileStat fs;
  fs.type = type_from_mode(st.st_mode);
  fs.mode = st.st_mode & 07777;
  fs.uid = st.st_uid;
  fs.gid = st.st_gid;
  fs.size = static_cast<uint64_t>(st.st_size);
  fs.mtime = st.st_mtim.tv_sec;
  fs.dev = st.st_dev;
  fs.ino = st.st_ino;
  fs.nlink = st.st_nlink;
  return fs;
}

void push_components(std::string_view path, std::deque<std::string>& out, bool front) {
  std::vector<std::string> parts;
  size_t i = 0;
  while (i < path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) parts.emplace_back(path.substr(i, j - i));
    i = j + 1;
  }
  if (front) {
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) out.push_front(*it);
  } else {
    for (auto& p : parts) out.push_back(std::move(p));
  }
}

struct DirCloser {
  void operator()(DIR* d) const { closedir(d); }
};

}  // namespace

Host::Host(std::string root) : Host(root, false) { live_ = root_ == "/"; }

Host::Host(std::string root, bool live) : live_(live) {
  std::error_code ec;
  auto abs = std::filesystem::absolute(root.empty() ? "/" : root, ec);
  std::string s = ec ? root : abs.lexically_normal().string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  root_ = s.empty() ? "/" : s;
}

std::string Host::real_path(std::string_view path, bool follow_last) const {
  if (root_ == "/")
    return path.empty() || path.front() != '/' ? "/" + std::string(path) : std::string(path);
  std::deque<std::string> todo;
  push_components(path, todo, false);
  std::vector<std::string> done;
  int links = 0;
  auto join = [&](const std::vector<std::string>& parts) {
    std::string out = root_;
    for (const auto& p : parts) out += "/" + p;
    return out;
  };
  while (!todo.empty()) {
    std::string part = std::move(todo.front());
    todo.pop_front();
    if (part == ".") continue;
    if (part == "..") {
      if (!done.empty()) done.pop_back();
      continue;
    }
    done.push_back(part);
    bool last = todo.empty();
    if (last && !follow_last) break;
    std::string current = join(done);
    struct stat st {};
    if (::lstat(current.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) continue;
    if (++links > kMaxSymlinks) break;  // the final open then fails with ELOOP-like ENOENT
    std::array<char, PATH_MAX> buf{};
    ssize_t n = ::readlink(current.c_str(), buf.data(), buf.size() - 1);
    if (n < 0) continue;
    std::string_view target(buf.data(), static_cast<size_t>(n));
    done.pop_back();
    if (!target.empty() && target.front() == '/') done.clear();
    push_components(target, todo, true);
  }
  return join(done);
}

Result<std::string> Host::read_file(std::string_view path, size_t max_bytes) const {
  std::string real = real_path(path);
  int fd = ::open(real.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) return Unexpected(error_from_errno(errno, "cannot open", std::string(path)));
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return fail(Errc::kIo, "is a directory", std::string(path));
  }
  if (::fstat(fd, &st) == 0 && !S_ISREG(st.st_mode) && root_ != "/" && !live_) {
    ::close(fd);  // never block on a FIFO or device node inside an image
    return fail(Errc::kUnsupported, "not a regular file", std::string(path));
  }
  std::string out;
  std::array<char, 65536> buf{};
  for (;;) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return Unexpected(error_from_errno(err, "read failed", std::string(path)));
    }
    if (n == 0) break;
    if (out.size() + static_cast<size_t>(n) > max_bytes) {
      ::close(fd);
      return fail(Errc::kIo, fmt::format("larger than the {} byte limit", max_bytes),
                  std::string(path));
    }
    out.append(buf.data(), static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

Result<FileStat> Host::stat(std::string_view path) const {
  struct stat st {};
  if (::stat(real_path(path).c_str(), &st) != 0) {
    return Unexpected(error_from_errno(errno, "cannot stat", std::string(path)));
  }
  return to_file_stat(st);
}

Result<FileStat> Host::lstat(std::string_view path) const {
  struct stat st {};
  if (::lstat(real_path(path, false).c_str(), &st) != 0) {
    return Unexpected(error_from_errno(errno, "cannot stat", std::string(path)));
  }
  return to_file_stat(st);
}

Result<std::vector<DirEntry>> Host::list_dir(std::string_view path) const {
  std::unique_ptr<DIR, DirCloser> dir(::opendir(real_path(path).c_str()));
  if (!dir) return Unexpected(error_from_errno(errno, "cannot list", std::string(path)));
  std::vector<DirEntry> out;
  while (struct dirent* e = ::readdir(dir.get())) {
    std::string_view name(e->d_name);
    if (name == "." || name == "..") continue;
    out.push_back(DirEntry{std::string(name), type_from_dtype(e->d_type)});
  }
  std::sort(out.begin(), out.end(),
            [](const DirEntry& a, const DirEntry& b) { return a.name < b.name; });
  return out;
}

Result<std::string> Host::read_link(std::string_view path) const {
  std::array<char, PATH_MAX> buf{};
  ssize_t n = ::readlink(real_path(path, false).c_str(), buf.data(), buf.size() - 1);
  if (n < 0) return Unexpected(error_from_errno(errno, "cannot read link", std::string(path)));
  return std::string(buf.data(), static_cast<size_t>(n));
}

bool Host::exists(std::string_view path) const {
  struct stat st {};
  return ::stat(real_path(path).c_str(), &st) == 0;
}

std::vector<std::string> Host::list_files(std::string_view dir, std::string_view suffix) const {
  std::vector<std::string> out;
  auto entries = list_dir(dir);
  if (!entries) return out;
  std::string base(dir);
  if (base.empty() || base.back() != '/') base += '/';
  for (const auto& e : *entries) {
    if (!suffix.empty() && !std::string_view(e.name).ends_with(suffix)) continue;
    std::string full = base + e.name;
    auto st = stat(full);
    if (st && st->type == FileType::kRegular) out.push_back(std::move(full));
  }
  return out;
}

std::string Host::hostname() const {
  if (root_ == "/") {
    std::array<char, 256> buf{};
    if (::gethostname(buf.data(), buf.size() - 1) == 0 && buf[0] != '\0') return buf.data();
  }
  auto text = read_file("/etc/hostname", 4096);
  if (text) {
    for (auto line : split_lines(*text)) {
      auto t = trim(line);
      if (!t.empty() && t.front() != '#') return std::string(t);
    }
  }
  return "localhost";
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find('\n', i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view line = text.substr(i, j - i);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.push_back(line);
    i = j + 1;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  const char* ws = " \t\r\n\f\v";
  size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

}  // namespace sw
