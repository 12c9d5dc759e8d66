// SPDX-License-Identifier: Apache-2.0
// host.kernel.dmesg_restrict: kernel.dmesg_restrict = 1 (only CAP_SYSLOG reads the kernel log).
// The default comes from CONFIG_SECURITY_DMESG_RESTRICT: upstream leaves it off (0), Debian's
// kernels have built with it on (1) since Debian 9. The installed kernel's /boot/config-VERSION is
// read when present; without one a Debian root is taken to have Debian's default, any other 0.
#include <vector>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sysctl.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.kernel.dmesg_restrict",
    .title = "Only administrators read the kernel log",
    .family = "kernel",
    .severity = sw::Severity::kLow,
    .role = sw::Role::kAdmin,
    .why =
        "The kernel log shows kernel addresses, hardware details and driver errors that help an "
        "attacker turn a local bug into a working exploit. Ordinary users do not need it.",
    .fix =
        "Put \"kernel.dmesg_restrict = 1\" in /etc/sysctl.d/60-shieldwall-kernel.conf and run "
        "`sysctl --system`; admins read the log with sudo dmesg or journalctl -k.",
    .lynis = "KRNL-6000",
    .refs = "CWE-200"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* sysctl = sw::scan::sysctl_for_check(ctx, out);
  if (!sysctl) return;
  sw::scan::SysctlExpect key{.key = "kernel.dmesg_restrict",
                             .want = "1",
                             .ok = sw::scan::sysctl_is_one,
                             .kernel_default = 0};
  std::string opt = sysctl->kconfig("CONFIG_SECURITY_DMESG_RESTRICT");
  if (opt == "y") {
    key.kernel_default = 1;
    key.default_note =
        "kernel default, CONFIG_SECURITY_DMESG_RESTRICT=y in " + sysctl->kernel_config_file;
  } else if (!opt.empty()) {
    key.default_note =
        "kernel default, CONFIG_SECURITY_DMESG_RESTRICT off in " + sysctl->kernel_config_file;
  } else if (sysctl->debian) {
    key.kernel_default = 1;
    key.default_note = "Debian kernel default (built with CONFIG_SECURITY_DMESG_RESTRICT=y)";
  }
  sw::scan::evaluate_sysctl_keys(ctx, out, {key});
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
