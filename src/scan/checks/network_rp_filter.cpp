// SPDX-License-Identifier: Apache-2.0
// host.network.rp_filter: 1 (strict) or 2 (loose) passes. The kernel applies max(all, interface)
// per interface, so `all` alone would cover every interface, but CIS checks both. Kernel default 0;
// Debian 12 ships no rp_filter setting (its systemd drops upstream's 50-default.conf). Values are
// read live (/proc/sys) and as persisted by sysctl.d (scan/facts/sysctl.h).
#include <vector>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sysctl.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.network.rp_filter",
    .title = "Reverse path filtering is on",
    .family = "network",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Without reverse path filtering the host accepts packets whose source address could not "
        "have come from the interface they arrived on, which is how spoofed traffic gets in.",
    .fix =
        "Put \"net.ipv4.conf.all.rp_filter = 1\" and \"net.ipv4.conf.default.rp_filter = 1\" in "
        "/etc/sysctl.d/60-shieldwall-net.conf and run `sysctl --system` (use 2, loose mode, on "
        "hosts with asymmetric routing).",
    .cis = "3.3.7",
    .lynis = "KRNL-6000"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* sysctl = sw::scan::sysctl_for_check(ctx, out);
  if (!sysctl) return;
  std::vector<sw::scan::SysctlExpect> keys = {
      {.key = "net.ipv4.conf.all.rp_filter",
       .want = "1 or 2",
       .ok = sw::scan::sysctl_one_or_two,
       .kernel_default = 0,
       .extra = "The kernel uses the larger of `all` and the interface's own value."},
      {.key = "net.ipv4.conf.default.rp_filter",
       .want = "1 or 2",
       .ok = sw::scan::sysctl_one_or_two,
       .kernel_default = 0,
       .extra = "The kernel uses the larger of `all` and the interface's own value."},
  };
  sw::scan::evaluate_sysctl_keys(ctx, out, keys);
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
