// SPDX-License-Identifier: Apache-2.0
// host.permissions.opasswd: /etc/security/opasswd (and opasswd.old), where pam_pwhistory and
// pam_unix's "remember" keep old password hashes, are readable and writable by root only.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/file_perms.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.permissions.opasswd",
    .title = "Old password hashes are readable by root only",
    .family = "permissions",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "/etc/security/opasswd keeps earlier password hashes so they cannot be reused. People "
        "vary old passwords slightly, so anyone who cracks these hashes can guess the current "
        "ones.",
    .fix =
        "chown root:root /etc/security/opasswd /etc/security/opasswd.old && chmod 0600 "
        "/etc/security/opasswd /etc/security/opasswd.old",
    .cis = "7.1.10",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* accounts = sw::scan::accounts_or_null(ctx);
  sw::scan::PermPolicy policy;
  policy.max_mode = 0600;
  policy.readable = sw::Severity::kHigh;  // the hashes can be cracked offline
  policy.wrong_group = sw::Severity::kHigh;
  int checked = sw::scan::judge_files(
      ctx, out, {"/etc/security/opasswd", "/etc/security/opasswd.old"}, policy, accounts, false);
  if (checked == 0) {
    out.not_applicable("no /etc/security/opasswd: no password history is kept");
    return;
  }
  out.pass(fmt::format("{} password history file{} owned by root:root, mode 0600 or stricter",
                       checked, checked == 1 ? "" : "s"));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
