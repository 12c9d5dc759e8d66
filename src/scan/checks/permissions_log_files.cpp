// SPDX-License-Identifier: Apache-2.0
// host.permissions.log_files: files under /var/log are not writable by others, and not readable
// by others unless Debian itself makes them so.
//
// The rule, faithful to Debian 12 defaults (rsyslog's $FileCreateMode 0640 root:adm, journald's
// 0640 root:systemd-journal, login records by login/systemd):
//  - writable by others: high (anyone can forge or erase the record);
//  - writable by a group other than root, adm, utmp, systemd-journal or syslog: medium;
//  - readable by others: medium, except for files Debian creates world-readable because
//    unprivileged tools read them and they hold no secrets: wtmp and lastlog (last, lastlog),
//    faillog, dpkg.log, alternatives.log, bootstrap.log, fontconfig.log, Xorg.N.log,
//    apt/history.log and apt/eipp.log.xz. btmp is *not* on the list: failed logins often hold a
//    password typed as a user name (Debian creates it 0660 root:utmp).
// Rotated copies (".1", ".2.gz", "-20240101") follow their base file's rule. Symlinks are not
// followed. Subdirectories are read down to 8 levels.
#include <algorithm>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"
#include "scan/facts/file_perms.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.permissions.log_files",
    .title = "Log files are not writable, nor readable, by everyone",
    .family = "permissions",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Logs are the record of what happened on the machine. If anyone can write them an "
        "intruder can erase their tracks; if anyone can read them, user names, mistyped passwords "
        "and tokens in them leak to every local account.",
    .fix =
        "chmod o-rwx FILE (or chmod 0640 FILE, owner root, group adm) and make the creating "
        "program keep it: $FileCreateMode 0640 in /etc/rsyslog.conf, the create line of the "
        "logrotate stanza (create 0640 root adm).",
    .cis = "6.1.4.1",
    .refs = "CWE-532 CWE-732"};

constexpr int kMaxDepth = 8;
constexpr size_t kMaxFiles = 100000;

// "dpkg.log.2.gz" -> "dpkg.log", "syslog-20240101" -> "syslog", "wtmp.1" -> "wtmp".
std::string_view unrotated(std::string_view name) {
  for (std::string_view ext : {".gz", ".xz", ".bz2", ".zst", ".lz4"}) {
    if (name.size() > ext.size() && name.ends_with(ext) && name != "eipp.log.xz") {
      name.remove_suffix(ext.size());
      break;
    }
  }
  auto strip_digits_after = [&](char sep) {
    size_t at = name.rfind(sep);
    if (at == std::string_view::npos || at == 0 || at + 1 == name.size()) return false;
    for (char c : name.substr(at + 1)) {
      if (c < '0' || c > '9') return false;
    }
    name = name.substr(0, at);
    return true;
  };
  if (!strip_digits_after('.')) strip_digits_after('-');
  return name;
}

bool debian_world_readable(std::string_view rel) {
  size_t slash = rel.rfind('/');
  std::string_view dir = slash == std::string_view::npos ? "" : rel.substr(0, slash);
  std::string_view name = unrotated(slash == std::string_view::npos ? rel : rel.substr(slash + 1));
  if (dir.empty()) {
    for (std::string_view n : {"wtmp", "lastlog", "faillog", "dpkg.log", "alternatives.log",
                               "bootstrap.log", "fontconfig.log"}) {
      if (name == n) return true;
    }
    // Xorg.0.log: unrotated() already dropped a trailing number, so "Xorg.0.log.old" stays.
    if (name.starts_with("Xorg.") && name.ends_with(".log")) return true;
    return false;
  }
  if (dir == "apt") return name == "history.log" || name == "eipp.log.xz";
  return false;
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& host = ctx.host();
  auto top = host.stat("/var/log");
  if (!top || top->type != sw::FileType::kDirectory) {
    out.not_applicable("no /var/log directory");
    return;
  }
  const auto* accounts = sw::scan::accounts_or_null(ctx);
  std::vector<uint32_t> log_groups = {0};
  for (std::string_view g : {"adm", "utmp", "systemd-journal", "syslog"}) {
    if (auto gid = sw::scan::group_id(accounts, g)) log_groups.push_back(*gid);
  }
  size_t files = 0, listed = 0, failed = 0;
  struct Dir {
    std::string path;
    int depth;
  };
  std::vector<Dir> todo{{"/var/log", 0}};
  while (!todo.empty() && files < kMaxFiles) {
    Dir dir = std::move(todo.back());
    todo.pop_back();
    auto entries = host.list_dir(dir.path);
    if (!entries) {
      out.error(entries.error().to_string());
      continue;
    }
    for (const auto& e : *entries) {
      std::string path = dir.path + "/" + e.name;
      auto st = host.lstat(path);
      if (!st) continue;
      if (st->type == sw::FileType::kDirectory) {
        if (dir.depth + 1 < kMaxDepth) todo.push_back({path, dir.depth + 1});
        continue;
      }
      if (st->type != sw::FileType::kRegular) continue;
      ++files;
      std::string_view rel = std::string_view(path).substr(9);  // after "/var/log/"
      std::vector<std::string> problems;
      sw::Severity sev = sw::Severity::kInfo;
      if (st->mode & 0002) {
        problems.emplace_back("others can write");
        sev = sw::Severity::kHigh;
      }
      if ((st->mode & 0020) &&
          std::find(log_groups.begin(), log_groups.end(), st->gid) == log_groups.end()) {
        problems.push_back(
            fmt::format("group {} can write", sw::scan::group_text(accounts, st->gid)));
        sev = std::max(sev, sw::Severity::kMedium);
      }
      if ((st->mode & 0004) && !debian_world_readable(rel)) {
        problems.emplace_back("others can read");
        sev = std::max(sev, sw::Severity::kMedium);
      }
      if (problems.empty()) continue;
      ++failed;
      if (listed == sw::scan::kMaxListed) continue;
      ++listed;
      std::string what;
      for (const auto& p : problems) what += (what.empty() ? "" : ", ") + p;
      out.fail(sw::scan::Issue{.subject = path,
                               .evidence = fmt::format("{} is {}:{} {}: {}", path,
                                                       sw::scan::user_text(accounts, st->uid),
                                                       sw::scan::group_text(accounts, st->gid),
                                                       sw::scan::mode_text(st->mode), what),
                               .location = {path, 0},
                               .severity = sev});
    }
  }
  if (failed > listed) {
    out.fail(sw::scan::Issue{
        .subject = "more log files with loose permissions",
        .evidence = fmt::format("{} more not listed ({} in all)", failed - listed, failed)});
  }
  if (files >= kMaxFiles) out.error(fmt::format("/var/log: stopped after {} files", kMaxFiles));
  out.pass(
      fmt::format("{} log files under /var/log: none writable by others, none readable by "
                  "others beyond Debian's world-readable records",
                  files));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
