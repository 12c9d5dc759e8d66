// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the permission checks: judging one file's owner, group and mode against what
// a hardened machine has, and writing it the way `ls -l` users read it ("root:shadow 0640").
// "Or stricter" is bitwise: a mode passes when it grants no bit outside the allowed mode, so 0600
// and 0000 pass a 0640 rule (some tools compare for equality and fail them).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/host.h"
#include "core/severity.h"
#include "scan/check.h"

namespace sw::scan {

struct Account;
struct Accounts;

std::string mode_text(uint32_t mode);                            // "0640", "4755"
std::string user_text(const Accounts* accounts, uint32_t uid);   // "root", or "1234" if unknown
std::string group_text(const Accounts* accounts, uint32_t gid);  // "shadow", or "1234"
std::optional<uint32_t> group_id(const Accounts* accounts, std::string_view name);
// "group write, others read": the permission bits in `bits`, in words.
std::string bits_words(uint32_t bits);

struct PermPolicy {
  uint32_t max_mode = 0644;          // bits a file may have
  std::vector<uint32_t> uids = {0};  // allowed owners (empty: any)
  std::vector<uint32_t> gids = {0};  // allowed groups (empty: any)
  std::string_view expected_owner = "root";
  std::string_view expected_group = "root";
  Severity wrong_owner = Severity::kHigh;
  Severity wrong_group = Severity::kMedium;
  Severity writable = Severity::kHigh;    // group or others may write beyond max_mode
  Severity readable = Severity::kMedium;  // group or others may read or search beyond max_mode
  Severity other = Severity::kLow;        // any other bit beyond max_mode (owner, setid, sticky)
};

struct PermJudgement {
  std::vector<std::string> problems;
  Severity severity = Severity::kInfo;  // the worst problem's
  bool ok() const { return problems.empty(); }
};

PermJudgement judge_perms(const FileStat& st, const PermPolicy& policy, const Accounts* accounts);

// The issue for a file that failed judge_perms: subject is the path, evidence reads
// "/etc/shadow is root:root 0644: others can read (expected 0640 or stricter)".
Issue perm_issue(std::string_view path, const FileStat& st, const PermJudgement& judgement,
                 const Accounts* accounts);

// Judges each of `paths` that exists against `policy`, failing `out` once per weak file; a stat
// error other than "not found" is an error on `out`, and so is a missing first path when
// `first_required`. Returns how many files were judged.
int judge_files(ScanContext& ctx, Outcome& out, std::initializer_list<std::string_view> paths,
                const PermPolicy& policy, const Accounts* accounts, bool first_required);

// The policy for the password-hash files (/etc/shadow, /etc/gshadow and their backups): owner
// root, group root or shadow, mode 0640 or stricter; readable by others is high.
PermPolicy shadow_file_policy(const Accounts* accounts);

// Walk-based checks list at most this many items one by one, then one summary issue.
inline constexpr size_t kMaxListed = 50;

// Whether `path` lies in a directory the system runs from (/etc, /usr, /bin, /sbin, /lib*, /boot,
// /opt, /var/lib, /var/spool, /root, /srv): a weakness there reaches root or every user.
bool is_system_path(std::string_view path);

// Whether `path` is `dir` itself or lies under it.
bool path_under(std::string_view path, std::string_view dir);

// The account whose home directory holds `path` (never "/"), or nullptr.
const Account* home_owner(const Accounts* accounts, std::string_view path);

// The Accounts fact when it loaded passwd, else nullptr (names then print as numbers).
const Accounts* accounts_or_null(ScanContext& ctx);

}  // namespace sw::scan
