// SPDX-License-Identifier: Apache-2.0
// Password-manager CSV exports, read for the vault audit (`shieldwall password --vault FILE`):
// Bitwarden, 1Password, KeePass 2 and KeePassXC, Chrome / Edge, Firefox. The format is recognised
// by the header row (column names, any order, any case), not by the file name.
//
// The file holds every password of a person in clear. So: each password goes straight into a
// SecretString; the CSV parser's own buffers are wiped when freed; read_vault_file() wipes its
// copy of the file; error messages name the file, the line and the problem, never a field's
// content; and reuse is found by comparing keyed hashes, not by copying passwords around.
// CSV parsing is libcsv's (Debian libcsv-dev), in strict mode.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "password/secret_string.h"

namespace sw::password {

struct VaultEntry {
  std::string name, url, username;
  SecretString password;
  std::uint64_t line = 0;  // 1-based line where the record starts
};

struct Vault {
  std::string format;  // "bitwarden", "1password", "keepass", "keepassxc", "chrome", "firefox"
  std::string file;
  std::vector<VaultEntry> entries;
  std::size_t skipped_empty = 0;      // records without a password (notes, cards, identities)
  std::size_t skipped_malformed = 0;  // records lost to broken CSV or missing columns
  std::vector<std::string> errors;    // "FILE:LINE: why", one per skipped malformed record
};

// Parses an export held in memory (the caller owns and wipes `bytes`). An error when the header
// row is not one of a known export (naming the file, line 1 and the column count) or when the
// input is empty; broken records are skipped and listed in Vault::errors, and parsing resumes on
// the next line.
Result<Vault> parse_vault(std::string_view bytes, std::string file_name);
// Reads and parses a file (at most 256 MiB); the read buffer is wiped afterwards.
Result<Vault> read_vault_file(const std::filesystem::path& path);

// The host of the entry's URL, lower-case, without "www." and port
// ("https://www.Example.com:8443/x" → "example.com"); the name when the URL gives no host.
std::string site_of(const VaultEntry& entry);

// Groups of entry indices (ascending, groups ordered by their first index) whose entries share one
// password across at least two distinct sites. Passwords are compared through HMAC-SHA-256 tags
// under a random key made for this call, so no extra plaintext copy is made.
std::vector<std::vector<std::size_t>> group_reused_passwords(const Vault& vault);

}  // namespace sw::password
