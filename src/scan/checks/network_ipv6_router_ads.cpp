// SPDX-License-Identifier: Apache-2.0
// host.network.ipv6_router_ads: IPv6 router advertisements are not accepted (accept_ra = 0 for
// `all` and `default`). Kernel default 1. A host that takes its IPv6 address or default route from
// SLAAC needs them on its interface, hence the low severity and the note in the evidence. Only
// evaluated when IPv6 is enabled (scan/facts/sysctl.h says how that is decided).
#include <vector>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sysctl.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.network.ipv6_router_ads",
    .title = "IPv6 router advertisements are ignored",
    .family = "network",
    .severity = sw::Severity::kLow,
    .role = sw::Role::kAdmin,
    .why =
        "Any machine on the local network can send an IPv6 router advertisement. A host that "
        "accepts them lets that machine become its default router and see or redirect its traffic.",
    .fix =
        "On hosts with static IPv6 configuration, put \"net.ipv6.conf.all.accept_ra = 0\" and "
        "\"net.ipv6.conf.default.accept_ra = 0\" in /etc/sysctl.d/60-shieldwall-net.conf and run "
        "`sysctl --system`. Hosts that rely on SLAAC should keep it on their uplink only and "
        "protect the network with RA guard on the switch.",
    .cis = "3.3.11",
    .lynis = "KRNL-6000"};

constexpr const char* kSlaacNote =
    "If this host gets its IPv6 address or route by SLAAC it needs router advertisements on its "
    "uplink interface; then keep them there only.";

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* sysctl = sw::scan::sysctl_for_check(ctx, out);
  if (!sysctl) return;
  if (!sysctl->ipv6_enabled) {
    out.not_applicable(sysctl->ipv6_reason);
    return;
  }
  std::vector<sw::scan::SysctlExpect> keys = {
      {.key = "net.ipv6.conf.all.accept_ra",
       .want = "0",
       .ok = sw::scan::sysctl_is_zero,
       .kernel_default = 1,
       .extra = kSlaacNote},
      {.key = "net.ipv6.conf.default.accept_ra",
       .want = "0",
       .ok = sw::scan::sysctl_is_zero,
       .kernel_default = 1,
       .extra = kSlaacNote},
  };
  sw::scan::evaluate_sysctl_keys(ctx, out, keys, sysctl->ipv6_reason);
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
