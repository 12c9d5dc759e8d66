// SPDX-License-Identifier: Apache-2.0
// See source.h. Files are read in 4 MiB blocks and split at the last line break of each block, so a
// source of tens of gigabytes streams in bounded memory.
#include "password/breach/source.h"

#include <algorithm>
#include <cerrno>
#include <charconv>

#include <fcntl.h>
#include <unistd.h>

#include "core/error.h"
#include "core/unique_fd.h"

namespace sw::password {

void SourceStats::add_bad(std::string_view file, std::uint64_t line, std::string_view why) {
  ++bad_lines;
  if (bad_samples.size() < kMaxBadSamples) {
    std::string where(file);
    if (line > 0) where += ":" + std::to_string(line);  // 0: the whole file
    bad_samples.push_back(where + ": " + std::string(why));
  }
}

void SourceStats::merge(const SourceStats& other) {
  files += other.files;
  lines += other.lines;
  records += other.records;
  bytes += other.bytes;
  bad_lines += other.bad_lines;
  for (const auto& s : other.bad_samples) {
    if (bad_samples.size() >= kMaxBadSamples) break;
    bad_samples.push_back(s);
  }
}

namespace {

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool all_hex(std::string_view s) { return std::all_of(s.begin(), s.end(), is_hex); }

}  // namespace

bool parse_hash_line(std::string_view line, HashKind kind, std::string_view range_prefix,
                     Digest& digest, std::uint64_t& count, std::string& why) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) {
    why = "no ':' between hash and count";
    return false;
  }
  std::string_view hex = line.substr(0, colon);
  std::string_view num = line.substr(colon + 1);
  while (!num.empty() && (num.back() == ' ' || num.back() == '\t')) num.remove_suffix(1);
  const std::size_t want = 2 * digest_size(kind) - range_prefix.size();
  if (hex.size() != want) {
    why =
        "hash has " + std::to_string(hex.size()) + " hex digits, expected " + std::to_string(want);
    return false;
  }
  if (!all_hex(hex)) {
    why = "hash is not hexadecimal";
    return false;
  }
  if (num.empty()) {
    why = "missing count";
    return false;
  }
  const auto [end, ec] = std::from_chars(num.data(), num.data() + num.size(), count);
  if (ec == std::errc::result_out_of_range) {
    why = "count out of range";
    return false;
  }
  if (ec != std::errc() || end != num.data() + num.size()) {
    why = "count is not a decimal number";
    return false;
  }
  char full[40];
  std::copy(range_prefix.begin(), range_prefix.end(), full);
  std::copy(hex.begin(), hex.end(), full + range_prefix.size());
  const auto parsed = parse_hex(std::string_view(full, 2 * digest_size(kind)), kind);
  if (!parsed) {
    why = "range prefix is not hexadecimal";
    return false;
  }
  digest = *parsed;
  return true;
}

void parse_hash_lines(std::string_view bytes, std::string_view file_name, HashKind kind,
                      std::string_view range_prefix, const RecordSink& sink, SourceStats& stats,
                      std::uint64_t first_line) {
  std::uint64_t line_no = first_line;
  std::string why;
  Digest digest{};
  std::uint64_t count = 0;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    std::size_t eol = bytes.find('\n', pos);
    if (eol == std::string_view::npos) eol = bytes.size();
    std::string_view line = bytes.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const bool blank =
        std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
    if (!blank) {
      ++stats.lines;
      if (parse_hash_line(line, kind, range_prefix, digest, count, why)) {
        ++stats.records;
        sink(digest, count);
      } else {
        stats.add_bad(file_name, line_no, why);
      }
    }
    ++line_no;
  }
}

std::string range_prefix_of(const std::filesystem::path& file) {
  std::string name = file.filename().string();
  if (name.size() == 9 && name.compare(5, 4, ".txt") == 0) name.resize(5);
  if (name.size() != 5 || !all_hex(name)) return {};
  std::transform(name.begin(), name.end(), name.begin(),
                 [](char c) { return c >= 'a' && c <= 'f' ? static_cast<char>(c - 32) : c; });
  return name;
}

namespace {

Result<void> read_lines_file(const std::filesystem::path& path, HashKind kind,
                             std::string_view range_prefix, const RecordSink& sink,
                             SourceStats& stats) {
  const std::string name = path.string();
  UniqueFd fd(::open(name.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return Unexpected(error_from_errno(errno, "cannot open", name));
  ++stats.files;
  constexpr std::size_t kBlock = 4u << 20;
  std::string buf(kBlock, '\0');
  std::size_t have = 0;  // bytes of an unfinished line carried over at the start of buf
  std::uint64_t line_no = 1;
  for (;;) {
    if (have == buf.size()) buf.resize(buf.size() * 2);  // a line longer than the block
    const ssize_t n = ::read(fd.get(), buf.data() + have, buf.size() - have);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Unexpected(error_from_errno(errno, "cannot read", name));
    }
    stats.bytes += static_cast<std::uint64_t>(n);
    const std::size_t end = have + static_cast<std::size_t>(n);
    if (n == 0) {
      if (end > 0)
        parse_hash_lines(std::string_view(buf.data(), end), name, kind, range_prefix, sink, stats,
                         line_no);
      return {};
    }
    const std::string_view chunk(buf.data(), end);
    const std::size_t last_nl = chunk.rfind('\n');
    if (last_nl == std::string_view::npos) {
      have = end;
      continue;
    }
    const std::string_view complete = chunk.substr(0, last_nl + 1);
    parse_hash_lines(complete, name, kind, range_prefix, sink, stats, line_no);
    line_no += static_cast<std::uint64_t>(std::count(complete.begin(), complete.end(), '\n'));
    have = end - (last_nl + 1);
    std::copy(buf.begin() + static_cast<std::ptrdiff_t>(last_nl + 1),
              buf.begin() + static_cast<std::ptrdiff_t>(end), buf.begin());
  }
}

}  // namespace

Result<void> read_breach_source(const std::filesystem::path& source, HashKind kind,
                                const RecordSink& sink, SourceStats& stats) {
  std::error_code ec;
  const auto status = std::filesystem::status(source, ec);
  if (ec) return Unexpected(error_from_errno(ec.value(), "cannot read", source.string()));
  if (!std::filesystem::is_directory(status)) {
    return read_lines_file(source, kind, {}, sink, stats);
  }
  std::vector<std::filesystem::path> files;
  std::filesystem::directory_iterator it(source, ec);
  if (ec) return Unexpected(error_from_errno(ec.value(), "cannot list", source.string()));
  for (; it != std::filesystem::directory_iterator(); it.increment(ec)) {
    if (ec) return Unexpected(error_from_errno(ec.value(), "cannot list", source.string()));
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;
    files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());  // range files in prefix order: the input stays sorted
  for (const auto& file : files) {
    const std::string prefix = range_prefix_of(file);
    if (prefix.empty()) {
      stats.add_bad(file.string(), 0, "not a range file (name is not a 5-hex prefix); skipped");
      continue;
    }
    SW_TRY(read_lines_file(file, kind, prefix, sink, stats));
  }
  return {};
}

}  // namespace sw::password
