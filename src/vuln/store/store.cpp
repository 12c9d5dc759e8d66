// SPDX-License-Identifier: Apache-2.0
// The read side of the advisory store (store.h) over SQLite, and the ecosystem / package-name
// matching rules shared with the builder and the matcher (OSV ecosystems.json, PEP 503).
#include "vuln/store/store.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <system_error>

#include <pwd.h>
#include <unistd.h>

#include <fmt/format.h>
#include <sqlite3.h>

#include "vuln/store/builder.h"
#include "vuln/store/codec.h"
#include "vuln/store/name_filter.h"

namespace sw::vuln {

namespace fs = std::filesystem;

EcosystemParts split_ecosystem(std::string_view ecosystem) {
  size_t colon = ecosystem.find(':');
  if (colon == std::string_view::npos) return {ecosystem, {}};
  return {ecosystem.substr(0, colon), ecosystem.substr(colon + 1)};
}

namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string normalize_package_name(std::string_view ecosystem, std::string_view name) {
  std::string_view base = split_ecosystem(ecosystem).base;
  std::string out;
  out.reserve(name.size());
  if (base == "PyPI") {
    // PEP 503: re.sub(r"[-_.]+", "-", name).lower()
    bool in_run = false;
    for (char c : name) {
      if (c == '-' || c == '_' || c == '.') {
        if (!in_run) out.push_back('-');
        in_run = true;
        continue;
      }
      in_run = false;
      out.push_back(ascii_lower(c));
    }
    return out;
  }
  if (base == "NuGet" || base == "Packagist") {
    for (char c : name) out.push_back(ascii_lower(c));
    return out;
  }
  out.assign(name);
  return out;
}

bool ecosystem_matches(std::string_view query, std::string_view advisory_ecosystem) {
  EcosystemParts q = split_ecosystem(query);
  EcosystemParts a = split_ecosystem(advisory_ecosystem);
  if (q.base != a.base) return false;
  if (q.release.empty()) return true;
  return a.release.empty() || a.release == q.release;
}

bool affected_matches(const Affected& affected, std::string_view ecosystem, std::string_view name) {
  return ecosystem_matches(ecosystem, affected.ecosystem) &&
         normalize_package_name(affected.ecosystem, affected.name) ==
             normalize_package_name(ecosystem, name);
}

std::string store_path(const std::string& data_dir) { return (fs::path(data_dir) / "osv.db"); }

std::string default_data_dir() {
  if (const char* d = std::getenv("SHIELDWALL_DATA_DIR"); d != nullptr && *d != '\0') return d;
  if (const char* x = std::getenv("XDG_DATA_HOME"); x != nullptr && x[0] == '/') {
    return (fs::path(x) / "shieldwall").string();
  }
  std::string home;
  if (const char* h = std::getenv("HOME"); h != nullptr && *h != '\0') {
    home = h;
  } else if (const passwd* pw = getpwuid(getuid()); pw != nullptr && pw->pw_dir != nullptr) {
    home = pw->pw_dir;
  } else {
    home = "/";
  }
  return (fs::path(home) / ".local/share/shieldwall").string();
}

namespace {

class Statement {
 public:
  Statement() = default;
  explicit Statement(sqlite3_stmt* s) : s_(s) {}
  ~Statement() { sqlite3_finalize(s_); }
  Statement(Statement&& o) noexcept : s_(o.s_) { o.s_ = nullptr; }
  Statement& operator=(Statement&& o) noexcept {
    std::swap(s_, o.s_);
    return *this;
  }
  sqlite3_stmt* get() const { return s_; }

 private:
  sqlite3_stmt* s_ = nullptr;
};

// Never NULL (an empty view's data() may be null); the text must outlive the step.
void bind_view(sqlite3_stmt* s, int i, std::string_view v) {
  sqlite3_bind_text(s, i, v.empty() ? "" : v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
}

std::string column_text(sqlite3_stmt* s, int i) {
  const unsigned char* t = sqlite3_column_text(s, i);
  return t == nullptr ? std::string()
                      : std::string(reinterpret_cast<const char*>(t),
                                    static_cast<size_t>(sqlite3_column_bytes(s, i)));
}

class SqliteStore final : public AdvisoryStore {
 public:
  SqliteStore() = default;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;
  ~SqliteStore() override {
    // Statements first: sqlite3_close refuses a connection with live statements.
    lookup_release_ = Statement();
    lookup_any_ = Statement();
    by_id_ = Statement();
    sqlite3_close(db_);
  }

  static Result<std::unique_ptr<AdvisoryStore>> open(const std::string& data_dir) {
    std::string path = store_path(data_dir);
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      return fail(Errc::kNotFound,
                  "no advisory database yet: run `shieldwall db update` or `shieldwall db import`",
                  path);
    }
    auto store = std::make_unique<SqliteStore>();
    store->path_ = path;
    std::string abs = fs::absolute(path, ec).string();
    int rc = sqlite3_open_v2(sqlite_file_uri(abs, "mode=ro&immutable=1").c_str(), &store->db_,
                             SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
                             nullptr);  // no mutex: one AdvisoryStore per thread (above)
    if (rc != SQLITE_OK) return fail(Errc::kIo, store->sqlite_message("cannot open"), path);
    // Lookups read blobs spread over the whole file: map it (the mapping, like the descriptor,
    // stays on the old inode when an update renames a new store over it) and keep a page cache
    // bigger than the 2 MB default for what mmap cannot serve.
    sqlite3_exec(store->db_, "PRAGMA mmap_size=1073741824; PRAGMA cache_size=-32768;", nullptr,
                 nullptr, nullptr);
    // Reading the schema version now also proves the file is a store of ours.
    Statement s;
    SW_TRY(store->prepare(s, "SELECT value FROM meta WHERE key='schema_version'"));
    if (sqlite3_step(s.get()) != SQLITE_ROW) {
      return fail(Errc::kParse, "not an advisory store (no schema version)", path);
    }
    std::string version = column_text(s.get(), 0);
    if (version != std::to_string(kStoreSchemaVersion)) {
      return fail(Errc::kUnsupported,
                  fmt::format("advisory store schema {} (this shieldwall reads {}): run "
                              "`shieldwall db update` to rebuild it",
                              version, kStoreSchemaVersion),
                  path);
    }
    {
      Statement f;
      SW_TRY(store->prepare(f, "SELECT value FROM meta WHERE key='name_filter'"));
      if (sqlite3_step(f.get()) == SQLITE_ROW) {
        const void* blob = sqlite3_column_blob(f.get(), 0);
        auto size = static_cast<size_t>(sqlite3_column_bytes(f.get(), 0));
        if (blob != nullptr) store->filter_bytes_.assign(static_cast<const char*>(blob), size);
        // A store without one (or with a foreign one) is read without: every lookup queries.
        store->filter_ = NameFilter::from(store->filter_bytes_);
      }
    }
    SW_TRY(store->prepare(
        store->lookup_release_,
        "SELECT a.body, a.kev, a.kev_ransomware, a.kev_date_added, a.rowid, i.entries "
        "FROM affected_index i CROSS JOIN advisories a ON a.rowid = i.adv "
        "WHERE i.base=?1 AND i.name=?2 AND (i.release=?3 OR i.release='')"));
    SW_TRY(store->prepare(
        store->lookup_any_,
        "SELECT a.body, a.kev, a.kev_ransomware, a.kev_date_added, a.rowid, i.entries "
        "FROM affected_index i CROSS JOIN advisories a ON a.rowid = i.adv "
        "WHERE i.base=?1 AND i.name=?2"));
    SW_TRY(store->prepare(
        store->by_id_,
        "SELECT body, kev, kev_ransomware, kev_date_added, rowid, affected FROM advisories "
        "WHERE id=?1 OR rowid IN (SELECT adv FROM aliases WHERE alias=?1) "
        "ORDER BY id"));
    return std::unique_ptr<AdvisoryStore>(std::move(store));
  }

  Result<std::vector<Advisory>> lookup(std::string_view ecosystem, std::string_view name) override {
    EcosystemParts parts = split_ecosystem(ecosystem);
    std::string norm = normalize_package_name(ecosystem, name);
    if (filter_ && !filter_->may_contain(parts.base, norm)) return std::vector<Advisory>();
    sqlite3_stmt* s = parts.release.empty() ? lookup_any_.get() : lookup_release_.get();
    sqlite3_reset(s);
    bind_view(s, 1, parts.base);
    bind_view(s, 2, norm);
    if (!parts.release.empty()) bind_view(s, 3, parts.release);
    return collect(s, DecodeFields::kForMatching);
  }

  Result<std::vector<Advisory>> by_id(std::string_view id_or_alias) override {
    sqlite3_stmt* s = by_id_.get();
    sqlite3_reset(s);
    bind_view(s, 1, id_or_alias);
    return collect(s, DecodeFields::kAll);
  }

  Result<StoreStatus> status() override {
    StoreStatus st;
    st.path = path_;
    {
      Statement s;
      SW_TRY(prepare(s, "SELECT value FROM meta WHERE key='built_at'"));
      if (sqlite3_step(s.get()) == SQLITE_ROW) st.built_at = column_text(s.get(), 0);
    }
    {
      Statement s;
      SW_TRY(prepare(s,
                     "SELECT name, url, etag, last_modified, fetched_at, advisories FROM sources "
                     "ORDER BY name"));
      int rc;
      while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
        SourceInfo info;
        info.name = column_text(s.get(), 0);
        info.url = column_text(s.get(), 1);
        info.etag = column_text(s.get(), 2);
        info.last_modified = column_text(s.get(), 3);
        info.fetched_at = column_text(s.get(), 4);
        info.advisories = static_cast<size_t>(sqlite3_column_int64(s.get(), 5));
        st.sources.push_back(std::move(info));
      }
      if (rc != SQLITE_DONE) return fail(Errc::kIo, sqlite_message("reading sources"), path_);
    }
    {
      Statement s;
      SW_TRY(prepare(s,
                     "SELECT base, COUNT(DISTINCT adv) FROM affected_index GROUP BY base "
                     "ORDER BY base"));
      int rc;
      while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
        st.ecosystems.emplace_back(column_text(s.get(), 0),
                                   static_cast<size_t>(sqlite3_column_int64(s.get(), 1)));
      }
      if (rc != SQLITE_DONE) return fail(Errc::kIo, sqlite_message("reading ecosystems"), path_);
    }
    {
      Statement s;
      SW_TRY(prepare(s,
                     "SELECT (SELECT COUNT(*) FROM advisories), "
                     "(SELECT COUNT(*) FROM advisories WHERE withdrawn), "
                     "(SELECT COUNT(*) FROM kev), "
                     "(SELECT COUNT(*) FROM advisories WHERE kev)"));
      if (sqlite3_step(s.get()) != SQLITE_ROW) {
        return fail(Errc::kIo, sqlite_message("reading counts"), path_);
      }
      st.advisories = static_cast<size_t>(sqlite3_column_int64(s.get(), 0));
      st.withdrawn = static_cast<size_t>(sqlite3_column_int64(s.get(), 1));
      st.kev_entries = static_cast<size_t>(sqlite3_column_int64(s.get(), 2));
      st.kev_marked = static_cast<size_t>(sqlite3_column_int64(s.get(), 3));
    }
    return st;
  }

 private:
  std::string sqlite_message(std::string_view what) const {
    return fmt::format("{}: {}", what, db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory");
  }

  Result<void> prepare(Statement& out, const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) {
      sqlite3_finalize(s);
      return fail(Errc::kParse, sqlite_message("not a readable advisory store"), path_);
    }
    out = Statement(s);
    return {};
  }

  // Rows: body, kev, kev_ransomware, kev_date_added, rowid, affected entries. An advisory indexed
  // under both "Debian" and "Debian:12" comes as two rows: their entries are merged into one
  // advisory. No ORDER BY in SQL (a sorter per query is most of the cost of a miss): the few
  // advisories of a package are sorted by id here.
  Result<std::vector<Advisory>> collect(sqlite3_stmt* s, DecodeFields fields) {
    std::vector<Advisory> out;
    std::vector<sqlite3_int64> rowids;  // parallel to `out`
    int rc;
    auto blob_of = [s](int i) {
      const void* blob = sqlite3_column_blob(s, i);
      auto size = static_cast<size_t>(sqlite3_column_bytes(s, i));
      return std::string_view(blob == nullptr ? "" : static_cast<const char*>(blob), size);
    };
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      sqlite3_int64 rowid = sqlite3_column_int64(s, 4);
      auto seen = std::find(rowids.begin(), rowids.end(), rowid);
      Advisory* adv = nullptr;
      if (seen != rowids.end()) {
        adv = &out[static_cast<size_t>(seen - rowids.begin())];
      } else {
        auto decoded = decode_advisory(blob_of(0), fields);
        if (!decoded) {
          sqlite3_reset(s);
          return fail(Errc::kParse, decoded.error().message(), path_);
        }
        decoded->kev = sqlite3_column_int(s, 1) != 0;
        decoded->kev_ransomware = sqlite3_column_int(s, 2) != 0;
        decoded->kev_date_added = column_text(s, 3);
        adv = &out.emplace_back(std::move(*decoded));
        rowids.push_back(rowid);
      }
      if (auto r = decode_affected_list(blob_of(5), adv->affected); !r) {
        sqlite3_reset(s);
        return fail(Errc::kParse, r.error().message(), path_);
      }
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) return fail(Errc::kIo, sqlite_message("lookup"), path_);
    std::sort(out.begin(), out.end(),
              [](const Advisory& a, const Advisory& b) { return a.id < b.id; });
    return out;
  }

  std::string path_;
  std::string filter_bytes_;
  std::optional<NameFilter> filter_;  // views filter_bytes_
  sqlite3* db_ = nullptr;
  Statement lookup_release_;
  Statement lookup_any_;
  Statement by_id_;
};

}  // namespace

Result<std::unique_ptr<AdvisoryStore>> open_store(const std::string& data_dir) {
  return SqliteStore::open(data_dir);
}

std::string sqlite_file_uri(const std::string& path, std::string_view params) {
  std::string out = "file:";
  for (char c : path) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '?':
        out += "%3f";
        break;
      case '#':
        out += "%23";
        break;
      default:
        out.push_back(c);
    }
  }
  out += '?';
  out += params;
  return out;
}

}  // namespace sw::vuln
