// SPDX-License-Identifier: Apache-2.0
// host.ssh.permit_empty_passwords: sshd never accepts an empty password (global value and every
// Match block that sets PermitEmptyPasswords).
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sshd_config.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.ssh.permit_empty_passwords",
    .title = "SSH refuses empty passwords",
    .family = "ssh",
    .severity = sw::Severity::kCritical,
    .role = sw::Role::kAdmin,
    .why =
        "With PermitEmptyPasswords yes, any account whose password field is empty can be "
        "entered over the network by anyone who knows its name.",
    .fix =
        "Set `PermitEmptyPasswords no` (or delete every line setting it to yes, including in "
        "Match blocks), lock or set passwords on accounts without one (`passwd -l NAME`), then "
        "`sshd -t && systemctl reload ssh`.",
    .cis = "5.1.19",
    .lynis = "SSH-7408",
    .refs = "CWE-258"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::scan::SshdConfig* cfg = sw::scan::sshd_config_for_check(ctx, out);
  if (cfg == nullptr) return;
  bool weak = false;
  for (const auto& site : cfg->sites("permitemptypasswords")) {
    if (site.value != "yes") continue;
    weak = true;
    out.fail(sw::scan::Issue{
        .subject = site.subject(),
        .evidence = site.evidence() + ": accounts with an empty password can log in",
        .location = site.location(cfg->main_file)});
  }
  if (!weak) out.pass(cfg->global("permitemptypasswords").evidence());
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
