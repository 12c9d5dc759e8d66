// SPDX-License-Identifier: Apache-2.0
// host.permissions.shadow: /etc/shadow and its backup /etc/shadow- are root-owned, group root or
// shadow, mode 0640 or stricter. Stricter modes (0600, 0400, 0000) pass: root reads the file
// whatever its mode, and Debian's unix_chkpwd reads it through the shadow group.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/file_perms.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.permissions.shadow",
    .title = "/etc/shadow is readable only by root and the shadow group",
    .family = "permissions",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "/etc/shadow holds every account's password hash. Anyone who can read it can crack the "
        "hashes offline; anyone who can write it can set root's password.",
    .fix =
        "chown root:shadow /etc/shadow /etc/shadow- && chmod 0640 /etc/shadow /etc/shadow- "
        "(0600 or 0000 are fine too).",
    .cis = "7.1.5 7.1.6",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* accounts = sw::scan::accounts_or_null(ctx);
  int checked = sw::scan::judge_files(ctx, out, {"/etc/shadow", "/etc/shadow-"},
                                      sw::scan::shadow_file_policy(accounts), accounts, false);
  if (checked == 0) {
    out.not_applicable("no /etc/shadow on this system");
    return;
  }
  out.pass(
      fmt::format("{} shadow file{} owned by root, group root or shadow, mode 0640 or stricter",
                  checked, checked == 1 ? "" : "s"));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
