// SPDX-License-Identifier: Apache-2.0
// Readers of the Pwned Passwords download formats:
//  - one file of `HASHHEX:COUNT` lines (the old "ordered by hash" download, or what the official
//    PwnedPasswordsDownloader writes in single-file mode), sorted or not, LF or CRLF;
//  - a directory of range files as the downloader writes them one per prefix: the file name is the
//    5-hex prefix (optionally with ".txt"), each line the remaining hex (35 for SHA-1, 27 for
//    NTLM) then ":COUNT" — the same body the range API returns.
// A bad line is counted, the first few are kept as "FILE:LINE: why" (never with the line's
// content: it is a password hash), and reading goes on. Only an unreadable file or directory is an
// error. Hand-written: the format is a line of hex and a number; no library reads it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "password/breach/hash.h"

namespace sw::password {

struct SourceStats {
  std::uint64_t files = 0;
  std::uint64_t lines = 0;    // non-blank lines seen
  std::uint64_t records = 0;  // lines handed to the sink
  std::uint64_t bad_lines = 0;
  std::uint64_t bytes = 0;
  std::vector<std::string> bad_samples;  // the first kMaxBadSamples, "FILE:LINE: why"
  static constexpr std::size_t kMaxBadSamples = 10;

  // Counts a bad line; `line` 0 means the whole file (a stray file in a range directory).
  void add_bad(std::string_view file, std::uint64_t line, std::string_view why);
  void merge(const SourceStats& other);
};

// Called once per good line with the full digest and its count.
using RecordSink = std::function<void(const Digest&, std::uint64_t)>;

// One line, without its line ending (a trailing '\r' is tolerated). `range_prefix` is empty for a
// full-hash line, else the 5 hex digits the file name gives. Returns true and fills `digest` /
// `count` for a good line; false with `why` set for a bad one. Blank lines are the caller's.
bool parse_hash_line(std::string_view line, HashKind kind, std::string_view range_prefix,
                     Digest& digest, std::uint64_t& count, std::string& why);

// All lines of `bytes` (one file's content, or a part of it ending at a line boundary).
// `first_line` is the 1-based number of its first line, for messages.
void parse_hash_lines(std::string_view bytes, std::string_view file_name, HashKind kind,
                      std::string_view range_prefix, const RecordSink& sink, SourceStats& stats,
                      std::uint64_t first_line = 1);

// The 5-hex prefix a range file's name gives ("ABCDE" or "abcde.txt"), or empty if it is not one.
std::string range_prefix_of(const std::filesystem::path& file);

// Reads a source: a regular file of full-hash lines, or a directory of range files (other files
// in it are counted as skipped and reported as bad samples; sub-directories are ignored).
Result<void> read_breach_source(const std::filesystem::path& source, HashKind kind,
                                const RecordSink& sink, SourceStats& stats);

}  // namespace sw::password
