// SPDX-License-Identifier: Apache-2.0
// host.network.icmp_bogus_errors: Kernel default 1.
// Values are read live (/proc/sys) and as persisted by sysctl.d (scan/facts/sysctl.h).
#include <vector>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sysctl.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.network.icmp_bogus_errors",
    .title = "Bogus ICMP errors are ignored",
    .family = "network",
    .severity = sw::Severity::kLow,
    .role = sw::Role::kAdmin,
    .why =
        "Some routers answer broadcasts with malformed ICMP errors; logging each one lets a sender "
        "fill the logs and hide other events.",
    .fix =
        "Put \"net.ipv4.icmp_ignore_bogus_error_responses = 1\" in "
        "/etc/sysctl.d/60-shieldwall-net.conf and run `sysctl --system`.",
    .cis = "3.3.3",
    .lynis = "KRNL-6000"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* sysctl = sw::scan::sysctl_for_check(ctx, out);
  if (!sysctl) return;
  std::vector<sw::scan::SysctlExpect> keys = {
      {.key = "net.ipv4.icmp_ignore_bogus_error_responses",
       .want = "1",
       .ok = sw::scan::sysctl_is_one,
       .kernel_default = 1},
  };
  sw::scan::evaluate_sysctl_keys(ctx, out, keys);
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
