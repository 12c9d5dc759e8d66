// SPDX-License-Identifier: Apache-2.0
// host.ssh.access_restricted: sshd names who may log in (CIS 5.1.4): at least one of AllowUsers,
// AllowGroups, DenyUsers or DenyGroups is set globally. These keywords accumulate (every line
// counts), and sshd applies them in the order DenyUsers, AllowUsers, DenyGroups, AllowGroups.
// A Match block that sets them restricts only the connections it matches, so it does not count.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sshd_config.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.ssh.access_restricted",
    .title = "SSH logins are limited to named users or groups",
    .family = "ssh",
    .severity = sw::Severity::kLow,
    .role = sw::Role::kAdmin,
    .why =
        "Without an allow list every account with a password or key can log in over the "
        "network, including service and forgotten accounts. Naming who needs SSH makes every "
        "other account useless to a remote attacker.",
    .fix =
        "Create a group for SSH users (groupadd sshusers; usermod -aG sshusers NAME) and add "
        "`AllowGroups sshusers` to /etc/ssh/sshd_config, then `sshd -t && systemctl reload "
        "ssh`. Keep a second session open while testing.",
    .cis = "5.1.4",
    .lynis = "SSH-7440",
    .refs = "CWE-284"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::scan::SshdConfig* cfg = sw::scan::sshd_config_for_check(ctx, out);
  if (cfg == nullptr) return;
  std::string set;
  for (std::string_view key : {"allowusers", "allowgroups", "denyusers", "denygroups"}) {
    for (const auto& s : cfg->all(key)) set += (set.empty() ? "" : "; ") + s.evidence();
  }
  if (!set.empty()) {
    out.pass(set);
    return;
  }
  std::string in_match;
  for (const auto& m : cfg->matches) {
    for (std::string_view key : {"allowusers", "allowgroups", "denyusers", "denygroups"}) {
      if (m.find(key) != nullptr)
        in_match = fmt::format(" (only Match {} at {}:{} sets one)", m.criteria, m.file, m.line);
    }
  }
  out.fail(sw::scan::Issue{
      .subject = "sshd AllowUsers/AllowGroups",
      .evidence = fmt::format("no AllowUsers, AllowGroups, DenyUsers or DenyGroups in {}{}: every "
                              "account may log in",
                              cfg->main_file, in_match),
      .location = {cfg->main_file, 0}});
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
