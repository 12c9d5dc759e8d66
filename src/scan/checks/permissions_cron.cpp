// SPDX-License-Identifier: Apache-2.0
// host.permissions.cron: the system crontab and cron's drop-in directories are root's alone:
// /etc/crontab root:root 0600 or stricter; /etc/cron.hourly, cron.daily, cron.weekly,
// cron.monthly, cron.d root:root 0700 or stricter (as CIS requires; Debian installs 0644 / 0755,
// which this check reports as low: readable, not writable). Write access for group or others is
// high: cron runs what these hold as root.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/file_perms.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.permissions.cron",
    .title = "Cron's system files are accessible only to root",
    .family = "permissions",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Cron runs the jobs in /etc/crontab and /etc/cron.* as root. Whoever can write there runs "
        "code as root; whoever can read there learns which scripts run when, a map for attacks.",
    .fix =
        "chown root:root /etc/crontab && chmod 0600 /etc/crontab; for each of /etc/cron.hourly, "
        "/etc/cron.daily, /etc/cron.weekly, /etc/cron.monthly and /etc/cron.d: chown root:root DIR "
        "&& chmod 0700 DIR.",
    .cis = "2.4.1.2 2.4.1.3 2.4.1.4 2.4.1.5 2.4.1.6 2.4.1.7",
    .lynis = "FILE-7524",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& host = ctx.host();
  bool installed = false;
  for (std::string_view p :
       {"/usr/sbin/cron", "/usr/sbin/crond", "/usr/bin/crontab", "/etc/crontab"}) {
    if (host.exists(p)) installed = true;
  }
  if (!installed) {
    out.not_applicable(
        "cron is not installed (no /usr/sbin/cron, /usr/bin/crontab or /etc/crontab)");
    return;
  }
  const auto* accounts = sw::scan::accounts_or_null(ctx);
  sw::scan::PermPolicy policy;
  policy.readable = sw::Severity::kLow;
  policy.other = sw::Severity::kLow;
  policy.wrong_group = sw::Severity::kMedium;
  int checked = 0;
  struct Item {
    std::string_view path;
    uint32_t max_mode;
  };
  for (Item item : {Item{"/etc/crontab", 0600}, Item{"/etc/cron.hourly", 0700},
                    Item{"/etc/cron.daily", 0700}, Item{"/etc/cron.weekly", 0700},
                    Item{"/etc/cron.monthly", 0700}, Item{"/etc/cron.d", 0700}}) {
    auto st = host.stat(item.path);
    if (!st) {
      if (st.error().code() != sw::Errc::kNotFound) out.error(st.error().to_string());
      continue;
    }
    ++checked;
    policy.max_mode = item.max_mode;
    auto j = sw::scan::judge_perms(*st, policy, accounts);
    if (!j.ok()) out.fail(sw::scan::perm_issue(item.path, *st, j, accounts));
  }
  if (checked == 0) {
    out.not_applicable("no /etc/crontab nor /etc/cron.* directories");
    return;
  }
  out.pass(fmt::format("{} cron file{} and directories root:root, mode 0600/0700 or stricter",
                       checked, checked == 1 ? "" : "s"));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
