// SPDX-License-Identifier: Apache-2.0
// host.network.secure_redirects: Kernel default: 1 for `all` and `default`.
// Values are read live (/proc/sys) and as persisted by sysctl.d (scan/facts/sysctl.h).
#include <vector>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sysctl.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.network.secure_redirects",
    .title = "Gateway ICMP redirects are ignored",
    .family = "network",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "\"Secure\" redirects are only those that claim to come from a listed gateway, and the "
        "sender address is trivial to forge, so accepting them still lets a local attacker reroute "
        "traffic.",
    .fix =
        "Put \"net.ipv4.conf.all.secure_redirects = 0\" and "
        "\"net.ipv4.conf.default.secure_redirects = 0\" in /etc/sysctl.d/60-shieldwall-net.conf "
        "and run `sysctl --system`.",
    .cis = "3.3.6",
    .lynis = "KRNL-6000"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* sysctl = sw::scan::sysctl_for_check(ctx, out);
  if (!sysctl) return;
  std::vector<sw::scan::SysctlExpect> keys = {
      {.key = "net.ipv4.conf.all.secure_redirects",
       .want = "0",
       .ok = sw::scan::sysctl_is_zero,
       .kernel_default = 1},
      {.key = "net.ipv4.conf.default.secure_redirects",
       .want = "0",
       .ok = sw::scan::sysctl_is_zero,
       .kernel_default = 1},
  };
  sw::scan::evaluate_sysctl_keys(ctx, out, keys);
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
