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
    .cis = "7.1.7",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* accounts = sw::scan::accounts_or_null(ctx);
  sw::scan::PermPolicy policy;
  policy.max_mode = 0640;
  policy.expected_group = "root or shadow";
  policy.readable = sw::Severity::kHigh;  // a readable shadow file gives away the hashes
  policy.wrong_group = sw::Severity::kHigh;
  if (auto gid = sw::scan::group_id(accounts, "shadow")) policy.gids.push_back(*gid);
  int checked = 0;
  for (std::string_view path : {"/etc/gshadow", "/etc/gshadow-"}) {
    auto st = ctx.host().stat(path);
    if (!st) {
      if (st.error().code() == sw::Errc::kNotFound) continue;
      out.error(st.error().to_string());
      continue;
    }
    ++checked;
    auto j = sw::scan::judge_perms(*st, policy, accounts);
    if (!j.ok()) out.fail(sw::scan::perm_issue(path, *st, j, accounts));
  }
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
