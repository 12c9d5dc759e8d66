// SPDX-License-Identifier: Apache-2.0
// host.accounts.extra_uid0: only root has UID 0. Unlike a check that greps for "root:x:0:", this
// one lists every account whose UID is 0, so a second UID 0 account fails even when root is fine.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.accounts.extra_uid0",
    .title = "Only root has user ID 0",
    .family = "accounts",
    .severity = sw::Severity::kCritical,
    .role = sw::Role::kAdmin,
    .why =
        "Any account with user ID 0 is the superuser under another name. A second one is a "
        "classic backdoor: it bypasses sudo logging and is easy to miss in a user list.",
    .fix =
        "Find out who created the account and why. Give it a unique non-zero UID "
        "(usermod -u NEW_UID NAME) or remove it (userdel NAME); use sudo for delegated "
        "administration.",
    .cis = "5.4.2.1",
    .lynis = "AUTH-9204",
    .refs = "CWE-250"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& accounts = ctx.fact<sw::scan::Accounts>();
  if (!accounts) {
    out.error(accounts.error().to_string());
    return;
  }
  if (accounts->passwd_error) {
    out.error(accounts->passwd_error->to_string());
    return;
  }
  int uid0 = 0;
  for (const auto& a : accounts->accounts) {
    if (a.uid != 0) continue;
    ++uid0;
    if (a.name == "root") continue;
    out.fail(sw::scan::Issue{
        .subject = fmt::format("account {}", a.name),
        .evidence = fmt::format("{} has UID 0 (/etc/passwd line {})", a.name, a.passwd_line),
        .location = {"/etc/passwd", a.passwd_line}});
  }
  if (uid0 == 0) {
    out.error("/etc/passwd has no UID 0 account: the file is not a usable passwd database");
    return;
  }
  out.pass("root is the only UID 0 account");
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
