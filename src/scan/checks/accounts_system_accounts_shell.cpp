// SPDX-License-Identifier: Apache-2.0
// host.accounts.system_accounts_shell: system accounts (UID below UID_MIN of login.defs, not
// root) have no login shell. One that has a shell and is not locked is a finding; a locked one
// with a shell is low (su from root, or a key in its home, still open a shell).
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.accounts.system_accounts_shell",
    .title = "System accounts have no login shell",
    .family = "accounts",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Service accounts such as www-data or daemon are never meant for interactive use; with a "
        "working shell and password they become extra ways in, and a compromised service gets "
        "an interactive account for free.",
    .fix =
        "Give the account a non-login shell and lock it: usermod -s /usr/sbin/nologin NAME && "
        "usermod -L NAME.",
    .cis = "5.4.2.7",
    .refs = "CWE-284"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& acc = ctx.fact<sw::scan::Accounts>();
  if (!acc) return out.error(acc.error().to_string());
  if (acc->passwd_error) return out.error(acc->passwd_error->to_string());
  if (acc->shadow_error) return out.error(acc->shadow_error->to_string());
  int system = 0;
  for (const auto& a : acc->accounts) {
    if (a.uid >= acc->uid_min || a.name == "root" || a.uid == 0) continue;
    ++system;
    if (!a.has_login_shell()) continue;
    bool locked = a.state == sw::scan::PasswordState::kLocked;
    std::string shell = a.shell.empty() ? "(empty: /bin/sh)" : a.shell;
    sw::scan::Issue issue{
        .subject = fmt::format("account {}", a.name),
        .evidence = fmt::format("UID {} < UID_MIN {}, shell {}, {} (/etc/passwd:{})", a.uid,
                                acc->uid_min, shell,
                                locked                                       ? "password locked"
                                : a.state == sw::scan::PasswordState::kEmpty ? "password EMPTY"
                                : a.state == sw::scan::PasswordState::kHash  ? "password set"
                                                                             : "no shadow entry",
                                a.passwd_line),
        .location = {"/etc/passwd", a.passwd_line}};
    if (locked) issue.severity = sw::Severity::kLow;
    out.fail(std::move(issue));
  }
  if (system == 0) return out.not_applicable("no system accounts besides root");
  out.pass(fmt::format("{} system accounts, none with a login shell", system));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
