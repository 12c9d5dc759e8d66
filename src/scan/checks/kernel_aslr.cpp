// SPDX-License-Identifier: Apache-2.0
// host.kernel.aslr: kernel.randomize_va_space = 2 (stack, mmap, VDSO and heap randomised). The
// kernel's default is 2, or 1 when built with CONFIG_COMPAT_BRK=y (the heap is then not
// randomised); the installed kernel's config decides.
#include <vector>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sysctl.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.kernel.aslr",
    .title = "Address space layout randomisation is full",
    .family = "kernel",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "Randomising where the stack, libraries and heap live makes memory-corruption bugs much "
        "harder to exploit reliably. Turning it down hands attackers fixed addresses.",
    .fix =
        "Remove any line that lowers kernel.randomize_va_space from /etc/sysctl.conf and "
        "/etc/sysctl.d/, put \"kernel.randomize_va_space = 2\" in "
        "/etc/sysctl.d/60-shieldwall-kernel.conf and run `sysctl --system`.",
    .cis = "1.5.1",
    .lynis = "KRNL-6000",
    .refs = "CWE-330"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* sysctl = sw::scan::sysctl_for_check(ctx, out);
  if (!sysctl) return;
  sw::scan::SysctlExpect key{.key = "kernel.randomize_va_space",
                             .want = "2",
                             .ok = sw::scan::sysctl_is_two,
                             .kernel_default = 2};
  if (sysctl->kconfig("CONFIG_COMPAT_BRK") == "y") {
    key.kernel_default = 1;
    key.default_note = "kernel default with CONFIG_COMPAT_BRK=y in " + sysctl->kernel_config_file;
  }
  sw::scan::evaluate_sysctl_keys(ctx, out, {key});
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
