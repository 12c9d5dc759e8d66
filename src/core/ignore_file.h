// SPDX-License-Identifier: Apache-2.0
// The contract every shieldwall ignore file keeps (the vulnerability ignore file, vuln/ignore.h,
// and the secret ignore file, secrets/ignore.h): TOML, one `[[ignore]]` table per accepted risk.
// Each entry says what it covers with keys its module defines, and carries
//   reason  = "why this is acceptable"          (required)
//   owner   = "who decided it"                  (required)
//   expires = 2027-01-31                        (TOML date or "YYYY-MM-DD"; optional)
// An entry without a reason or an owner is refused: an accepted risk is somebody's decision. After
// the expiry date the finding comes back and the report says so.
//
// Parsing never stops at the first problem: every bad entry is reported (file and line) and
// skipped; the other entries apply. toml++ does the TOML; this file holds the shared contract.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace sw {

// Who accepted a risk, why, until when, and where that is written.
struct Acceptance {
  std::string reason;
  std::string owner;
  std::string expires;  // YYYY-MM-DD; empty = no expiry
  std::string file;
  int line = 0;

  // Whether the entry no longer applies on `today` ("YYYY-MM-DD"): the expiry date is past.
  bool expired(std::string_view today) const { return !expires.empty() && expires < today; }
  // "REASON (OWNER, until DATE) FILE:LINE": why a finding is hidden.
  std::string describe() const;
  // "FILE:LINE: the ignore entry for WHAT expired on DATE: the finding is back".
  std::string expired_note(std::string_view what) const;
};

// One well-formed [[ignore]] entry: its acceptance and its other string-valued keys.
struct IgnoreEntry {
  Acceptance acceptance;
  std::map<std::string, std::string, std::less<>> keys;

  // The value of a string key, or "" when it is absent (or not a string).
  std::string_view key(std::string_view name) const;
};

struct IgnoreFile {
  std::vector<IgnoreEntry> entries;  // only entries that passed every check
  std::vector<Error> errors;         // bad entries and syntax errors, each with file and line
};

// What a module checks in an entry before the shared checks run: returns the entry's name for
// messages ("CVE-2024-1234", "fingerprint SW-…"), or sets `problem` when the entry does not say
// (well) what it covers. The problem becomes an error at the entry's line and the entry is skipped.
using IgnoreSubject = std::function<std::string(const IgnoreEntry& entry, std::string& problem)>;

// Parses ignore-file text; `path` names the file in messages.
IgnoreFile parse_ignore_toml(std::string_view text, const std::string& path,
                             const IgnoreSubject& subject);
// Reads and parses a file; an unreadable file is one error.
IgnoreFile load_ignore_toml(const std::string& path, const IgnoreSubject& subject);

// "YYYY-MM-DD" with digits in place (no calendar check).
bool is_iso_date(std::string_view text);

}  // namespace sw
