// SPDX-License-Identifier: Apache-2.0
// The write side of the advisory store (store.h): builds a whole new `<data_dir>/osv.db` in a
// temporary file `<data_dir>/osv.db.tmp-XXXXXX` and renames it over the old one on commit()
// (rename(2) is atomic within a filesystem; the file and the directory are fsync'ed first, so a
// crash leaves the old store or the new one, never a mix). Until commit() nothing the readers see
// changes; a failure, or destroying the builder without commit(), removes the temporary file.
//
// Advisories are attributed to the current source (begin_source); an id seen twice keeps the
// record with the later `modified` (the later one added on a tie). The KEV catalog marks, at
// commit, every advisory whose id, one of whose aliases or one of whose `related` ids (how
// distributions name the CVEs an erratum fixes) is a catalog CVE (kev, ransomware when
// knownRansomwareCampaignUse is "Known", and the earliest dateAdded).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/result.h"
#include "vuln/osv/advisory.h"
#include "vuln/osv/osv.h"
#include "vuln/store/store.h"

struct sqlite3;
struct sqlite3_stmt;

namespace sw::vuln {

// The name the KEV catalog's source row always has, whatever its URL or file.
inline constexpr const char* kKevSourceName = "KEV";
// Bumped when the tables change; a store of another version is rebuilt, never read.
inline constexpr int kStoreSchemaVersion = 1;

class StoreBuilder {
 public:
  // Creates the data dir when missing and the temporary store in it.
  static Result<std::unique_ptr<StoreBuilder>> create(const std::string& data_dir);
  StoreBuilder() = default;  // empty; use create()
  ~StoreBuilder();
  StoreBuilder(const StoreBuilder&) = delete;
  StoreBuilder& operator=(const StoreBuilder&) = delete;

  // Copies from an existing store the advisories and source rows of the sources `keep` accepts
  // (and the KEV catalog when it accepts the "KEV" source). Must come before any other addition.
  // Returns the number of advisories copied; kNotFound when `db_path` does not exist.
  Result<size_t> carry_over(const std::string& db_path,
                            const std::function<bool(const SourceInfo&)>& keep);

  // Advisories added from now on belong to `info` (its `advisories` count is computed at commit).
  // A source of the same name replaces the earlier row.
  Result<void> begin_source(const SourceInfo& info);
  Result<void> add(Advisory&& advisory);
  // add() as an AdvisorySink for ingest_path / ingest_zip; the first error is kept and makes
  // commit() fail.
  AdvisorySink sink();
  // Replaces the KEV catalog (carried over or set before) and records its source row as "KEV".
  Result<void> set_kev(const KevCatalog& catalog, SourceInfo info);

  // Finishes the store and renames it over `<data_dir>/osv.db`. Returns that path.
  Result<std::string> commit();

  const std::string& temp_path() const { return temp_path_; }
  size_t added() const { return added_; }

 private:
  Result<void> ensure_transaction();
  Result<void> exec(const char* sql);
  Result<std::string> name_filter();
  Result<sqlite3_stmt*> prepare(const char* sql);
  Error sqlite_error(std::string_view what) const;
  void discard();

  std::string data_dir_;
  std::string temp_path_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_advisory_ = nullptr;
  sqlite3_stmt* insert_index_ = nullptr;
  sqlite3_stmt* insert_alias_ = nullptr;
  sqlite3_stmt* delete_advisory_ = nullptr;
  std::string source_;  // current source name
  // id -> (rowid, modified) of what is stored, for the later-modified-wins rule.
  std::unordered_map<std::string, std::pair<int64_t, std::string>> ids_;
  std::optional<Error> sink_error_;
  size_t added_ = 0;
  bool in_transaction_ = false;
  bool committed_ = false;
};

}  // namespace sw::vuln
