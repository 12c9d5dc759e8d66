// SPDX-License-Identifier: Apache-2.0
// host.network.send_redirects: Both the `all` and the `default` (new interfaces) values are
// checked, as CIS does. Kernel default: 1. Values are read live (/proc/sys) and as persisted by
// sysctl.d (scan/facts/sysctl.h).
#include <vector>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sysctl.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.network.send_redirects",
    .title = "ICMP redirects are not sent",
    .family = "network",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Only a router has a reason to send ICMP redirects. A host that sends them can be used to "
        "mislead other machines about routes, and the kernel sends them by default.",
    .fix =
        "Put \"net.ipv4.conf.all.send_redirects = 0\" and \"net.ipv4.conf.default.send_redirects = "
        "0\" in /etc/sysctl.d/60-shieldwall-net.conf and run `sysctl --system`.",
    .cis = "3.3.2",
    .lynis = "KRNL-6000"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* sysctl = sw::scan::sysctl_for_check(ctx, out);
  if (!sysctl) return;
  std::vector<sw::scan::SysctlExpect> keys = {
      {.key = "net.ipv4.conf.all.send_redirects",
       .want = "0",
       .ok = sw::scan::sysctl_is_zero,
       .kernel_default = 1},
      {.key = "net.ipv4.conf.default.send_redirects",
       .want = "0",
       .ok = sw::scan::sysctl_is_zero,
       .kernel_default = 1},
  };
  sw::scan::evaluate_sysctl_keys(ctx, out, keys);
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
