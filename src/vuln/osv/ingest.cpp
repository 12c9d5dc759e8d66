// SPDX-License-Identifier: Apache-2.0
// Ingest of OSV records from a path: a directory tree (walked in sorted path order; *.json,
// *.yaml, *.yml and *.zip files, anything else ignored), a single such file, or an osv.dev-style
// all.zip (https://google.github.io/osv.dev/data/#data-dump: one <ID>.json per member) opened from
// memory with libzip (zip_source_buffer_create + zip_open_from_source).
// A malformed record is one warning (naming `file` or `archive.zip:member.json`), counted in
// `skipped`, and ingest goes on. JSON files that look like the CISA KEV catalog (looks_like_kev)
// are not OSV records: they are passed over silently (not counted) and the caller reads them with
// parse_kev. A zip that cannot be opened is an error when it is the path given, a warning when it
// is one file of a directory tree.
#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <fmt/format.h>

#include "vuln/osv/osv.h"

namespace sw::vuln {
namespace {

namespace fs = std::filesystem;

// A record (or zip member) larger than this is refused: the largest real OSV records are a few MB.
constexpr size_t kMaxRecordBytes = 64u << 20;
// An archive larger than this is refused (osv.dev's all.zip for every ecosystem is ~1 GB).
constexpr size_t kMaxArchiveBytes = size_t{4} << 30;

enum class Kind { kJson, kYaml, kZip, kOther };

Kind kind_of(std::string_view name) {
  auto dot = name.rfind('.');
  auto slash = name.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return Kind::kOther;
  }
  std::string ext(name.substr(dot + 1));
  for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (ext == "json") return Kind::kJson;
  if (ext == "yaml" || ext == "yml") return Kind::kYaml;
  if (ext == "zip") return Kind::kZip;
  return Kind::kOther;
}

Result<void> read_whole(const std::string& path, size_t limit, std::string& out) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Unexpected(error_from_errno(errno, "cannot open", path));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int e = errno;
    ::close(fd);
    return Unexpected(error_from_errno(e, "cannot stat", path));
  }
  if (static_cast<uint64_t>(st.st_size) > limit) {
    ::close(fd);
    return fail(Errc::kUnsupported, fmt::format("file too large ({} bytes)", st.st_size), path);
  }
  out.resize(static_cast<size_t>(st.st_size));
  size_t got = 0;
  while (got < out.size()) {
    ssize_t n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int e = errno;
      ::close(fd);
      return Unexpected(error_from_errno(e, "cannot read", path));
    }
    if (n == 0) break;  // shrank meanwhile
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  out.resize(got);
  return {};
}

// One record's text: parse it, hand it on or count it as skipped.
void ingest_record(std::string_view text, Kind kind, const std::string& name,
                   const AdvisorySink& sink, IngestStats& stats) {
  ++stats.files;
  auto adv = kind == Kind::kYaml ? parse_osv_yaml(text, name) : parse_osv_json(text, name);
  if (!adv) {
    ++stats.skipped;
    stats.warnings.push_back(std::move(adv.error()));
    return;
  }
  ++stats.advisories;
  if (!adv->withdrawn.empty()) ++stats.withdrawn;
  sink(std::move(*adv));
}

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

Result<void> ingest_zip_into(std::string_view bytes, const std::string& name,
                             const AdvisorySink& sink, IngestStats& stats) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
  if (src == nullptr) {
    Error e(Errc::kIo, fmt::format("cannot read zip: {}", zip_error_strerror(&ze)), name);
    zip_error_fini(&ze);
    return Unexpected(std::move(e));
  }
  std::unique_ptr<zip_t, ZipDiscard> za(zip_open_from_source(src, ZIP_RDONLY, &ze));
  if (!za) {
    zip_source_free(src);
    Error e(Errc::kParse, fmt::format("not a readable zip archive: {}", zip_error_strerror(&ze)),
            name);
    zip_error_fini(&ze);
    return Unexpected(std::move(e));
  }
  zip_error_fini(&ze);
  zip_int64_t n = zip_get_num_entries(za.get(), 0);
  std::string buf;
  for (zip_int64_t i = 0; i < n; ++i) {
    auto idx = static_cast<zip_uint64_t>(i);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za.get(), idx, 0, &st) != 0 || (st.valid & ZIP_STAT_NAME) == 0) {
      ++stats.skipped;
      stats.warnings.emplace_back(Errc::kParse, fmt::format("zip entry {} unreadable", i), name);
      continue;
    }
    std::string_view member(st.name);
    if (member.empty() || member.back() == '/') continue;  // directory
    Kind kind = kind_of(member);
    if (kind != Kind::kJson && kind != Kind::kYaml) continue;
    std::string where = fmt::format("{}:{}", name, member);
    if ((st.valid & ZIP_STAT_SIZE) != 0 && st.size > kMaxRecordBytes) {
      ++stats.files;
      ++stats.skipped;
      stats.warnings.emplace_back(Errc::kUnsupported,
                                  fmt::format("zip member too large ({} bytes)", st.size), where);
      continue;
    }
    std::unique_ptr<zip_file_t, ZipFileClose> zf(zip_fopen_index(za.get(), idx, 0));
    bool ok = static_cast<bool>(zf);
    std::string why;
    if (ok) {
      // Read to the end rather than trusting the directory's size (bounded by kMaxRecordBytes).
      buf.resize((st.valid & ZIP_STAT_SIZE) != 0 ? static_cast<size_t>(st.size) + 1 : 4096);
      size_t got = 0;
      while (true) {
        if (got == buf.size()) {
          if (buf.size() > kMaxRecordBytes) {
            ok = false;
            why = "zip member too large";
            break;
          }
          buf.resize(buf.size() * 2);
        }
        zip_int64_t r = zip_fread(zf.get(), buf.data() + got, buf.size() - got);
        if (r < 0) {
          ok = false;
          why = zip_error_strerror(zip_file_get_error(zf.get()));
          break;
        }
        if (r == 0) break;
        got += static_cast<size_t>(r);
      }
      buf.resize(got);
    } else {
      why = zip_strerror(za.get());
    }
    if (!ok) {
      ++stats.files;
      ++stats.skipped;
      stats.warnings.emplace_back(Errc::kParse, fmt::format("cannot read zip member: {}", why),
                                  where);
      continue;
    }
    if (kind == Kind::kJson && looks_like_kev(buf)) continue;
    ingest_record(buf, kind, where, sink, stats);
  }
  return {};
}

// One file of the tree (or the single file given). `top` = the path the caller named.
Result<void> ingest_file(const std::string& path, Kind kind, bool top, const AdvisorySink& sink,
                         IngestStats& stats, std::string& buf) {
  auto r = read_whole(path, kind == Kind::kZip ? kMaxArchiveBytes : kMaxRecordBytes, buf);
  if (!r) {
    if (top) return Unexpected(r.error());
    ++stats.files;
    ++stats.skipped;
    stats.warnings.push_back(std::move(r.error()));
    return {};
  }
  if (kind == Kind::kZip) {
    auto z = ingest_zip_into(buf, path, sink, stats);
    if (!z) {
      if (top) return z;
      ++stats.files;
      ++stats.skipped;
      stats.warnings.push_back(std::move(z.error()));
    }
    return {};
  }
  if (kind == Kind::kJson && looks_like_kev(buf)) return {};
  ingest_record(buf, kind, path, sink, stats);
  return {};
}

}  // namespace

Result<IngestStats> ingest_zip(std::string_view bytes, const std::string& name,
                               const AdvisorySink& sink) {
  IngestStats stats;
  auto r = ingest_zip_into(bytes, name, sink, stats);
  if (!r) return Unexpected(std::move(r.error()));
  return stats;
}

Result<IngestStats> ingest_path(const std::string& path, const AdvisorySink& sink) {
  IngestStats stats;
  std::string buf;
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) {
    if (ec && ec != std::errc::no_such_file_or_directory) {
      return fail(Errc::kIo, fmt::format("cannot stat: {}", ec.message()), path);
    }
    return fail(Errc::kNotFound, "no such file or directory", path);
  }
  if (!fs::is_directory(status)) {
    Kind kind = kind_of(path);
    if (kind == Kind::kOther) {
      return fail(Errc::kUnsupported, "not an OSV file (.json, .yaml, .yml or .zip)", path);
    }
    auto r = ingest_file(path, kind, true, sink, stats, buf);
    if (!r) return Unexpected(std::move(r.error()));
    return stats;
  }
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  if (ec) return fail(Errc::kIo, fmt::format("cannot list: {}", ec.message()), path);
  for (fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
    if (ec) {
      stats.warnings.emplace_back(Errc::kIo, fmt::format("cannot list: {}", ec.message()), path);
      break;
    }
    std::error_code fec;
    if (!it->is_regular_file(fec)) continue;
    std::string p = it->path().string();
    if (kind_of(p) != Kind::kOther) files.push_back(std::move(p));
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) (void)ingest_file(f, kind_of(f), false, sink, stats, buf);
  return stats;
}

}  // namespace sw::vuln
