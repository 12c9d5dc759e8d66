// SPDX-License-Identifier: Apache-2.0
// host.permissions.shells: /etc/shells, the list of shells chsh lets people pick and that some
// services (FTP daemons, PAM's pam_shells) treat as "a real login", is writable by root only.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/file_perms.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.permissions.shells",
    .title = "/etc/shells is writable by root only",
    .family = "permissions",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "chsh accepts any program listed in /etc/shells, and pam_shells and FTP servers use it "
        "to decide who may log in. Whoever can edit it can make any program a login shell.",
    .fix = "chown root:root /etc/shells && chmod 0644 /etc/shells",
    .cis = "7.1.9",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* accounts = sw::scan::accounts_or_null(ctx);
  sw::scan::PermPolicy policy;
  policy.max_mode = 0644;
  policy.other = sw::Severity::kLow;
  int checked = sw::scan::judge_files(ctx, out, {"/etc/shells"}, policy, accounts, false);
  if (checked == 0) {
    out.not_applicable("no /etc/shells on this system");
    return;
  }
  out.pass("/etc/shells owned by root:root, mode 0644 or stricter");
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
