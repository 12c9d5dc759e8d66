// SPDX-License-Identifier: Apache-2.0
// host.network.accept_redirects: IPv4 and IPv6, `all` and `default`. Kernel default: 1 for each.
// Values are read live (/proc/sys) and as persisted by sysctl.d (scan/facts/sysctl.h).
#include <vector>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sysctl.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.network.accept_redirects",
    .title = "ICMP redirects are ignored",
    .family = "network",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "An ICMP redirect rewrites the routing table of the host that accepts it. Anyone on the "
        "local network can forge one and send this machine's traffic through a host they control.",
    .fix =
        "Put \"net.ipv4.conf.all.accept_redirects = 0\", \"net.ipv4.conf.default.accept_redirects "
        "= 0\", \"net.ipv6.conf.all.accept_redirects = 0\" and "
        "\"net.ipv6.conf.default.accept_redirects = 0\" in /etc/sysctl.d/60-shieldwall-net.conf "
        "and run `sysctl --system`.",
    .cis = "3.3.5",
    .lynis = "KRNL-6000"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* sysctl = sw::scan::sysctl_for_check(ctx, out);
  if (!sysctl) return;
  std::vector<sw::scan::SysctlExpect> keys = {
      {.key = "net.ipv4.conf.all.accept_redirects",
       .want = "0",
       .ok = sw::scan::sysctl_is_zero,
       .kernel_default = 1},
      {.key = "net.ipv4.conf.default.accept_redirects",
       .want = "0",
       .ok = sw::scan::sysctl_is_zero,
       .kernel_default = 1},
  };
  if (sysctl->ipv6_enabled) {
    keys.push_back(sw::scan::SysctlExpect{.key = "net.ipv6.conf.all.accept_redirects",
                                          .want = "0",
                                          .ok = sw::scan::sysctl_is_zero,
                                          .kernel_default = 1});
    keys.push_back(sw::scan::SysctlExpect{.key = "net.ipv6.conf.default.accept_redirects",
                                          .want = "0",
                                          .ok = sw::scan::sysctl_is_zero,
                                          .kernel_default = 1});
  }
  sw::scan::evaluate_sysctl_keys(ctx, out, keys, sysctl->ipv6_reason);
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
