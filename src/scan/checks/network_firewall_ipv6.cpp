// SPDX-License-Identifier: Apache-2.0
// host.network.firewall_ipv6: when IPv6 is enabled, the active host firewall filters it too. A
// firewall that only has IPv4 rules (iptables rules.v4 without rules.v6, ufw IPV6=no, nftables
// only in 'ip' tables) leaves every service reachable over IPv6.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/environment.h"
#include "scan/facts/firewall.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.network.firewall_ipv6",
    .title = "The firewall also filters IPv6",
    .family = "network",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "Most networks hand out IPv6 addresses automatically, and services listening on :: are "
        "reachable over them. An IPv4-only firewall then protects nothing on the IPv6 side.",
    .fix =
        "Filter IPv6 as well: set IPV6=yes in /etc/default/ufw and run ufw reload; with "
        "iptables-persistent write /etc/iptables/rules.v6 with ':INPUT DROP' (ip6tables-save); "
        "with nftables use an 'inet' table instead of 'ip'. Or disable IPv6 if it is unused.",
    .cis = "4.4.3.1",
    .lynis = "NETW-2600",
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
  if (!fw->ipv6_enabled) {
    out.not_applicable("IPv6 is disabled: " + fw->ipv6_evidence);
    return;
  }
  bool any_active = false;
  for (const auto& t : fw->tools) {
    if (!t.active()) continue;
    any_active = true;
    if (t.covers_ipv6) {
      out.pass(fmt::format("{} filters IPv6", t.name));
      return;
    }
  }
  if (!any_active) {
    out.not_applicable("no active host firewall (see host.network.firewall_active)");
    return;
  }
  for (const auto& t : fw->tools) {
    if (!t.active()) continue;
    out.fail(
        sw::scan::Issue{.subject = fmt::format("firewall {} (IPv6)", t.name),
                        .evidence = fmt::format("{} filters IPv4 only: {}", t.name, t.ipv6_gap),
                        .location = t.location});
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
