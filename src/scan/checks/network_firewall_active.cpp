// SPDX-License-Identifier: Apache-2.0
// host.network.firewall_active: a host firewall is configured to drop unsolicited incoming
// traffic and is started at boot (nftables, ufw, iptables-persistent or firewalld). Live, the
// kernel must also have netfilter rules loaded. Inside a container the host's firewall governs.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/environment.h"
#include "scan/facts/firewall.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.network.firewall_active",
    .title = "A host firewall filters incoming traffic",
    .family = "network",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "Without a host firewall, every service that listens on the network is reachable by "
        "anyone on the same network, including a service started by mistake or by an attacker. "
        "A default-deny input policy keeps what was not meant to be exposed private.",
    .fix =
        "Install and enable one firewall with a default-deny input policy. With ufw: apt install "
        "ufw; ufw allow ssh; ufw default deny incoming; ufw enable. With nftables: write an inet "
        "table whose input chain has 'policy drop;' in /etc/nftables.conf, then systemctl enable "
        "--now nftables.",
    .cis = "4.1.1",
    .lynis = "FIRE-4590",
    .refs = "CWE-284"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& env = ctx.fact<sw::scan::Environment>();
  if (env && env->in_container()) {
    out.not_applicable(
        fmt::format("inside a container ({}): the host's firewall governs", env->container));
    return;
  }
  const auto& fw = ctx.fact<sw::scan::Firewall>();
  if (!fw) {
    out.error(fw.error().to_string());
    return;
  }
  if (const auto* active = fw->first_active()) {
    if (fw->kernel_rules_loaded == false) {
      out.fail(sw::scan::Issue{
          .subject = fmt::format("firewall {}", active->name),
          .evidence = fmt::format("{} is configured ({}), but the running kernel has no rules: {}",
                                  active->name, active->evidence, fw->kernel_evidence),
          .location = active->location,
          .severity = sw::Severity::kMedium});
      return;
    }
    out.pass(fmt::format("{}: {}", active->name, active->evidence));
    return;
  }
  if (fw->tools.empty()) {
    out.fail(sw::scan::Issue{
        .subject = "host firewall",
        .evidence = "no firewall configuration found (nftables, ufw, iptables-persistent, "
                    "firewalld)"});
    return;
  }
  for (const auto& t : fw->tools) {
    out.fail(sw::scan::Issue{.subject = fmt::format("firewall {}", t.name),
                             .evidence = fmt::format("{} is not active: {}", t.name, t.evidence),
                             .location = t.location});
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
