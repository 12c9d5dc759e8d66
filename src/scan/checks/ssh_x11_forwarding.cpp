// SPDX-License-Identifier: Apache-2.0
// host.ssh.x11_forwarding: sshd does not forward X11. DisableForwarding yes overrides
// X11Forwarding (sshd_config(5)), in the same scope (global, or the Match block, which inherits the
// global DisableForwarding when it does not set its own).
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sshd_config.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.ssh.x11_forwarding",
    .title = "SSH X11 forwarding is off",
    .family = "ssh",
    .severity = sw::Severity::kLow,
    .role = sw::Role::kAdmin,
    .why =
        "X11 forwarding lets programs on this server reach the display of the connecting "
        "person; anyone with root here can then read their keystrokes and screen. Few servers "
        "need it.",
    .fix =
        "Set `X11Forwarding no` (Debian's shipped sshd_config says yes: change that line) or "
        "`DisableForwarding yes`, keep it out of Match blocks unless a group really needs it, "
        "then `sshd -t && systemctl reload ssh`.",
    .cis = "5.1.8",
    .lynis = "SSH-7408",
    .refs = "CWE-668"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::scan::SshdConfig* cfg = sw::scan::sshd_config_for_check(ctx, out);
  if (cfg == nullptr) return;
  const auto global_disable = cfg->global("disableforwarding");
  bool weak = false;
  for (const auto& site : cfg->sites("x11forwarding")) {
    if (site.value != "yes") continue;
    bool disabled = global_disable.value == "yes";
    if (site.match != nullptr) {
      if (const auto* d = site.match->find("disableforwarding")) {
        disabled = sw::scan::sshd_lower(d->value()) == "yes";
      }
    }
    if (disabled) continue;
    weak = true;
    out.fail(sw::scan::Issue{.subject = site.subject(),
                             .evidence = site.evidence(),
                             .location = site.location(cfg->main_file)});
  }
  if (!weak) {
    out.pass(
        fmt::format("{}; {}", cfg->global("x11forwarding").evidence(), global_disable.evidence()));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
