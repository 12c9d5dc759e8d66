// SPDX-License-Identifier: Apache-2.0
// host.kernel.unprivileged_bpf: kernel.unprivileged_bpf_disabled >= 1 (1: off until reboot, 2: off
// but an admin may turn it back on). The default is 2 when the kernel is built with
// CONFIG_BPF_UNPRIV_DEFAULT_OFF=y (upstream default since 5.16, and Debian 12's 6.1 kernels), else
// 0. The installed kernel's config decides; without one a Debian root is taken to have it on.
#include <vector>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sysctl.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.kernel.unprivileged_bpf",
    .title = "Unprivileged BPF is off",
    .family = "kernel",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Letting any user load BPF programs into the kernel has been the entry point of several "
        "local privilege escalations and speculative-execution leaks.",
    .fix =
        "Put \"kernel.unprivileged_bpf_disabled = 2\" in /etc/sysctl.d/60-shieldwall-kernel.conf "
        "and run `sysctl --system` (1 also works but cannot be undone without a reboot).",
    .lynis = "KRNL-6000"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* sysctl = sw::scan::sysctl_for_check(ctx, out);
  if (!sysctl) return;
  sw::scan::SysctlExpect key{.key = "kernel.unprivileged_bpf_disabled",
                             .want = "1 or 2",
                             .ok = sw::scan::sysctl_at_least_one,
                             .kernel_default = 0};
  std::string opt = sysctl->kconfig("CONFIG_BPF_UNPRIV_DEFAULT_OFF");
  if (opt == "y") {
    key.kernel_default = 2;
    key.default_note =
        "kernel default, CONFIG_BPF_UNPRIV_DEFAULT_OFF=y in " + sysctl->kernel_config_file;
  } else if (!opt.empty()) {
    key.default_note =
        "kernel default, CONFIG_BPF_UNPRIV_DEFAULT_OFF off in " + sysctl->kernel_config_file;
  } else if (sysctl->debian) {
    key.kernel_default = 2;
    key.default_note = "Debian 12 kernel default (built with CONFIG_BPF_UNPRIV_DEFAULT_OFF=y)";
  }
  sw::scan::evaluate_sysctl_keys(ctx, out, {key});
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
