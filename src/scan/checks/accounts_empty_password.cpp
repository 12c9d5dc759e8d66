// SPDX-License-Identifier: Apache-2.0
// host.accounts.empty_password: no account has an empty password field. Whether PAM lets such an
// account in depends on pam_unix's nullok option, so each finding says whether nullok is set.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"
#include "scan/facts/pam.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.accounts.empty_password",
    .title = "No account has an empty password",
    .family = "accounts",
    .severity = sw::Severity::kCritical,
    .role = sw::Role::kAdmin,
    .why =
        "An account whose password field is empty needs no password at all: wherever PAM "
        "allows it (pam_unix nullok), anyone at a console or login prompt can become that user.",
    .fix =
        "Lock the account (passwd -l NAME) or give it a password (passwd NAME); then remove "
        "'nullok' from the pam_unix.so lines in /etc/pam.d/common-auth.",
    .cis = "7.2.2",
    .lynis = "AUTH-9283",
    .refs = "CWE-258 CWE-521"};

// The first auth pam_unix line with nullok in any PAM file, "" when none.
std::string find_nullok(const sw::scan::Pam& pam) {
  for (const auto& [path, file] : pam.files) {
    for (const auto& e : file.entries) {
      if (e.kind == sw::scan::PamEntry::Kind::kModule && e.type == "auth" &&
          e.module == "pam_unix" && (e.has_arg("nullok") || e.has_arg("nullok_secure"))) {
        return e.where();
      }
    }
  }
  return {};
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& acc = ctx.fact<sw::scan::Accounts>();
  if (!acc) return out.error(acc.error().to_string());
  if (acc->passwd_error) return out.error(acc->passwd_error->to_string());
  std::string nullok;
  if (const auto& pam = ctx.fact<sw::scan::Pam>(); pam && pam->present) nullok = find_nullok(*pam);
  std::string login_note =
      nullok.empty()
          ? "pam_unix has no nullok, so PAM logins refuse the empty password (other paths such "
            "as su from root or a non-PAM service may still accept it)"
          : fmt::format("pam_unix nullok at {} lets it log in with no password", nullok);
  int empty = 0;
  for (const auto& a : acc->accounts) {
    if (a.state != sw::scan::PasswordState::kEmpty) continue;
    ++empty;
    bool in_shadow = a.has_shadow;
    std::string file = in_shadow ? "/etc/shadow" : "/etc/passwd";
    int line = in_shadow ? a.shadow_line : a.passwd_line;
    out.fail(sw::scan::Issue{
        .subject = fmt::format("account {}", a.name),
        .evidence = fmt::format("password field is empty ({}:{}); {}", file, line, login_note),
        .location = {file, line},
        .risk_delta = nullok.empty() ? -0.5 : 0.5});
  }
  if (acc->shadow_error) {
    return out.error(
        fmt::format("cannot check password fields: {}", acc->shadow_error->to_string()));
  }
  if (empty == 0)
    out.pass(fmt::format("all {} accounts have a password or are locked", acc->accounts.size()));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
