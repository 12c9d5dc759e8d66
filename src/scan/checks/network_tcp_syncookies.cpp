// SPDX-License-Identifier: Apache-2.0
// host.network.tcp_syncookies: Kernel default 1 (CONFIG_SYN_COOKIES=y).
// Values are read live (/proc/sys) and as persisted by sysctl.d (scan/facts/sysctl.h).
#include <vector>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sysctl.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.network.tcp_syncookies",
    .title = "TCP SYN cookies are on",
    .family = "network",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "SYN cookies keep the host answering real connections while it is flooded with half-open "
        "ones; without them a simple SYN flood fills the connection queue.",
    .fix =
        "Put \"net.ipv4.tcp_syncookies = 1\" in /etc/sysctl.d/60-shieldwall-net.conf and run "
        "`sysctl --system`.",
    .cis = "3.3.10",
    .lynis = "KRNL-6000"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* sysctl = sw::scan::sysctl_for_check(ctx, out);
  if (!sysctl) return;
  std::vector<sw::scan::SysctlExpect> keys = {
      {.key = "net.ipv4.tcp_syncookies",
       .want = "1",
       .ok = sw::scan::sysctl_is_one,
       .kernel_default = 1},
  };
  sw::scan::evaluate_sysctl_keys(ctx, out, keys);
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
