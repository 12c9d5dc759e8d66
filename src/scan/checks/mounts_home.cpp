// SPDX-License-Identifier: Apache-2.0
// host.mounts.home: when /home is a separate mount, it has nodev (required) and nosuid
// (recommended, lower severity: some sites run setuid tools from home directories).
// Decision: when /home is not a separate mount the check is not applicable, with the advice in
// the reason: mount options cannot be set on a directory of the root filesystem, and moving /home
// to its own partition is a repartitioning decision, not a configuration weakness to score.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/mounts.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.mounts.home",
    .title = "/home is mounted nodev (and nosuid)",
    .family = "mounts",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Users can create files in /home. With nodev a device node made there (from a mounted "
        "image or a container) cannot open raw disks or memory; with nosuid a setuid program "
        "placed there cannot gain its owner's rights.",
    .fix =
        "Add nodev,nosuid to the options of the /home line in /etc/fstab (e.g. "
        "`UUID=... /home ext4 defaults,nodev,nosuid 0 2`), then `mount -o remount /home`.",
    .cis = "1.1.2.3.2 1.1.2.3.3",
    .lynis = "FILE-6310",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* m = sw::scan::mounts_or_verdict(ctx, out);
  if (!m) return;
  const auto* e = m->effective("/home");
  if (!e) {
    out.not_applicable(fmt::format(
        "/home is not a separate mount ({}), so it takes the root filesystem's options; a "
        "separate /home partition (CIS 1.1.2.3.1) would allow nodev,nosuid",
        m->source_name()));
    return;
  }
  auto flags = sw::scan::mount_flags(e->options);
  if (!flags.nodev) {
    if (auto issue = sw::scan::missing_options_issue(*m, *e, "/home", true, true, false)) {
      out.fail(std::move(*issue));
    }
    return;
  }
  if (auto issue = sw::scan::missing_options_issue(*m, *e, "/home", true, true, false)) {
    issue->severity = sw::Severity::kLow;
    out.fail(std::move(*issue));
    return;
  }
  out.pass(fmt::format("/home has nodev,nosuid: {}", sw::scan::describe_mount(*e)));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
