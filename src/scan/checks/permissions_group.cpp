// SPDX-License-Identifier: Apache-2.0
// host.permissions.group: /etc/group and its backup /etc/group- are root:root, mode 0644 or
// stricter. The file must stay world-readable for name lookups; what matters is that nobody but
// root can write it.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/file_perms.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.permissions.group",
    .title = "/etc/group is writable only by root",
    .family = "permissions",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "/etc/group decides group membership. Whoever can write it can add themselves to sudo, "
        "shadow or disk and from there become root or read every password hash.",
    .fix = "chown root:root /etc/group /etc/group- && chmod 0644 /etc/group /etc/group-",
    .cis = "7.1.3 7.1.4",
    .lynis = "FILE-7524",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* accounts = sw::scan::accounts_or_null(ctx);
  sw::scan::PermPolicy policy;
  policy.max_mode = 0644;
  policy.wrong_group = sw::Severity::kMedium;
  policy.other = sw::Severity::kLow;
  int checked =
      sw::scan::judge_files(ctx, out, {"/etc/group", "/etc/group-"}, policy, accounts, true);
  if (checked > 0) {
    out.pass(fmt::format("{} group file{} owned by root:root, mode 0644 or stricter", checked,
                         checked == 1 ? "" : "s"));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
