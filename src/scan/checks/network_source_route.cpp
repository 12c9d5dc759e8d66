// SPDX-License-Identifier: Apache-2.0
// host.network.source_route: Kernel defaults: IPv4 `all` 0 but `default` 1 (new interfaces start
// accepting; the kernel needs both `all` and the interface to accept); IPv6 0 (type 2 headers only;
// CIS wants 0). Values are read live (/proc/sys) and as persisted by sysctl.d
// (scan/facts/sysctl.h).
#include <vector>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sysctl.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.network.source_route",
    .title = "Source-routed packets are refused",
    .family = "network",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "A source-routed packet names the path it wants to take, which lets a sender steer traffic "
        "around firewalls or reach networks that are not routed to it.",
    .fix =
        "Put \"net.ipv4.conf.all.accept_source_route = 0\", "
        "\"net.ipv4.conf.default.accept_source_route = 0\", "
        "\"net.ipv6.conf.all.accept_source_route = 0\" and "
        "\"net.ipv6.conf.default.accept_source_route = 0\" in /etc/sysctl.d/60-shieldwall-net.conf "
        "and run `sysctl --system`.",
    .cis = "3.3.8",
    .lynis = "KRNL-6000"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* sysctl = sw::scan::sysctl_for_check(ctx, out);
  if (!sysctl) return;
  std::vector<sw::scan::SysctlExpect> keys = {
      {.key = "net.ipv4.conf.all.accept_source_route",
       .want = "0",
       .ok = sw::scan::sysctl_is_zero,
       .kernel_default = 0},
      {.key = "net.ipv4.conf.default.accept_source_route",
       .want = "0",
       .ok = sw::scan::sysctl_is_zero,
       .kernel_default = 1},
  };
  if (sysctl->ipv6_enabled) {
    keys.push_back(sw::scan::SysctlExpect{.key = "net.ipv6.conf.all.accept_source_route",
                                          .want = "0",
                                          .ok = sw::scan::sysctl_is_zero,
                                          .kernel_default = 0});
    keys.push_back(sw::scan::SysctlExpect{.key = "net.ipv6.conf.default.accept_source_route",
                                          .want = "0",
                                          .ok = sw::scan::sysctl_is_zero,
                                          .kernel_default = 0});
  }
  sw::scan::evaluate_sysctl_keys(ctx, out, keys, sysctl->ipv6_reason);
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
