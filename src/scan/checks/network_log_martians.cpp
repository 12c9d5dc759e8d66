// SPDX-License-Identifier: Apache-2.0
// host.network.log_martians: Kernel default 0.
// Values are read live (/proc/sys) and as persisted by sysctl.d (scan/facts/sysctl.h).
#include <vector>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sysctl.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.network.log_martians",
    .title = "Impossible-source packets are logged",
    .family = "network",
    .severity = sw::Severity::kLow,
    .role = sw::Role::kAdmin,
    .why =
        "Packets with impossible source addresses (\"martians\") are a sign of spoofing or "
        "misrouting. Logging them gives the administrator a trace of the attempt.",
    .fix =
        "Put \"net.ipv4.conf.all.log_martians = 1\" and \"net.ipv4.conf.default.log_martians = 1\" "
        "in /etc/sysctl.d/60-shieldwall-net.conf and run `sysctl --system`.",
    .cis = "3.3.9",
    .lynis = "KRNL-6000"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* sysctl = sw::scan::sysctl_for_check(ctx, out);
  if (!sysctl) return;
  std::vector<sw::scan::SysctlExpect> keys = {
      {.key = "net.ipv4.conf.all.log_martians",
       .want = "1",
       .ok = sw::scan::sysctl_is_one,
       .kernel_default = 0},
      {.key = "net.ipv4.conf.default.log_martians",
       .want = "1",
       .ok = sw::scan::sysctl_is_one,
       .kernel_default = 0},
  };
  sw::scan::evaluate_sysctl_keys(ctx, out, keys);
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
