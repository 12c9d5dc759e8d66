// SPDX-License-Identifier: Apache-2.0
// host.mounts.var_tmp: /var/tmp is its own mount with nodev,nosuid,noexec, or a bind mount of
// /tmp (then /tmp's options govern it: in image mode an fstab "bind" line whose source is /tmp
// takes /tmp's effective mount; live, the kernel shows the bind mount with the flags it copied).
// Not a separate mount: low, as for /tmp.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/mounts.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.mounts.var_tmp",
    .title = "/var/tmp is a separate nodev,nosuid,noexec mount",
    .family = "mounts",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "/var/tmp is world-writable like /tmp and its files survive reboots, so it is a favourite "
        "place to keep attack tools. noexec, nosuid and nodev stop programs, setuid files and "
        "device nodes there from working.",
    .fix =
        "Give /var/tmp its own filesystem with `defaults,nodev,nosuid,noexec` in /etc/fstab, or "
        "bind it to a hardened /tmp: `/tmp /var/tmp none rw,bind 0 0`; then mount it "
        "(`mount /var/tmp`).",
    .cis = "1.1.2.5.1 1.1.2.5.2 1.1.2.5.3 1.1.2.5.4",
    .lynis = "FILE-6376",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* m = sw::scan::mounts_or_verdict(ctx, out);
  if (!m) return;
  const auto* e = m->effective("/var/tmp");
  if (!e) {
    out.fail(sw::scan::Issue{
        .subject = "/var/tmp",
        .evidence = fmt::format("/var/tmp is not a separate mount ({} has no /var/tmp entry)",
                                m->source_name()),
        .location = {"/etc/fstab", 0},
        .severity = sw::Severity::kLow});
    return;
  }
  std::string via;
  if (!m->using_live() && sw::scan::mount_flags(e->options).bind && e->source == "/tmp") {
    const auto* tmp = m->effective("/tmp");
    if (!tmp) {
      out.fail(sw::scan::Issue{
          .subject = "/var/tmp",
          .evidence = fmt::format("/var/tmp is bound to /tmp ({}:{}) but /tmp is not a separate "
                                  "mount, so the binding adds no options",
                                  e->origin, e->line),
          .location = {e->origin, e->line},
          .severity = sw::Severity::kLow});
      return;
    }
    via = fmt::format(" (bind mount of /tmp, {}:{})", e->origin, e->line);
    e = tmp;
  }
  if (auto issue = sw::scan::missing_options_issue(*m, *e, "/var/tmp", true, true, true)) {
    issue->evidence += via;
    out.fail(std::move(*issue));
    return;
  }
  out.pass(
      fmt::format("/var/tmp has nodev,nosuid,noexec: {}{}", sw::scan::describe_mount(*e), via));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
