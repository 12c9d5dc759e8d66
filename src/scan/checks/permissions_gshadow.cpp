// SPDX-License-Identifier: Apache-2.0
// host.permissions.gshadow: /etc/gshadow and its backup /etc/gshadow- are root-owned, group root or
// shadow, mode 0640 or stricter. Stricter modes (0600, 0400, 0000) pass: root reads the file
// whatever its mode; the shadow group is how Debian lets tools read it without root.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/file_perms.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.permissions.gshadow",
    .title = "/etc/gshadow is readable only by root and the shadow group",
    .family = "permissions",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "/etc/gshadow holds group passwords and group administrators. Anyone who can read it can "
        "crack "
        "the group password hashes offline; anyone who can write it can join any group, including "
        "sudo or shadow.",
    .fix =
        "chown root:shadow /etc/gshadow /etc/gshadow- && chmod 0640 /etc/gshadow /etc/gshadow- "
        "(0600 or 0000 are fine too).",
    .cis = "7.1.7 7.1.8",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* accounts = sw::scan::accounts_or_null(ctx);
  int checked = sw::scan::judge_files(ctx, out, {"/etc/gshadow", "/etc/gshadow-"},
                                      sw::scan::shadow_file_policy(accounts), accounts, false);
  if (checked == 0) {
    out.not_applicable("no /etc/gshadow on this system");
    return;
  }
  out.pass(
      fmt::format("{} gshadow file{} owned by root, group root or shadow, mode 0640 or stricter",
                  checked, checked == 1 ? "" : "s"));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
