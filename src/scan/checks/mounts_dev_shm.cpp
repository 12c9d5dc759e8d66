// SPDX-License-Identifier: Apache-2.0
// host.mounts.dev_shm: /dev/shm is mounted nodev,nosuid,noexec. Live: /proc/self/mounts. Image:
// an /etc/fstab line for /dev/shm, else what systemd mounts there by default (tmpfs with
// nosuid,nodev, mount-setup.c) when systemd is the init system; otherwise it cannot be told.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/environment.h"
#include "scan/facts/mounts.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.mounts.dev_shm",
    .title = "/dev/shm is mounted nodev,nosuid,noexec",
    .family = "mounts",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "/dev/shm is shared memory that every user can write to. Without noexec, nosuid and nodev "
        "an attacker can run programs from it, keep setuid files or create device nodes there, a "
        "common way to run malware that leaves nothing on disk.",
    .fix =
        "Add to /etc/fstab: `tmpfs /dev/shm tmpfs defaults,rw,nosuid,nodev,noexec,relatime 0 0`, "
        "then `mount -o remount /dev/shm`.",
    .cis = "1.1.2.2.2 1.1.2.2.3 1.1.2.2.4",
    .lynis = "FILE-6374",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* m = sw::scan::mounts_or_verdict(ctx, out);
  if (!m) return;
  const auto* e = m->effective("/dev/shm");
  sw::scan::MountEntry systemd_default;
  if (!e && !m->using_live()) {
    const auto& env = ctx.fact<sw::scan::Environment>();
    if (!env || !env->systemd_installed) {
      out.not_applicable(
          "image mode, no /etc/fstab line for /dev/shm and systemd is not the init system: what "
          "mounts /dev/shm cannot be told from files");
      return;
    }
    systemd_default = sw::scan::MountEntry{.source = "tmpfs",
                                           .target = "/dev/shm",
                                           .fstype = "tmpfs",
                                           .options = {"nosuid", "nodev"},
                                           .origin = "systemd default (no /etc/fstab line)"};
    e = &systemd_default;
  }
  if (!e) {
    out.fail(sw::scan::Issue{.subject = "/dev/shm",
                             .evidence = "/dev/shm is not mounted (no entry in /proc/self/mounts)",
                             .location = {"/etc/fstab", 0},
                             .severity = sw::Severity::kLow});
    return;
  }
  if (auto issue = sw::scan::missing_options_issue(*m, *e, "/dev/shm", true, true, true)) {
    out.fail(std::move(*issue));
    return;
  }
  out.pass(fmt::format("/dev/shm has nodev,nosuid,noexec: {}", sw::scan::describe_mount(*e)));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
