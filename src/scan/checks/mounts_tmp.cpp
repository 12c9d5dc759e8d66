// SPDX-License-Identifier: Apache-2.0
// host.mounts.tmp: /tmp is its own filesystem mounted nodev,nosuid,noexec. Live: the mount on top
// of /tmp in /proc/self/mounts decides; image: /etc/fstab or systemd's tmp.mount (see
// facts/mounts.h for their precedence). Not a separate mount: low; missing options: medium.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/mounts.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.mounts.tmp",
    .title = "/tmp is a separate nodev,nosuid,noexec mount",
    .family = "mounts",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Every user and service can write to /tmp, so it is where attackers drop tools and "
        "exploits. A separate mount with noexec, nosuid and nodev stops programs, setuid files and "
        "device nodes placed there from working, and keeps /tmp from filling the root filesystem.",
    .fix =
        "Mount /tmp as tmpfs: `systemctl enable tmp.mount` and add Options=mode=1777,strictatime,"
        "nosuid,nodev,noexec in a drop-in (systemctl edit tmp.mount), or add the fstab line "
        "`tmpfs /tmp tmpfs defaults,rw,nosuid,nodev,noexec,relatime,size=2G 0 0`; then "
        "`mount -o remount /tmp` (or reboot).",
    .cis = "1.1.2.1.1 1.1.2.1.2 1.1.2.1.3 1.1.2.1.4",
    .lynis = "FILE-6310",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* m = sw::scan::mounts_or_verdict(ctx, out);
  if (!m) return;
  const auto* e = m->effective("/tmp");
  if (!e) {
    out.fail(sw::scan::Issue{
        .subject = "/tmp",
        .evidence =
            fmt::format("/tmp is not a separate mount ({} has no /tmp entry{})", m->source_name(),
                        m->using_live() ? "" : " and tmp.mount is not enabled"),
        .location = {"/etc/fstab", 0},
        .severity = sw::Severity::kLow});
    return;
  }
  if (auto issue = sw::scan::missing_options_issue(*m, *e, "/tmp", true, true, true)) {
    out.fail(std::move(*issue));
    return;
  }
  std::string note = m->fstab_difference("/tmp");
  out.pass(fmt::format("/tmp is a separate mount with nodev,nosuid,noexec: {}{}",
                       sw::scan::describe_mount(*e), note.empty() ? "" : "; " + note));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
