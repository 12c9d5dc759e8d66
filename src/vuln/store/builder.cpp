// SPDX-License-Identifier: Apache-2.0
// StoreBuilder (builder.h): a new osv.db built in a temporary file in one SQLite transaction
// (journal off, no syncs while building: the file is thrown away on any failure), then fsync'ed
// and renamed over the old store (POSIX rename(2) atomicity), the directory fsync'ed after.
#include "vuln/store/builder.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <system_error>
#include <unordered_set>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <sqlite3.h>

#include "vuln/store/clock.h"
#include "vuln/store/codec.h"
#include "vuln/store/name_filter.h"
#include "vuln/store/schema.h"

namespace sw::vuln {

namespace fs = std::filesystem;

namespace {

// A one-line severity summary for `db status` style listings: the first vector given, else the
// database's own rating.
std::string severity_summary(const Advisory& a) {
  if (!a.severity.empty()) return a.severity.front().type + " " + a.severity.front().score;
  for (const auto& af : a.affected) {
    if (!af.severity.empty()) return af.severity.front().type + " " + af.severity.front().score;
  }
  if (!a.db_severity.empty()) return a.db_severity;
  for (const auto& af : a.affected) {
    if (!af.db_severity.empty()) return af.db_severity;
  }
  return {};
}

// Never NULL: an empty string_view may have a null data() and SQLite binds that as NULL.
void bind_text(sqlite3_stmt* s, int i, std::string_view v) {
  sqlite3_bind_text(s, i, v.empty() ? "" : v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
}

Result<void> fsync_path(const std::string& path, bool directory) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
  if (fd < 0) return Unexpected(error_from_errno(errno, "open for fsync", path));
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0) return Unexpected(error_from_errno(err, "fsync", path));
  return {};
}

}  // namespace

Result<std::unique_ptr<StoreBuilder>> StoreBuilder::create(const std::string& data_dir) {
  std::error_code ec;
  fs::create_directories(data_dir, ec);
  if (ec) return fail(Errc::kIo, "cannot create the data directory: " + ec.message(), data_dir);
  auto b = std::make_unique<StoreBuilder>();
  b->data_dir_ = data_dir;
  std::string tmpl = store_path(data_dir) + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) return Unexpected(error_from_errno(errno, "create temporary store", tmpl));
  ::fchmod(fd, 0644);
  ::close(fd);
  b->temp_path_ = tmpl;
  if (sqlite3_open_v2(tmpl.c_str(), &b->db_,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI,
                      nullptr) != SQLITE_OK) {
    Error e = b->sqlite_error("cannot create the store");
    return Unexpected(e);  // ~StoreBuilder removes the file
  }
  SW_TRY(
      b->exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA locking_mode=EXCLUSIVE;"
              "PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536;"));
  SW_TRY(b->exec(store_sql::kSchema));
  auto ins = b->prepare(
      "INSERT INTO advisories(id, modified, withdrawn, source, severity, body, affected) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  if (!ins) return Unexpected(ins.error());
  b->insert_advisory_ = *ins;
  auto idx = b->prepare(
      "INSERT INTO affected_index(base, name, release, adv, entries) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!idx) return Unexpected(idx.error());
  b->insert_index_ = *idx;
  auto al = b->prepare("INSERT OR IGNORE INTO aliases(alias, adv) VALUES (?1, ?2)");
  if (!al) return Unexpected(al.error());
  b->insert_alias_ = *al;
  auto del = b->prepare("DELETE FROM advisories WHERE rowid = ?1");
  if (!del) return Unexpected(del.error());
  b->delete_advisory_ = *del;
  return b;
}

StoreBuilder::~StoreBuilder() {
  if (!committed_) discard();
}

void StoreBuilder::discard() {
  for (sqlite3_stmt** s : {&insert_advisory_, &insert_index_, &insert_alias_, &delete_advisory_}) {
    sqlite3_finalize(*s);
    *s = nullptr;
  }
  if (db_ != nullptr) {
    sqlite3_close(db_);
    db_ = nullptr;
  }
  if (!temp_path_.empty()) {
    std::error_code ec;
    fs::remove(temp_path_, ec);
    fs::remove(temp_path_ + "-journal", ec);
  }
}

Error StoreBuilder::sqlite_error(std::string_view what) const {
  return Error(Errc::kIo,
               fmt::format("{}: {}", what, db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory"),
               temp_path_);
}

Result<void> StoreBuilder::exec(const char* sql) {
  char* msg = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string m = msg != nullptr ? msg : sqlite3_errmsg(db_);
    sqlite3_free(msg);
    return fail(Errc::kIo, "advisory store: " + m, temp_path_);
  }
  return {};
}

Result<sqlite3_stmt*> StoreBuilder::prepare(const char* sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) {
    sqlite3_finalize(s);
    return Unexpected(sqlite_error("prepare"));
  }
  return s;
}

Result<void> StoreBuilder::ensure_transaction() {
  if (in_transaction_) return {};
  SW_TRY(exec("BEGIN"));
  in_transaction_ = true;
  return {};
}

Result<size_t> StoreBuilder::carry_over(const std::string& db_path,
                                        const std::function<bool(const SourceInfo&)>& keep) {
  if (in_transaction_ || added_ != 0) {
    return fail(Errc::kInternal, "carry_over must come first", temp_path_);
  }
  std::error_code ec;
  if (!fs::exists(db_path, ec)) return fail(Errc::kNotFound, "no store to carry over", db_path);
  std::string abs = fs::absolute(db_path, ec).string();
  {
    sqlite3_stmt* att = nullptr;
    if (sqlite3_prepare_v2(db_, "ATTACH DATABASE ?1 AS old", -1, &att, nullptr) != SQLITE_OK) {
      sqlite3_finalize(att);
      return Unexpected(sqlite_error("attach"));
    }
    bind_text(att, 1, sqlite_file_uri(abs, "mode=ro&immutable=1"));
    int rc = sqlite3_step(att);
    sqlite3_finalize(att);
    if (rc != SQLITE_DONE) return Unexpected(sqlite_error("attach the old store"));
  }
  auto result = [&]() -> Result<size_t> {
    // Only a store of this schema can be copied table to table.
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, "SELECT value FROM old.meta WHERE key='schema_version'", -1, &s,
                           nullptr) != SQLITE_OK) {
      sqlite3_finalize(s);
      return fail(Errc::kUnsupported, "not an advisory store of this version", db_path);
    }
    bool same = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == kStoreSchemaVersion;
    sqlite3_finalize(s);
    if (!same) return fail(Errc::kUnsupported, "advisory store of another schema", db_path);

    SW_TRY(exec("CREATE TEMP TABLE keep_sources(name TEXT PRIMARY KEY)"));
    sqlite3_stmt* src = nullptr;
    if (sqlite3_prepare_v2(db_,
                           "SELECT name, url, etag, last_modified, fetched_at, advisories "
                           "FROM old.sources",
                           -1, &src, nullptr) != SQLITE_OK) {
      sqlite3_finalize(src);
      return Unexpected(sqlite_error("read old sources"));
    }
    std::vector<std::string> kept;
    bool keep_kev = false;
    while (sqlite3_step(src) == SQLITE_ROW) {
      auto text = [&](int i) {
        const unsigned char* t = sqlite3_column_text(src, i);
        return t == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(t));
      };
      SourceInfo info{text(0), text(1), text(2),
                      text(3), text(4), static_cast<size_t>(sqlite3_column_int64(src, 5))};
      if (!keep(info)) continue;
      if (info.name == kKevSourceName) keep_kev = true;
      kept.push_back(info.name);
    }
    sqlite3_finalize(src);
    sqlite3_stmt* ins = nullptr;
    if (sqlite3_prepare_v2(db_, "INSERT INTO temp.keep_sources(name) VALUES (?1)", -1, &ins,
                           nullptr) != SQLITE_OK) {
      sqlite3_finalize(ins);
      return Unexpected(sqlite_error("carry over"));
    }
    for (const auto& name : kept) {
      sqlite3_reset(ins);
      bind_text(ins, 1, name);
      sqlite3_step(ins);
    }
    sqlite3_finalize(ins);

    SW_TRY(exec("BEGIN"));
    in_transaction_ = true;
    SW_TRY(
        exec("INSERT INTO main.sources SELECT * FROM old.sources "
             "  WHERE name IN (SELECT name FROM temp.keep_sources);"
             "INSERT INTO main.advisories(rowid, id, modified, withdrawn, source, severity, "
             "  body, affected) SELECT rowid, id, modified, withdrawn, source, severity, body, "
             "  affected FROM old.advisories "
             "  WHERE source IN (SELECT name FROM temp.keep_sources);"
             "INSERT INTO main.affected_index SELECT * FROM old.affected_index "
             "  WHERE adv IN (SELECT rowid FROM main.advisories);"
             "INSERT INTO main.aliases SELECT * FROM old.aliases "
             "  WHERE adv IN (SELECT rowid FROM main.advisories);"));
    if (keep_kev) {
      SW_TRY(
          exec("INSERT INTO main.kev SELECT * FROM old.kev;"
               "INSERT OR REPLACE INTO main.meta SELECT * FROM old.meta "
               "  WHERE key IN ('kev_version', 'kev_released');"));
    }
    SW_TRY(exec("COMMIT; DROP TABLE temp.keep_sources;"));
    in_transaction_ = false;

    sqlite3_stmt* ids = nullptr;
    if (sqlite3_prepare_v2(db_, "SELECT id, rowid, modified FROM main.advisories", -1, &ids,
                           nullptr) != SQLITE_OK) {
      sqlite3_finalize(ids);
      return Unexpected(sqlite_error("carry over"));
    }
    size_t n = 0;
    while (sqlite3_step(ids) == SQLITE_ROW) {
      const auto* id = reinterpret_cast<const char*>(sqlite3_column_text(ids, 0));
      const auto* mod = reinterpret_cast<const char*>(sqlite3_column_text(ids, 2));
      ids_[id != nullptr ? id : ""] = {sqlite3_column_int64(ids, 1), mod != nullptr ? mod : ""};
      ++n;
    }
    sqlite3_finalize(ids);
    return n;
  }();
  if (in_transaction_) {
    (void)exec("ROLLBACK");
    in_transaction_ = false;
  }
  (void)exec("DETACH DATABASE old");
  return result;
}

Result<void> StoreBuilder::begin_source(const SourceInfo& info) {
  SW_TRY(ensure_transaction());
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db_,
                         "INSERT OR REPLACE INTO sources(name, url, etag, last_modified, "
                         "fetched_at, advisories) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                         -1, &s, nullptr) != SQLITE_OK) {
    sqlite3_finalize(s);
    return Unexpected(sqlite_error("add source"));
  }
  bind_text(s, 1, info.name);
  bind_text(s, 2, info.url);
  bind_text(s, 3, info.etag);
  bind_text(s, 4, info.last_modified);
  bind_text(s, 5, info.fetched_at);
  sqlite3_bind_int64(s, 6, static_cast<sqlite3_int64>(info.advisories));
  int rc = sqlite3_step(s);
  sqlite3_finalize(s);
  if (rc != SQLITE_DONE) return Unexpected(sqlite_error("add source"));
  source_ = info.name;
  return {};
}

Result<void> StoreBuilder::add(Advisory&& a) {
  if (a.id.empty()) return fail(Errc::kParse, "advisory without an id", temp_path_);
  SW_TRY(ensure_transaction());
  if (auto it = ids_.find(a.id); it != ids_.end()) {
    if (compare_modified(a.modified, it->second.second) < 0) return {};  // older: keep ours
    // The index and alias rows of the replaced advisory are dropped at commit.
    sqlite3_reset(delete_advisory_);
    sqlite3_bind_int64(delete_advisory_, 1, it->second.first);
    if (sqlite3_step(delete_advisory_) != SQLITE_DONE) {
      return Unexpected(sqlite_error("replace advisory " + a.id));
    }
  }
  std::string body = encode_advisory(a, false);
  std::vector<const Affected*> all;
  for (const auto& af : a.affected) all.push_back(&af);
  std::string affected = encode_affected_list(all);
  sqlite3_stmt* s = insert_advisory_;
  sqlite3_reset(s);
  bind_text(s, 1, a.id);
  bind_text(s, 2, a.modified);
  sqlite3_bind_int(s, 3, a.withdrawn.empty() ? 0 : 1);
  bind_text(s, 4, source_);
  bind_text(s, 5, severity_summary(a));
  sqlite3_bind_blob(s, 6, body.data(), static_cast<int>(body.size()), SQLITE_STATIC);
  sqlite3_bind_blob(s, 7, affected.data(), static_cast<int>(affected.size()), SQLITE_STATIC);
  if (sqlite3_step(s) != SQLITE_DONE) return Unexpected(sqlite_error("add advisory " + a.id));
  sqlite3_int64 rowid = sqlite3_last_insert_rowid(db_);
  if (a.withdrawn.empty()) {
    // One index row per package (base, release, normalised name), with all its entries.
    struct Key {
      std::string_view base, release;
      std::string name;
      bool operator==(const Key&) const = default;
    };
    std::vector<std::pair<Key, std::vector<const Affected*>>> groups;
    for (const auto& af : a.affected) {
      if (af.ecosystem.empty() || af.name.empty()) continue;  // GIT-only entries: no package
      EcosystemParts parts = split_ecosystem(af.ecosystem);
      Key key{parts.base, parts.release, normalize_package_name(af.ecosystem, af.name)};
      auto it =
          std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == key; });
      if (it == groups.end()) {
        groups.push_back({std::move(key), {&af}});
      } else {
        it->second.push_back(&af);
      }
    }
    for (const auto& [key, entries] : groups) {
      std::string blob = encode_affected_list(entries);
      sqlite3_stmt* x = insert_index_;
      sqlite3_reset(x);
      bind_text(x, 1, key.base);
      bind_text(x, 2, key.name);
      bind_text(x, 3, key.release);
      sqlite3_bind_int64(x, 4, rowid);
      sqlite3_bind_blob(x, 5, blob.data(), static_cast<int>(blob.size()), SQLITE_STATIC);
      if (sqlite3_step(x) != SQLITE_DONE) return Unexpected(sqlite_error("index " + a.id));
    }
  }
  // `related` ids go in too: distribution advisories (AlmaLinux ALSA-*) name the CVEs they fix
  // there, not under `aliases`, and an advisory fixing a KEV-listed CVE fixes an exploited flaw.
  std::vector<const std::string*> names;
  for (const auto& alias : a.aliases) names.push_back(&alias);
  for (const auto& rel : a.related) names.push_back(&rel);
  for (const std::string* name : names) {
    const std::string& alias = *name;
    sqlite3_stmt* x = insert_alias_;
    sqlite3_reset(x);
    bind_text(x, 1, alias);
    sqlite3_bind_int64(x, 2, rowid);
    if (sqlite3_step(x) != SQLITE_DONE) return Unexpected(sqlite_error("alias " + a.id));
  }
  ids_[a.id] = {rowid, a.modified};
  ++added_;
  return {};
}

AdvisorySink StoreBuilder::sink() {
  return [this](Advisory&& a) {
    if (sink_error_) return;
    auto r = add(std::move(a));
    if (!r) sink_error_ = r.error();
  };
}

Result<void> StoreBuilder::set_kev(const KevCatalog& catalog, SourceInfo info) {
  SW_TRY(ensure_transaction());
  SW_TRY(exec("DELETE FROM kev"));
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db_,
                         "INSERT OR REPLACE INTO kev(cve, vendor, product, name, date_added, "
                         "due_date, ransomware) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                         -1, &s, nullptr) != SQLITE_OK) {
    sqlite3_finalize(s);
    return Unexpected(sqlite_error("add KEV"));
  }
  for (const auto& e : catalog.entries) {
    if (e.cve.empty()) continue;
    sqlite3_reset(s);
    bind_text(s, 1, e.cve);
    bind_text(s, 2, e.vendor);
    bind_text(s, 3, e.product);
    bind_text(s, 4, e.name);
    bind_text(s, 5, e.date_added);
    bind_text(s, 6, e.due_date);
    sqlite3_bind_int(s, 7, e.ransomware ? 1 : 0);
    if (sqlite3_step(s) != SQLITE_DONE) {
      sqlite3_finalize(s);
      return Unexpected(sqlite_error("add KEV " + e.cve));
    }
  }
  sqlite3_finalize(s);
  if (sqlite3_prepare_v2(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)", -1, &s,
                         nullptr) != SQLITE_OK) {
    sqlite3_finalize(s);
    return Unexpected(sqlite_error("add KEV"));
  }
  for (auto [k, v] : {std::pair<const char*, const std::string*>{"kev_version", &catalog.version},
                      {"kev_released", &catalog.date_released}}) {
    sqlite3_reset(s);
    bind_text(s, 1, k);
    bind_text(s, 2, *v);
    sqlite3_step(s);
  }
  sqlite3_finalize(s);
  std::string previous = source_;
  info.name = kKevSourceName;
  info.advisories = catalog.entries.size();
  SW_TRY(begin_source(info));
  source_ = previous;
  return {};
}

// The Bloom filter of every indexed (base, name) pair (store/name_filter.h).
Result<std::string> StoreBuilder::name_filter() {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db_,
                         "SELECT COUNT(*) FROM (SELECT DISTINCT base, name FROM affected_index)",
                         -1, &s, nullptr) != SQLITE_OK ||
      sqlite3_step(s) != SQLITE_ROW) {
    sqlite3_finalize(s);
    return Unexpected(sqlite_error("name filter"));
  }
  NameFilterBuilder filter(static_cast<size_t>(sqlite3_column_int64(s, 0)));
  sqlite3_finalize(s);
  if (sqlite3_prepare_v2(db_, "SELECT DISTINCT base, name FROM affected_index", -1, &s, nullptr) !=
      SQLITE_OK) {
    sqlite3_finalize(s);
    return Unexpected(sqlite_error("name filter"));
  }
  int rc;
  auto text = [s](int i) {
    const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
    return std::string_view(t == nullptr ? "" : t, static_cast<size_t>(sqlite3_column_bytes(s, i)));
  };
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) filter.add(text(0), text(1));
  sqlite3_finalize(s);
  if (rc != SQLITE_DONE) return Unexpected(sqlite_error("name filter"));
  return filter.bytes();
}

Result<std::string> StoreBuilder::commit() {
  if (committed_ || db_ == nullptr) return fail(Errc::kInternal, "store already committed");
  auto finish = [&]() -> Result<void> {
    if (sink_error_) return Unexpected(*sink_error_);
    SW_TRY(ensure_transaction());
    SW_TRY(exec(
        "DELETE FROM affected_index WHERE adv NOT IN (SELECT rowid FROM advisories);"
        "DELETE FROM aliases WHERE adv NOT IN (SELECT rowid FROM advisories);"
        "UPDATE sources SET advisories = (SELECT COUNT(*) FROM advisories "
        "  WHERE advisories.source = sources.name) WHERE name != 'KEV';"
        "UPDATE sources SET advisories = (SELECT COUNT(*) FROM kev) WHERE name = 'KEV';"
        "UPDATE advisories SET kev = 0, kev_ransomware = 0, kev_date_added = '' WHERE kev;"
        "WITH m(adv, date_added, ransomware) AS ("
        "  SELECT a.rowid, k.date_added, k.ransomware FROM advisories a JOIN kev k ON k.cve = a.id"
        "  UNION ALL"
        "  SELECT al.adv, k.date_added, k.ransomware FROM aliases al JOIN kev k ON k.cve = al.alias"
        "), g(adv, d, r) AS (SELECT adv, MIN(date_added), MAX(ransomware) FROM m GROUP BY adv)"
        "UPDATE advisories SET kev = 1, kev_date_added = g.d, kev_ransomware = g.r FROM g "
        "  WHERE advisories.rowid = g.adv;"));
    auto filter = name_filter();
    if (!filter) return Unexpected(filter.error());
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)", -1, &s,
                           nullptr) != SQLITE_OK) {
      sqlite3_finalize(s);
      return Unexpected(sqlite_error("meta"));
    }
    std::string version = std::to_string(kStoreSchemaVersion);
    std::string now = rfc3339_now();
    for (auto [k, v] : {std::pair<const char*, const std::string*>{"schema_version", &version},
                        {"built_at", &now}}) {
      sqlite3_reset(s);
      bind_text(s, 1, k);
      bind_text(s, 2, *v);
      if (sqlite3_step(s) != SQLITE_DONE) {
        sqlite3_finalize(s);
        return Unexpected(sqlite_error("meta"));
      }
    }
    sqlite3_reset(s);
    bind_text(s, 1, "name_filter");
    sqlite3_bind_blob(s, 2, filter->data(), static_cast<int>(filter->size()), SQLITE_TRANSIENT);
    if (sqlite3_step(s) != SQLITE_DONE) {
      sqlite3_finalize(s);
      return Unexpected(sqlite_error("meta"));
    }
    sqlite3_finalize(s);
    SW_TRY(exec("COMMIT"));
    in_transaction_ = false;
    // No ANALYZE: with statistics of a small store the planner scans `advisories` instead of
    // searching it by rowid; its default heuristics pick the index plans for every query here.
    // No VACUUM: a store written once in one transaction has few free pages to reclaim.
    for (sqlite3_stmt** st :
         {&insert_advisory_, &insert_index_, &insert_alias_, &delete_advisory_}) {
      sqlite3_finalize(*st);
      *st = nullptr;
    }
    if (sqlite3_close(db_) != SQLITE_OK) return Unexpected(sqlite_error("close"));
    db_ = nullptr;
    SW_TRY(fsync_path(temp_path_, false));
    std::string final_path = store_path(data_dir_);
    if (::rename(temp_path_.c_str(), final_path.c_str()) != 0) {
      return Unexpected(error_from_errno(errno, "rename the new store into place", final_path));
    }
    committed_ = true;
    SW_TRY(fsync_path(data_dir_, true));
    return {};
  };
  auto r = finish();
  if (!r && !committed_) {
    discard();
    return Unexpected(r.error());
  }
  if (!r) return Unexpected(r.error());  // renamed, but the directory sync failed
  return store_path(data_dir_);
}

}  // namespace sw::vuln
