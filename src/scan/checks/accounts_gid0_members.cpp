// SPDX-License-Identifier: Apache-2.0
// host.accounts.gid0_members: only root belongs to GID 0. Checked: accounts whose primary GID is
// 0 (root, and the historical sync, shutdown, halt and operator, are allowed), members listed in
// a GID 0 group, and groups other than "root" with GID 0.
#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.accounts.gid0_members",
    .title = "Only root is in group root (GID 0)",
    .family = "accounts",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "Group root (GID 0) can read and often write many system files that are group-owned by "
        "root; an ordinary account in it gets a large part of root's reach without sudo's "
        "logging.",
    .fix =
        "Remove the account from group root (gpasswd -d NAME root), give it another primary "
        "group (usermod -g GROUP NAME), and give any second GID 0 group a new GID (groupmod -g).",
    .cis = "5.4.2.2",
    .refs = "CWE-250"};

constexpr std::array<std::string_view, 5> kAllowed = {"root", "sync", "shutdown", "halt",
                                                      "operator"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& acc = ctx.fact<sw::scan::Accounts>();
  if (!acc) return out.error(acc.error().to_string());
  if (acc->passwd_error) return out.error(acc->passwd_error->to_string());
  for (const auto& a : acc->accounts) {
    if (a.gid != 0 || std::find(kAllowed.begin(), kAllowed.end(), a.name) != kAllowed.end()) {
      continue;
    }
    out.fail(sw::scan::Issue{
        .subject = fmt::format("account {}", a.name),
        .evidence = fmt::format("primary group is GID 0 (/etc/passwd:{})", a.passwd_line),
        .location = {"/etc/passwd", a.passwd_line}});
  }
  if (acc->group_error) return out.error(acc->group_error->to_string());
  for (const auto& g : acc->groups) {
    if (g.gid != 0) continue;
    if (g.name != "root") {
      out.fail(sw::scan::Issue{
          .subject = fmt::format("group {}", g.name),
          .evidence = fmt::format("group {} also has GID 0 (/etc/group:{})", g.name, g.line),
          .location = {"/etc/group", g.line}});
    }
    for (const auto& m : g.members) {
      if (m == "root") continue;
      out.fail(sw::scan::Issue{
          .subject = fmt::format("account {}", m),
          .evidence = fmt::format("member of GID 0 group {} (/etc/group:{})", g.name, g.line),
          .location = {"/etc/group", g.line}});
    }
  }
  out.pass("only root has GID 0");
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
