// SPDX-License-Identifier: Apache-2.0
// host.updates.index_age: the package index was refreshed recently. The time of the last
// successful `apt update` is the mtime of /var/lib/apt/periodic/update-success-stamp (written by
// the APT::Update::Post-Invoke-Success hook of apt.systemd.daily and update-notifier), else the
// newest *_Release / *_InRelease file in /var/lib/apt/lists. Older than 7 days is medium, older
// than 30 days high; no index at all fails: the machine cannot know about any update.
#include <ctime>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.updates.index_age",
    .title = "The package index is up to date",
    .family = "updates",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "APT only knows about fixes published before its last index refresh. With an old index, "
        "'apt upgrade' reports nothing to do while security fixes are waiting.",
    .fix =
        "Run apt update now, and let it run daily: keep apt-daily.timer enabled (systemctl "
        "enable --now apt-daily.timer) with APT::Periodic::Update-Package-Lists \"1\"; in "
        "/etc/apt/apt.conf.d/20auto-upgrades.",
    .cis = "1.2.2.1",
    .lynis = "PKGS-7392"};

constexpr int64_t kDay = 86400;

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::Host& host = ctx.host();
  if (!host.exists("/etc/apt") && !host.exists("/var/lib/apt")) {
    out.not_applicable("not an APT-based system (no /etc/apt, no /var/lib/apt)");
    return;
  }
  int64_t newest = 0;
  std::string source;
  constexpr const char* kStamp = "/var/lib/apt/periodic/update-success-stamp";
  if (auto st = host.stat(kStamp)) {
    newest = st->mtime;
    source = kStamp;
  } else {
    for (const auto& f : host.list_files("/var/lib/apt/lists")) {
      if (!f.ends_with("_Release") && !f.ends_with("_InRelease")) continue;
      if (auto fst = host.stat(f); fst && fst->mtime > newest) {
        newest = fst->mtime;
        source = f;
      }
    }
  }
  if (newest == 0) {
    out.fail(sw::scan::Issue{
        .subject = "/var/lib/apt/lists",
        .evidence = "no package index: no update-success-stamp and no Release files in "
                    "/var/lib/apt/lists (apt update never ran)",
        .location = {"/var/lib/apt/lists", 0},
        .severity = sw::Severity::kHigh});
    return;
  }
  int64_t now = static_cast<int64_t>(std::time(nullptr));
  int64_t age = now - newest;
  int64_t days = age / kDay;
  if (age <= 7 * kDay) {
    out.pass(fmt::format("package index refreshed {} day(s) ago ({})", days, source));
    return;
  }
  out.fail(sw::scan::Issue{
      .subject = "package index",
      .evidence = fmt::format("last package index update {} days ago ({})", days, source),
      .location = {source, 0},
      .severity = age > 30 * kDay ? sw::Severity::kHigh : sw::Severity::kMedium});
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
