// SPDX-License-Identifier: Apache-2.0
// host.kernel.protected_links: fs.protected_symlinks = 1 and fs.protected_hardlinks = 1. The
// kernel's own default is 0 for both; Debian's procps ships /usr/lib/sysctl.d/99-protect-links.conf
// setting them to 1, so a Debian machine normally passes through that file.
#include <vector>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sysctl.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.kernel.protected_links",
    .title = "Symlink and hardlink protections are on",
    .family = "kernel",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Without them, a user can plant a symlink or hardlink in /tmp or another shared "
        "directory and trick a root process into overwriting or exposing a file of their choice.",
    .fix =
        "Put \"fs.protected_symlinks = 1\" and \"fs.protected_hardlinks = 1\" in "
        "/etc/sysctl.d/60-shieldwall-kernel.conf (or restore Debian's "
        "/usr/lib/sysctl.d/99-protect-links.conf from the procps package) and run "
        "`sysctl --system`.",
    .lynis = "KRNL-6000",
    .refs = "CWE-59"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  if (!sw::scan::sysctl_for_check(ctx, out)) return;
  sw::scan::evaluate_sysctl_keys(ctx, out,
                                 {{.key = "fs.protected_symlinks",
                                   .want = "1",
                                   .ok = sw::scan::sysctl_is_one,
                                   .kernel_default = 0},
                                  {.key = "fs.protected_hardlinks",
                                   .want = "1",
                                   .ok = sw::scan::sysctl_is_one,
                                   .kernel_default = 0}});
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
