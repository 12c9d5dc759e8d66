// SPDX-License-Identifier: Apache-2.0
// The tables of osv.db (internal to the store). One row per advisory with the encoded body
// (codec.h), its affected entries apart, and the columns the queries need; one index row per
// (base ecosystem, release, normalised name, advisory) for non-withdrawn advisories, carrying that
// package's affected entries, so a lookup decodes only what concerns the package; aliases; the KEV
// catalog; the sources the store was built from; and meta (schema_version, built_at, kev_version,
// kev_released).
#pragma once

namespace sw::vuln::store_sql {

inline constexpr const char* kSchema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE advisories(
  rowid INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: index rows of a replaced
                                             -- advisory must not point at its successor
  id TEXT NOT NULL UNIQUE,
  modified TEXT NOT NULL,
  withdrawn INTEGER NOT NULL,
  source TEXT NOT NULL,
  severity TEXT NOT NULL,
  kev INTEGER NOT NULL DEFAULT 0,
  kev_ransomware INTEGER NOT NULL DEFAULT 0,
  kev_date_added TEXT NOT NULL DEFAULT '',
  body BLOB NOT NULL,       -- codec.h, without the affected entries
  affected BLOB NOT NULL);  -- every affected entry (encode_affected_list), for by_id
CREATE TABLE affected_index(
  base TEXT NOT NULL, name TEXT NOT NULL, release TEXT NOT NULL, adv INTEGER NOT NULL,
  entries BLOB NOT NULL,  -- this package's affected entries (encode_affected_list)
  PRIMARY KEY(base, name, release, adv)) WITHOUT ROWID;
CREATE TABLE aliases(alias TEXT NOT NULL, adv INTEGER NOT NULL,
  PRIMARY KEY(alias, adv)) WITHOUT ROWID;
CREATE TABLE kev(cve TEXT PRIMARY KEY, vendor TEXT NOT NULL, product TEXT NOT NULL,
  name TEXT NOT NULL, date_added TEXT NOT NULL, due_date TEXT NOT NULL,
  ransomware INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE sources(name TEXT PRIMARY KEY, url TEXT NOT NULL, etag TEXT NOT NULL,
  last_modified TEXT NOT NULL, fetched_at TEXT NOT NULL, advisories INTEGER NOT NULL)
  WITHOUT ROWID;
)sql";

}  // namespace sw::vuln::store_sql
