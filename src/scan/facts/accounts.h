// SPDX-License-Identifier: Apache-2.0
// Accounts: /etc/passwd, /etc/shadow and /etc/group as the system reads them (passwd(5),
// shadow(5), group(5); glibc's nss_files and pam_unix semantics). Malformed lines are reported to
// the context with file and line and skipped; the rest is kept. Unreadable shadow files leave
// `shadow_error` set (checks that need them then say why they could not decide) but never stop the
// other files.
//
// Secret hygiene: a password hash is kept only as its scheme and state, never as text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace sw::scan {

class ScanContext;

enum class PasswordState {
  kEmpty,     // "" : no password at all, anyone can log in where PAM allows nullok
  kLocked,    // "!" or "*" prefixed, or "!!": no password login
  kHash,      // a crypt(3) hash
  kNoShadow,  // passwd field "x" but no shadow entry
};

struct Account {
  std::string name;
  uint32_t uid = 0;
  uint32_t gid = 0;
  std::string gecos;
  std::string home;
  std::string shell;
  int passwd_line = 0;  // line in /etc/passwd

  // The passwd field is "x": the password lives in /etc/shadow. Any other passwd field is the
  // password itself (glibc and pam_unix then never consult shadow for it).
  bool shadowed = false;
  // From /etc/shadow when it was readable and has the account (first entry wins, as getspnam).
  bool has_shadow = false;
  PasswordState state = PasswordState::kNoShadow;
  std::string scheme;  // crypt scheme: "yescrypt", "sha512", "sha256", "md5", "bcrypt", "des", ...
  std::optional<long> last_change_days, min_days, max_days, warn_days, inactive_days, expire_days;
  int shadow_line = 0;

  // A shell that lets the account log in (not nologin, false, sync, halt, shutdown).
  bool has_login_shell() const;
};

struct Group {
  std::string name;
  uint32_t gid = 0;
  std::vector<std::string> members;
  int line = 0;
};

struct Accounts {
  std::vector<Account> accounts;      // in /etc/passwd order
  std::vector<Group> groups;          // in /etc/group order
  std::optional<Error> passwd_error;  // /etc/passwd could not be read
  std::optional<Error> shadow_error;  // /etc/shadow could not be read
  std::optional<Error> group_error;
  // UID_MIN from /etc/login.defs (default 1000): the first UID of people's accounts.
  uint32_t uid_min = 1000;

  const Account* find(std::string_view name) const;
  const Group* find_group(std::string_view name) const;
  // Accounts with uid >= uid_min (and not nobody 65534): the people.
  bool is_human(const Account& a) const;

  static Result<Accounts> load(ScanContext& ctx);
};

// Pure parsers (for tests and fuzzers): each appends what it reads to `out` and one Error per
// malformed line to `errors`. parse_shadow and parse_group expect parse_passwd to have run first.
void parse_passwd(std::string_view text, Accounts& out, std::vector<Error>& errors);
void parse_shadow(std::string_view text, Accounts& out, std::vector<Error>& errors);
void parse_group(std::string_view text, Accounts& out, std::vector<Error>& errors);

// The crypt(3) scheme name of a hash field ("$6$..." -> "sha512"; 13 chars of [./0-9A-Za-z] ->
// "des"), or "unknown".
std::string crypt_scheme(std::string_view hash);

}  // namespace sw::scan
