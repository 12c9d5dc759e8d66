// SPDX-License-Identifier: Apache-2.0
// host.accounts.shadow_group_empty: group "shadow" (which can read /etc/shadow on Debian) has no
// members in /etc/group and is nobody's primary group.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.accounts.shadow_group_empty",
    .title = "Group shadow has no members",
    .family = "accounts",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Members of group shadow can read /etc/shadow, so they can copy every password hash and "
        "crack them offline. Only a few setgid programs (unix_chkpwd, chage, expiry) need it.",
    .fix =
        "Remove the members (gpasswd -d NAME shadow) and give accounts whose primary group is "
        "shadow another primary group (usermod -g GROUP NAME).",
    .cis = "7.2.4",
    .lynis = "AUTH-9216",
    .refs = "CWE-522"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& acc = ctx.fact<sw::scan::Accounts>();
  if (!acc) return out.error(acc.error().to_string());
  if (acc->passwd_error) return out.error(acc->passwd_error->to_string());
  if (acc->group_error) return out.error(acc->group_error->to_string());
  const auto* g = acc->find_group("shadow");
  if (g == nullptr) return out.not_applicable("there is no group named shadow");
  for (const auto& m : g->members) {
    out.fail(
        sw::scan::Issue{.subject = fmt::format("account {}", m),
                        .evidence = fmt::format("member of group shadow (/etc/group:{})", g->line),
                        .location = {"/etc/group", g->line}});
  }
  for (const auto& a : acc->accounts) {
    if (a.gid != g->gid) continue;
    out.fail(sw::scan::Issue{
        .subject = fmt::format("account {}", a.name),
        .evidence =
            fmt::format("primary group is shadow, GID {} (/etc/passwd:{})", a.gid, a.passwd_line),
        .location = {"/etc/passwd", a.passwd_line}});
  }
  out.pass(fmt::format("group shadow (GID {}) has no members", g->gid));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
