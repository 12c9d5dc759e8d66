// SPDX-License-Identifier: Apache-2.0
// host.kernel.ptrace_scope: kernel.yama.ptrace_scope >= 1 (a process may only be traced by its
// ancestors, or by CAP_SYS_PTRACE; 2 admin only; 3 never). Upstream Yama starts at 1, but Debian's
// kernels start it at 0 (Debian patch "yama: Disable by default"), so on a Debian root nothing set
// means 0. Without Yama (no /proc/sys/kernel/yama live, CONFIG_SECURITY_YAMA off in the installed
// kernel's config) the key does not exist: not applicable.
#include <vector>

#include "core/host.h"
#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sysctl.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.kernel.ptrace_scope",
    .title = "Processes cannot trace their siblings",
    .family = "kernel",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "With ptrace unrestricted, any program a user runs can attach to that user's other "
        "processes and read their memory: one compromised app steals the SSH agent's keys or the "
        "browser's passwords.",
    .fix =
        "Put \"kernel.yama.ptrace_scope = 1\" in /etc/sysctl.d/60-shieldwall-kernel.conf and run "
        "`sysctl --system` (debuggers then need sudo or must start the program themselves).",
    .cis = "1.5.2",
    .lynis = "KRNL-6000"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* sysctl = sw::scan::sysctl_for_check(ctx, out);
  if (!sysctl) return;
  if (sysctl->live && !ctx.host().exists("/proc/sys/kernel/yama")) {
    out.not_applicable("the running kernel has no Yama LSM (/proc/sys/kernel/yama is missing)");
    return;
  }
  std::string yama = sysctl->kconfig("CONFIG_SECURITY_YAMA");
  if (!sysctl->live && !yama.empty() && yama != "y") {
    out.not_applicable("the installed kernel is built without Yama (CONFIG_SECURITY_YAMA off in " +
                       sysctl->kernel_config_file + ")");
    return;
  }
  sw::scan::SysctlExpect key{.key = "kernel.yama.ptrace_scope",
                             .want = "1, 2 or 3",
                             .ok = sw::scan::sysctl_at_least_one,
                             .kernel_default = 1,
                             .default_note = "Yama's default"};
  if (sysctl->debian) {
    key.kernel_default = 0;
    key.default_note = "Debian kernel default: Debian starts Yama at 0";
  }
  sw::scan::evaluate_sysctl_keys(ctx, out, {key});
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
