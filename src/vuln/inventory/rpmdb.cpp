// SPDX-License-Identifier: Apache-2.0
// RPM header parser and SQLite rpmdb reader (see rpmdb.h). SQLite does the database; the RPM
// header format has no library here (librpm is not a dependency), so it is parsed by hand after
// RPM's lib/header.c (hdrblobInit / hdrblobVerifyInfo limits) and rpmtag.h / header.h types.
#include "vuln/inventory/rpmdb.h"

#include <array>
#include <cstring>
#include <memory>

#include <fmt/format.h>
#include <sqlite3.h>

namespace sw::vuln {
namespace {

// rpmTagType (header.h).
constexpr uint32_t kTypeInt32 = 4;
constexpr uint32_t kTypeString = 6;
constexpr uint32_t kTypeStringArray = 8;
constexpr uint32_t kTypeI18nString = 9;
constexpr uint32_t kTypeMax = 9;

constexpr size_t kEntrySize = 16;
constexpr uint32_t kMaxTags = 0xffff;      // hdrchkTags: il & 0xffff0000 must be 0
constexpr uint32_t kMaxData = 0x00ffffff;  // hdrchkData: dl & 0xff000000 must be 0
constexpr std::array<unsigned char, 4> kHeaderMagic = {0x8e, 0xad, 0xe8, 0x01};

uint32_t be32(std::string_view s, size_t at) {
  auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(s[at + i])); };
  return (b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3);
}

uint32_t le32(std::string_view s, size_t at) {
  auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(s[at + i])); };
  return (b(3) << 24) | (b(2) << 16) | (b(1) << 8) | b(0);
}

struct Entry {
  uint32_t tag, type, offset, count;
};

// The string at `off` in the data store, which must be NUL-terminated inside it.
Result<std::string> string_at(std::string_view data, const Entry& e) {
  if (e.offset >= data.size()) {
    return fail(Errc::kParse, fmt::format("tag {}: offset {} outside the data store ({} bytes)",
                                          e.tag, e.offset, data.size()));
  }
  auto nul = data.find('\0', e.offset);
  if (nul == std::string_view::npos) {
    return fail(Errc::kParse, fmt::format("tag {}: string not terminated", e.tag));
  }
  return std::string(data.substr(e.offset, nul - e.offset));
}

Result<std::string> string_tag(std::string_view data, const Entry& e) {
  if (e.type != kTypeString && e.type != kTypeI18nString && e.type != kTypeStringArray) {
    return fail(Errc::kParse, fmt::format("tag {}: type {} is not a string", e.tag, e.type));
  }
  if (e.count == 0) return fail(Errc::kParse, fmt::format("tag {}: count 0", e.tag));
  return string_at(data, e);  // the first string of an array / i18n table
}

Result<uint32_t> int32_tag(std::string_view data, const Entry& e) {
  if (e.type != kTypeInt32) {
    return fail(Errc::kParse, fmt::format("tag {}: type {} is not INT32", e.tag, e.type));
  }
  if (e.count == 0 || e.offset % 4 != 0 || e.offset > data.size() || data.size() - e.offset < 4) {
    return fail(Errc::kParse, fmt::format("tag {}: INT32 outside the data store", e.tag));
  }
  return be32(data, e.offset);
}

// "sqlite" URI path: percent-encode what the URI syntax would otherwise interpret.
std::string uri_path(std::string_view path) {
  std::string out;
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    if (c == '%' || c == '?' || c == '#' || u < 0x21 || u >= 0x7f) {
      out += fmt::format("%{:02X}", u);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StmtCloser {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

}  // namespace

std::string RpmPackage::evr() const {
  std::string out;
  if (epoch && *epoch != 0) out = fmt::format("{}:", *epoch);
  out += version;
  out += '-';
  out += release;
  return out;
}

std::string RpmPackage::source_name() const {
  std::string_view s = source_rpm;
  for (std::string_view suffix : {".src.rpm", ".nosrc.rpm"}) {
    if (s.ends_with(suffix)) {
      s.remove_suffix(suffix.size());
      // name-version-release: drop the last two '-' fields.
      auto r = s.rfind('-');
      if (r == std::string_view::npos || r == 0) return {};
      auto v = s.rfind('-', r - 1);
      if (v == std::string_view::npos || v == 0) return {};
      return std::string(s.substr(0, v));
    }
  }
  return {};
}

Result<RpmPackage> parse_rpm_header(std::string_view blob) {
  if (blob.size() >= 8 && std::memcmp(blob.data(), kHeaderMagic.data(), 4) == 0) {
    blob.remove_prefix(8);  // header magic + 4 reserved bytes, as in a .rpm file
  }
  if (blob.size() < 8) {
    return fail(Errc::kParse,
                fmt::format("header of {} bytes is shorter than its preamble", blob.size()));
  }
  uint32_t il = be32(blob, 0);
  uint32_t dl = be32(blob, 4);
  if (il == 0 || il > kMaxTags) return fail(Errc::kParse, fmt::format("bad tag count {}", il));
  if (dl > kMaxData) return fail(Errc::kParse, fmt::format("bad data size {}", dl));
  size_t need = 8 + size_t{il} * kEntrySize + dl;
  if (blob.size() < need) {
    return fail(Errc::kParse,
                fmt::format("header of {} bytes, its counts need {}", blob.size(), need));
  }
  std::string_view index = blob.substr(8, size_t{il} * kEntrySize);
  std::string_view data = blob.substr(8 + index.size(), dl);

  RpmPackage pkg;
  bool have_name = false, have_version = false, have_release = false;
  for (uint32_t i = 0; i < il; ++i) {
    size_t at = size_t{i} * kEntrySize;
    Entry e{be32(index, at), be32(index, at + 4), be32(index, at + 8), be32(index, at + 12)};
    if (e.type > kTypeMax) {
      return fail(Errc::kParse, fmt::format("tag {}: unknown type {}", e.tag, e.type));
    }
    switch (e.tag) {
      case kRpmTagName: {
        auto v = string_tag(data, e);
        if (!v) return tl::make_unexpected(v.error());
        pkg.name = std::move(*v);
        have_name = true;
        break;
      }
      case kRpmTagVersion: {
        auto v = string_tag(data, e);
        if (!v) return tl::make_unexpected(v.error());
        pkg.version = std::move(*v);
        have_version = true;
        break;
      }
      case kRpmTagRelease: {
        auto v = string_tag(data, e);
        if (!v) return tl::make_unexpected(v.error());
        pkg.release = std::move(*v);
        have_release = true;
        break;
      }
      case kRpmTagEpoch: {
        auto v = int32_tag(data, e);
        if (!v) return tl::make_unexpected(v.error());
        pkg.epoch = *v;
        break;
      }
      case kRpmTagArch: {
        auto v = string_tag(data, e);
        if (!v) return tl::make_unexpected(v.error());
        pkg.arch = std::move(*v);
        break;
      }
      case kRpmTagSourceRpm: {
        auto v = string_tag(data, e);
        if (!v) return tl::make_unexpected(v.error());
        pkg.source_rpm = std::move(*v);
        break;
      }
      default:
        break;
    }
  }
  if (!have_name || pkg.name.empty()) return fail(Errc::kParse, "header without NAME");
  if (!have_version || pkg.version.empty()) {
    return fail(Errc::kParse, fmt::format("{}: header without VERSION", pkg.name));
  }
  if (!have_release || pkg.release.empty()) {
    return fail(Errc::kParse, fmt::format("{}: header without RELEASE", pkg.name));
  }
  return pkg;
}

RpmDbFormat detect_rpmdb_format(std::string_view head) {
  if (head.starts_with(std::string_view("SQLite format 3\0", 16))) return RpmDbFormat::kSqlite;
  if (head.starts_with("RpmP")) return RpmDbFormat::kNdb;  // ndb's NDB_SLOT_MAGIC 'R' 'p' 'm' 'P'
  if (head.size() >= 16) {
    // BerkeleyDB metadata page: magic at offset 12, in the byte order of the writing host
    // (DB_HASHMAGIC 0x061561, DB_BTREEMAGIC 0x053162).
    for (uint32_t m : {le32(head, 12), be32(head, 12)}) {
      if (m == 0x061561 || m == 0x053162) return RpmDbFormat::kBerkeleyDb;
    }
  }
  return RpmDbFormat::kUnknown;
}

std::string_view rpmdb_format_name(RpmDbFormat f) {
  switch (f) {
    case RpmDbFormat::kSqlite:
      return "sqlite";
    case RpmDbFormat::kBerkeleyDb:
      return "BerkeleyDB";
    case RpmDbFormat::kNdb:
      return "ndb";
    case RpmDbFormat::kUnknown:
      break;
  }
  return "unknown";
}

Result<RpmDatabase> read_rpmdb_sqlite(const std::string& file, const std::string& display_path) {
  sqlite3* raw = nullptr;
  std::string uri = "file:" + uri_path(file) + "?immutable=1";
  int rc = sqlite3_open_v2(uri.c_str(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr);
  std::unique_ptr<sqlite3, DbCloser> db(raw);
  if (rc != SQLITE_OK) {
    return fail(
        Errc::kIo,
        fmt::format("cannot open rpmdb: {}", raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)),
        display_path);
  }
  sqlite3_db_config(db.get(), SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_stmt* rs = nullptr;
  rc = sqlite3_prepare_v2(db.get(), "SELECT hnum, blob FROM Packages ORDER BY hnum", -1, &rs,
                          nullptr);
  std::unique_ptr<sqlite3_stmt, StmtCloser> stmt(rs);
  if (rc != SQLITE_OK) {
    return fail(Errc::kParse, fmt::format("not an SQLite rpmdb: {}", sqlite3_errmsg(db.get())),
                display_path);
  }
  RpmDatabase out;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    auto hnum = sqlite3_column_int64(stmt.get(), 0);
    const void* bytes = sqlite3_column_blob(stmt.get(), 1);
    int n = sqlite3_column_bytes(stmt.get(), 1);
    std::string_view blob(static_cast<const char*>(bytes), bytes ? static_cast<size_t>(n) : 0);
    auto pkg = parse_rpm_header(blob);
    if (!pkg) {
      out.errors.emplace_back(
          Errc::kParse, fmt::format("package #{}: {}", hnum, pkg.error().message()), display_path);
      continue;
    }
    out.packages.push_back(std::move(*pkg));
  }
  if (rc != SQLITE_DONE) {
    return fail(Errc::kIo, fmt::format("reading rpmdb: {}", sqlite3_errmsg(db.get())),
                display_path);
  }
  return out;
}

}  // namespace sw::vuln
