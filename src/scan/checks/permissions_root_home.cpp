// SPDX-License-Identifier: Apache-2.0
// host.permissions.root_home: root's home directory (its /etc/passwd home, /root by default) is
// owned by root, mode 0700 or stricter, as Debian installs it.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"
#include "scan/facts/file_perms.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.permissions.root_home",
    .title = "root's home directory is private",
    .family = "permissions",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "root's home holds its shell history, SSH keys and start-up files. If others can read it "
        "they learn commands and secrets typed as root; if they can write it they can plant code "
        "root runs at its next login.",
    .fix = "chown root:root /root && chmod 0700 /root",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* accounts = sw::scan::accounts_or_null(ctx);
  std::string home = "/root";
  if (accounts) {
    if (const auto* root = accounts->find("root"); root && !root->home.empty()) home = root->home;
  }
  if (home == "/") {
    out.not_applicable("root's home directory is / (judged by other checks)");
    return;
  }
  auto st = ctx.host().stat(home);
  if (!st) {
    if (st.error().code() == sw::Errc::kNotFound) {
      out.not_applicable(fmt::format("root's home directory {} does not exist", home));
    } else {
      out.error(st.error().to_string());
    }
    return;
  }
  sw::scan::PermPolicy policy;
  policy.max_mode = 0700;
  policy.gids.clear();  // any group: nothing is granted to it at 0700
  policy.readable = sw::Severity::kMedium;
  policy.other = sw::Severity::kLow;
  auto j = sw::scan::judge_perms(*st, policy, accounts);
  if (!j.ok()) {
    out.fail(sw::scan::perm_issue(home, *st, j, accounts));
    return;
  }
  out.pass(fmt::format("{} is owned by root, mode {}", home, sw::scan::mode_text(st->mode)));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
