// SPDX-License-Identifier: Apache-2.0
// host.permissions.home_directories: each person's home directory (an account the Accounts fact
// calls human: UID_MIN or above, not nobody) exists, belongs to that account, and is not writable
// by group or others nor readable or searchable by others: 0750 or stricter (Debian 12's adduser
// creates 0700). A group-readable home is accepted, as Lynis HOME-9304 does.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"
#include "scan/facts/file_perms.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.permissions.home_directories",
    .title = "Home directories are private to their owners",
    .family = "permissions",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kUser,
    .why =
        "A home directory holds SSH keys, shell start-up files and browser profiles. If others can "
        "read it they see private files; if others can write it they can plant a .bashrc or an "
        "authorized_keys entry and act as the owner.",
    .fix =
        "chmod 0750 ~ (or 0700), and have the administrator run chown USER: /home/USER if the "
        "owner is wrong. For new accounts set HOME_MODE 0750 in /etc/login.defs and DIR_MODE=0750 "
        "in /etc/adduser.conf.",
    .cis = "7.2.9",
    .lynis = "HOME-9304",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& accounts = ctx.fact<sw::scan::Accounts>();
  if (!accounts) {
    out.error(accounts.error().to_string());
    return;
  }
  if (accounts->passwd_error) {
    out.error(accounts->passwd_error->to_string());
    return;
  }
  int checked = 0, people = 0;
  for (const auto& a : accounts->accounts) {
    if (!accounts->is_human(a)) continue;
    ++people;
    if (a.home.empty() || a.home == "/" || a.home == "/nonexistent") continue;
    sw::Location where{"/etc/passwd", a.passwd_line};
    auto st = ctx.host().stat(a.home);
    if (!st) {
      if (st.error().code() != sw::Errc::kNotFound) {
        out.error(st.error().to_string());
        continue;
      }
      out.fail(sw::scan::Issue{
          .subject = a.home,
          .evidence = fmt::format("home directory {} of {} does not exist (/etc/passwd line {})",
                                  a.home, a.name, a.passwd_line),
          .location = where,
          .role = sw::Role::kAdmin,
          .owner_name = a.name});
      continue;
    }
    ++checked;
    if (st->type != sw::FileType::kDirectory) {
      out.fail(sw::scan::Issue{
          .subject = a.home,
          .evidence = fmt::format("home of {} is not a directory: {}", a.name, a.home),
          .location = {a.home, 0},
          .role = sw::Role::kAdmin,
          .owner_name = a.name});
      continue;
    }
    std::string seen =
        fmt::format("{} is {}:{} {}", a.home, sw::scan::user_text(&*accounts, st->uid),
                    sw::scan::group_text(&*accounts, st->gid), sw::scan::mode_text(st->mode));
    if (st->uid != a.uid) {
      out.fail(sw::scan::Issue{
          .subject = a.home,
          .evidence = fmt::format("{}: not owned by {} (UID {})", seen, a.name, a.uid),
          .location = {a.home, 0},
          .severity = sw::Severity::kHigh,
          .role = sw::Role::kAdmin,
          .owner_name = a.name});
    }
    uint32_t extra = st->mode & 0027;
    if (extra != 0) {
      bool writable = (extra & 0022) != 0;
      out.fail(sw::scan::Issue{.subject = a.home,
                               .evidence = fmt::format("{}: {} (expected 0750 or stricter)", seen,
                                                       sw::scan::bits_words(extra)),
                               .location = {a.home, 0},
                               .severity = writable ? sw::Severity::kHigh : sw::Severity::kMedium,
                               .role = sw::Role::kUser,
                               .owner_name = a.name});
    }
  }
  if (people == 0) {
    out.not_applicable("no personal accounts (UID >= UID_MIN) in /etc/passwd");
    return;
  }
  if (checked == 0) {
    out.not_applicable(
        fmt::format("none of the {} personal accounts has a home directory", people));
    return;
  }
  out.pass(fmt::format("{} home director{} owned by their accounts, mode 0750 or stricter", checked,
                       checked == 1 ? "y" : "ies"));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
