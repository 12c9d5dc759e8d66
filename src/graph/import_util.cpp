// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the importers (see import_util.h).
#include "graph/import_util.h"

#include <cerrno>
#include <cstdio>
#include <memory>

#include <sys/stat.h>

#include <fmt/format.h>

namespace sw::graph::import {
namespace {

bool id_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == ':' || c == '/' || c == '-';
}

struct FileClose {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

bool valid_id(std::string_view id) {
  if (id.empty()) return false;
  for (char c : id) {
    if (!id_char(c)) return false;
  }
  return true;
}

std::string make_id(std::string_view raw) {
  if (raw.empty()) return "_";
  std::string out(raw);
  for (char& c : out) {
    if (!id_char(c)) c = '_';
  }
  return out;
}

Result<std::string> read_whole(const std::string& path, std::size_t max_bytes) {
  std::unique_ptr<std::FILE, FileClose> f(std::fopen(path.c_str(), "rb"));
  if (!f) return Unexpected(error_from_errno(errno, "cannot open", path));
  struct stat st {};
  if (::fstat(::fileno(f.get()), &st) != 0) {
    return Unexpected(error_from_errno(errno, "cannot stat", path));
  }
  if (!S_ISREG(st.st_mode)) return fail(Errc::kUnsupported, "not a regular file", path);
  if (static_cast<std::size_t>(st.st_size) > max_bytes) {
    return fail(Errc::kUnsupported,
                fmt::format("file too large ({} bytes, limit {})", st.st_size, max_bytes), path);
  }
  std::string buf(static_cast<std::size_t>(st.st_size), '\0');
  std::size_t got = 0;
  while (got < buf.size()) {
    std::size_t r = std::fread(buf.data() + got, 1, buf.size() - got, f.get());
    if (r == 0) break;
    got += r;
  }
  if (std::ferror(f.get()) != 0) return Unexpected(error_from_errno(errno, "cannot read", path));
  buf.resize(got);
  return buf;
}

}  // namespace sw::graph::import
