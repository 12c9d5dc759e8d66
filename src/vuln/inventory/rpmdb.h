// SPDX-License-Identifier: Apache-2.0
// The RPM package database: the SQLite rpmdb of RPM >= 4.16 (rpmdb.sqlite, table
// Packages(hnum INTEGER PRIMARY KEY, blob BLOB), as RPM's lib/backend/sqlite.c creates it), whose
// blobs are RPM headers, and the header parser itself.
//
// Header layout (RPM's lib/header.c and the LSB "Package File Format" header structure), all
// integers big-endian: int32 index-entry count `il`, int32 data-store size `dl`, `il` index
// entries {int32 tag, int32 type, int32 offset, int32 count}, then `dl` bytes of data store. A
// header stored in the rpmdb has no 8-byte header magic (8e ad e8 01 + 4 reserved bytes) in front
// (RPM's headerExport writes it without); one that has it is accepted too. Every offset, count and
// string is bounds-checked against the data store, with RPM's own limits (hdrchkTags: il < 2^16,
// hdrchkData: dl < 2^24): the bytes come from a filesystem under scan and are untrusted.
//
// The BerkeleyDB (Packages, RHEL <= 8, SLES <= 15) and NDB (Packages.db, SUSE) backends are
// recognised by their magic numbers and reported as unsupported, never read as "no packages".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"

namespace sw::vuln {

// RPM tag numbers used here (rpmtag.h).
inline constexpr uint32_t kRpmTagName = 1000;
inline constexpr uint32_t kRpmTagVersion = 1001;
inline constexpr uint32_t kRpmTagRelease = 1002;
inline constexpr uint32_t kRpmTagEpoch = 1003;
inline constexpr uint32_t kRpmTagArch = 1022;
inline constexpr uint32_t kRpmTagSourceRpm = 1044;

struct RpmPackage {
  std::string name;
  std::optional<uint32_t> epoch;  // absent when the header has no EPOCH tag
  std::string version;
  std::string release;
  std::string arch;        // empty for gpg-pubkey pseudo-packages
  std::string source_rpm;  // "openssl-3.0.7-27.el9.src.rpm"; empty for source-less packages

  // "[epoch:]version-release", the epoch written only when non-zero: the form of the EVRs in
  // AlmaLinux's / Rocky's / SUSE's OSV ranges ("1:3.0.1-43.el9_0", "0.11.1-10.el9").
  std::string evr() const;
  // The source package name: SOURCERPM without "-version-release.src.rpm" (or ".nosrc.rpm");
  // empty when SOURCERPM is empty or not of that form.
  std::string source_name() const;
};

// Parses one header blob (see above). kParse with what is wrong on a malformed header or one
// without NAME, VERSION or RELEASE.
Result<RpmPackage> parse_rpm_header(std::string_view blob);

enum class RpmDbFormat { kSqlite, kBerkeleyDb, kNdb, kUnknown };

// Recognises an rpmdb backend from the first bytes of its file (at least 16 for BerkeleyDB).
RpmDbFormat detect_rpmdb_format(std::string_view head);
std::string_view rpmdb_format_name(RpmDbFormat f);

struct RpmDatabase {
  std::vector<RpmPackage> packages;  // in hnum order
  std::vector<Error> errors;         // unreadable headers (skipped)
};

// Reads an SQLite rpmdb. `file` is the path on the real filesystem (Host::real_path), opened
// read-only with immutable=1 so that a live database is neither locked nor modified (changes
// still in a -wal file are then not seen: os_packages reports a non-empty -wal file).
// `display_path` names the file in errors. Fails (kParse / kIo) when the file is not an SQLite
// database with a Packages table.
Result<RpmDatabase> read_rpmdb_sqlite(const std::string& file, const std::string& display_path);

}  // namespace sw::vuln
