// SPDX-License-Identifier: Apache-2.0
// host.ssh.permit_root_login: sshd refuses direct root logins. "yes" (root by password) is high;
// prohibit-password / without-password (the OpenSSH default) and forced-commands-only are
// reported at low severity: they stop password guessing against root, but a direct root login
// still has no named person behind it, and CIS 5.1.20 asks for "no" (log in as yourself, then
// sudo). Every Match block that sets PermitRootLogin is judged on its own, because it overrides
// the global value for the connections it matches.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sshd_config.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.ssh.permit_root_login",
    .title = "SSH does not accept root logins",
    .family = "ssh",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "A root login over SSH gives an attacker who guesses or steals one credential full "
        "control at once, and the logs cannot tell which person used it.",
    .fix =
        "Set `PermitRootLogin no` in the first file sshd reads that sets it (a drop-in in "
        "/etc/ssh/sshd_config.d/ or the top of /etc/ssh/sshd_config), remove it from Match "
        "blocks, give admins their own accounts with sudo, then `sshd -t && systemctl reload "
        "ssh`.",
    .cis = "5.1.20",
    .lynis = "SSH-7408",
    .refs = "CWE-250"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::scan::SshdConfig* cfg = sw::scan::sshd_config_for_check(ctx, out);
  if (cfg == nullptr) return;
  bool weak = false;
  for (const auto& site : cfg->sites("permitrootlogin")) {
    if (site.value == "no") continue;
    weak = true;
    sw::scan::Issue issue{.subject = site.subject(),
                          .evidence = site.evidence(),
                          .location = site.location(cfg->main_file)};
    if (site.value == "yes") {
      issue.evidence += ": root may log in with a password";
    } else if (site.value == "forced-commands-only") {
      issue.evidence += ": root may log in with a key restricted to a forced command";
      issue.severity = sw::Severity::kLow;
      issue.risk_delta = -0.5;
    } else {
      issue.evidence += ": root may log in with a key";
      issue.severity = sw::Severity::kLow;
    }
    out.fail(std::move(issue));
  }
  if (!weak) {
    out.pass(
        fmt::format("{}; no Match block allows root", cfg->global("permitrootlogin").evidence()));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
