// SPDX-License-Identifier: Apache-2.0
// FileReader: read(2) into a reused buffer or mmap(2), one file at a time. See file_reader.h.
#include "secrets/file_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "core/unique_fd.h"
#include "secrets/binary.h"

namespace sw::secrets {
namespace {

std::string type_name(mode_t mode) {
  if (S_ISDIR(mode)) return "directory";
  if (S_ISFIFO(mode)) return "fifo";
  if (S_ISSOCK(mode)) return "socket";
  if (S_ISCHR(mode)) return "character device";
  if (S_ISBLK(mode)) return "block device";
  if (S_ISLNK(mode)) return "symlink";
  return "unknown type";
}

FileLoad skipped(std::string reason, uint64_t size = 0) {
  FileLoad load;
  load.outcome = FileLoad::Outcome::kSkipped;
  load.reason = std::move(reason);
  load.size = size;
  return load;
}

bool is_permission(int err) { return err == EACCES || err == EPERM; }

// Reads into buffer[got, size) until it is full or at end of file; `got` advances. Returns 0 or
// the errno of a failed read.
int read_into(int fd, std::string& buffer, size_t& got) {
  while (got < buffer.size()) {
    ssize_t n = ::read(fd, buffer.data() + got, buffer.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  return 0;
}

}  // namespace

struct FileReader::Mapping {
  void* addr = MAP_FAILED;
  size_t length = 0;
  Mapping(void* a, size_t l) : addr(a), length(l) {}
  ~Mapping() {
    if (addr != MAP_FAILED) ::munmap(addr, length);
  }
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
};

std::string human_size(uint64_t bytes) {
  static constexpr const char* kUnits[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return fmt::format("{} bytes", bytes);
  double value = static_cast<double>(bytes);
  size_t unit = 0;
  while (value >= 1024.0 && unit + 1 < std::size(kUnits)) {
    value /= 1024.0;
    ++unit;
  }
  std::string text = fmt::format("{:.1f}", value);
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return fmt::format("{} {}", text, kUnits[unit]);
}

FileReader::FileReader(uint64_t max_file_size, uint64_t mmap_threshold)
    : max_file_size_(max_file_size), mmap_threshold_(mmap_threshold) {}

FileReader::~FileReader() = default;

Result<FileLoad> FileReader::load(const std::string& path, bool no_follow) {
  mapping_.reset();
  // A buffer grown for one big file is not kept for the rest of the scan.
  if (buffer_.capacity() > (size_t{4} << 20)) std::string().swap(buffer_);

  int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;
  if (no_follow) flags |= O_NOFOLLOW;
  UniqueFd fd(::open(path.c_str(), flags));
  if (fd.get() < 0) {
    int err = errno;
    if (is_permission(err)) return skipped("unreadable: permission denied");
    if (err == ELOOP) return skipped(no_follow ? "symlink (not followed)" : "symlink loop");
    if (err == ENOENT) return skipped("vanished during the scan");
    if (err == ENXIO) return skipped("not a regular file (socket or fifo)");
    return tl::unexpected(error_from_errno(err, "cannot open", path));
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return tl::unexpected(error_from_errno(errno, "fstat", path));
  if (!S_ISREG(st.st_mode))
    return skipped(fmt::format("not a regular file ({})", type_name(st.st_mode)));
  auto size = static_cast<uint64_t>(st.st_size);
  if (max_file_size_ != 0 && size > max_file_size_) {
    return skipped(
        fmt::format("larger than {} (size {})", human_size(max_file_size_), human_size(size)),
        size);
  }
  FileLoad load;
  load.size = size;
  if (size == 0) return load;  // kEmpty

  std::string_view text;
  static_assert(sizeof(size_t) == sizeof(uint64_t));
  const size_t length = size;  // size_t is 64 bits on every target we build for
  if (size >= mmap_threshold_) {
    void* addr = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE, fd.get(), 0);
    if (addr == MAP_FAILED) return tl::unexpected(error_from_errno(errno, "mmap", path));
    mapping_ = std::make_unique<Mapping>(addr, length);
    ::madvise(addr, length, MADV_SEQUENTIAL);
    text = std::string_view(static_cast<const char*>(addr), length);
    if (looks_binary(text.substr(0, kBinarySniffBytes))) {
      mapping_.reset();
      return skipped("binary", size);
    }
  } else {
    // The head first: a binary file is recognised without reading (or allocating for) the rest.
    buffer_.resize(std::min(length, kBinarySniffBytes));
    size_t got = 0;
    int err = read_into(fd.get(), buffer_, got);
    if (err == 0 && got == buffer_.size() && got < length) {
      if (looks_binary(buffer_)) return skipped("binary", size);
      buffer_.resize(length);
      err = read_into(fd.get(), buffer_, got);
    }
    if (is_permission(err)) return skipped("unreadable: permission denied");
    if (err != 0) return tl::unexpected(error_from_errno(err, "read", path));
    buffer_.resize(got);  // shorter when the file shrank since fstat
    if (got == 0) {
      load.size = 0;
      return load;
    }
    if (looks_binary(std::string_view(buffer_).substr(0, kBinarySniffBytes))) {
      return skipped("binary", size);
    }
    text = buffer_;
  }
  load.outcome = FileLoad::Outcome::kText;
  load.text = text;
  load.size = text.size();
  return load;
}

}  // namespace sw::secrets
