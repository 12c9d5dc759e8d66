// SPDX-License-Identifier: Apache-2.0
// FileReader: loads one file at a time for the secret scanner's workers (one reader per thread).
// Small files are read with read(2) into a buffer the reader reuses; files of `mmap_threshold`
// bytes or more are mapped read-only (MAP_PRIVATE, MADV_SEQUENTIAL), so a worker never holds
// more than one file. The file is opened O_NONBLOCK (a FIFO swapped in after the walk cannot
// block) and must be a regular file by fstat(2); its size is taken from that fstat, so a file
// growing while it is read is read up to that size. Files over `max_file_size` are not read.
// Hand-written over POSIX calls: no library does "read or map, whichever is cheaper".
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace sw::secrets {

inline constexpr uint64_t kMmapThreshold = uint64_t{16} << 20;

struct FileLoad {
  enum class Outcome {
    kText,     // `text` holds the whole file
    kEmpty,    // zero bytes
    kSkipped,  // not read, or read and found binary: `reason` says why
  };
  Outcome outcome = Outcome::kEmpty;
  std::string_view text;  // kText: valid until the next load() or the reader's destruction
  std::string reason;     // kSkipped: "binary", "larger than ...", "unreadable: ...", ...
  uint64_t size = 0;
};

class FileReader {
 public:
  // max_file_size 0: no limit.
  explicit FileReader(uint64_t max_file_size, uint64_t mmap_threshold = kMmapThreshold);
  ~FileReader();
  FileReader(const FileReader&) = delete;
  FileReader& operator=(const FileReader&) = delete;

  // Loads `path`. With no_follow, a final symlink is refused (the walker saw a regular file;
  // something swapped it). Permission problems and non-regular files are kSkipped outcomes; an
  // unexpected I/O error (EIO...) is an Error naming the path.
  Result<FileLoad> load(const std::string& path, bool no_follow);

 private:
  struct Mapping;
  uint64_t max_file_size_;
  uint64_t mmap_threshold_;
  std::string buffer_;
  std::unique_ptr<Mapping> mapping_;
};

// "100 MiB", "2 GiB", "1.5 KiB", "17 bytes": sizes for skip reasons.
std::string human_size(uint64_t bytes);

}  // namespace sw::secrets
