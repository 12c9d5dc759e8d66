// SPDX-License-Identifier: Apache-2.0
// host.kernel.kptr_restrict: kernel.kptr_restrict >= 1 (kernel pointers printed with %pK are
// hidden from users without CAP_SYSLOG; 2 hides them from everyone). Kernel default 0, Debian
// does not change it.
#include <vector>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sysctl.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.kernel.kptr_restrict",
    .title = "Kernel addresses are hidden from users",
    .family = "kernel",
    .severity = sw::Severity::kLow,
    .role = sw::Role::kAdmin,
    .why =
        "Kernel addresses in /proc and in logs let an attacker defeat kernel address "
        "randomisation, the step that usually turns a kernel bug into root.",
    .fix =
        "Put \"kernel.kptr_restrict = 1\" (or 2) in /etc/sysctl.d/60-shieldwall-kernel.conf and "
        "run `sysctl --system`.",
    .lynis = "KRNL-6000",
    .refs = "CWE-200"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  if (!sw::scan::sysctl_for_check(ctx, out)) return;
  sw::scan::evaluate_sysctl_keys(ctx, out,
                                 {{.key = "kernel.kptr_restrict",
                                   .want = "1 or 2",
                                   .ok = sw::scan::sysctl_at_least_one,
                                   .kernel_default = 0}});
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
