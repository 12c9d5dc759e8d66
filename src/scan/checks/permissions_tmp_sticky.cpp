// SPDX-License-Identifier: Apache-2.0
// host.permissions.tmp_sticky: /tmp and /var/tmp exist as root-owned directories with mode 1777:
// writable by everyone (programs rely on it) and sticky (nobody deletes or renames another user's
// files). A symlink (/var/tmp -> /tmp) is judged by its target.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/file_perms.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.permissions.tmp_sticky",
    .title = "/tmp and /var/tmp are 1777 with the sticky bit",
    .family = "permissions",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Without the sticky bit on a shared temporary directory, any user can delete or replace "
        "another user's or a service's temporary files and sockets, the start of many local "
        "attacks. Without write access for all, programs that need a temporary file fail.",
    .fix = "chown root:root /tmp /var/tmp && chmod 1777 /tmp /var/tmp",
    .cis = "7.1.11",
    .lynis = "FILE-6362",
    .refs = "CWE-377"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* accounts = sw::scan::accounts_or_null(ctx);
  for (std::string_view path : {"/tmp", "/var/tmp"}) {
    auto st = ctx.host().stat(path);
    if (!st) {
      if (st.error().code() != sw::Errc::kNotFound) {
        out.error(st.error().to_string());
        continue;
      }
      out.fail(sw::scan::Issue{.subject = std::string(path),
                               .evidence = fmt::format("{} does not exist", path),
                               .location = {std::string(path), 0},
                               .severity = sw::Severity::kLow});
      continue;
    }
    std::string seen =
        fmt::format("{} is {}:{} {}", path, sw::scan::user_text(accounts, st->uid),
                    sw::scan::group_text(accounts, st->gid), sw::scan::mode_text(st->mode));
    auto issue = [&](std::string problem, sw::Severity sev) {
      out.fail(sw::scan::Issue{.subject = std::string(path),
                               .evidence = fmt::format("{}: {}", seen, problem),
                               .location = {std::string(path), 0},
                               .severity = sev});
    };
    if (st->type != sw::FileType::kDirectory) {
      issue("not a directory", sw::Severity::kMedium);
      continue;
    }
    if (st->uid != 0)
      issue("not owned by root (its owner can delete anyone's files)", sw::Severity::kHigh);
    if ((st->mode & 0002) && !(st->mode & 01000)) {
      issue("writable by all without the sticky bit", sw::Severity::kHigh);
    } else if (st->mode != 01777) {
      issue("expected 1777", sw::Severity::kLow);
    }
  }
  out.pass("/tmp and /var/tmp are root-owned, mode 1777");
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
