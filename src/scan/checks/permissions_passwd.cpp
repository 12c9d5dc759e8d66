// SPDX-License-Identifier: Apache-2.0
// host.permissions.passwd: /etc/passwd and its backup /etc/passwd- are root:root, mode 0644 or
// stricter. The file must stay world-readable for name lookups; what matters is that nobody but
// root can write it.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/file_perms.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.permissions.passwd",
    .title = "/etc/passwd is writable only by root",
    .family = "permissions",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "/etc/passwd decides every account's user ID, home and shell. Whoever can write it can "
        "give themselves user ID 0 and become root.",
    .fix = "chown root:root /etc/passwd /etc/passwd- && chmod 0644 /etc/passwd /etc/passwd-",
    .cis = "7.1.1 7.1.2",
    .lynis = "FILE-7524",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* accounts = sw::scan::accounts_or_null(ctx);
  sw::scan::PermPolicy policy;
  policy.max_mode = 0644;
  policy.wrong_group = sw::Severity::kMedium;
  policy.other = sw::Severity::kLow;
  int checked =
      sw::scan::judge_files(ctx, out, {"/etc/passwd", "/etc/passwd-"}, policy, accounts, true);
  if (checked > 0) {
    out.pass(fmt::format("{} passwd file{} owned by root:root, mode 0644 or stricter", checked,
                         checked == 1 ? "" : "s"));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
