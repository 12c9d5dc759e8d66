// SPDX-License-Identifier: Apache-2.0
// host.logging.logrotate: when a syslog daemon writes text files under /var/log, logrotate is
// installed, configured (/etc/logrotate.conf), has a rule for that daemon's files
// (/etc/logrotate.d/<daemon>) and is scheduled (logrotate.timer enabled, or
// /etc/cron.daily/logrotate). Without a syslog daemon it is not applicable: journald rotates its
// own files (SystemMaxUse=, MaxRetentionSec=).
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/packages.h"
#include "scan/facts/systemd_units.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.logging.logrotate",
    .title = "Text logs are rotated",
    .family = "logging",
    .severity = sw::Severity::kLow,
    .role = sw::Role::kAdmin,
    .why =
        "Unrotated log files grow until the disk is full; then services fail and new events, "
        "including an attack in progress, are no longer recorded.",
    .fix =
        "`apt install logrotate`, keep /etc/logrotate.conf and the package's "
        "/etc/logrotate.d/ files, and make sure it runs daily (`systemctl enable --now "
        "logrotate.timer`).",
    .cis = "6.1.3.8",
    .lynis = "LOGG-2146",
    .refs = "CWE-400"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* pk = sw::scan::packages_or_verdict(ctx, out);
  if (!pk) return;
  auto syslogs = pk->present_any({"rsyslog", "syslog-ng-core", "inetutils-syslogd"});
  if (syslogs.empty()) {
    out.not_applicable("no syslog daemon writes text logs; systemd-journald rotates its own files");
    return;
  }
  const auto& units = ctx.fact<sw::scan::SystemdUnits>();
  if (!units) {
    out.error(units.error().to_string());
    return;
  }
  const sw::Host& host = ctx.host();
  const auto* daemon = syslogs.front();
  if (!pk->present("logrotate")) {
    out.fail(sw::scan::Issue{
        .subject = "logrotate",
        .evidence =
            fmt::format("{} writes /var/log files but logrotate is not installed", daemon->name),
        .package = "logrotate"});
    return;
  }
  if (!host.exists("/etc/logrotate.conf")) {
    out.fail(sw::scan::Issue{.subject = "/etc/logrotate.conf",
                             .evidence = "logrotate is installed but /etc/logrotate.conf is "
                                         "missing",
                             .location = {"/etc/logrotate.conf", 0},
                             .package = "logrotate"});
  }
  std::string rule = daemon->name == "syslog-ng-core" ? "/etc/logrotate.d/syslog-ng"
                                                      : "/etc/logrotate.d/" + daemon->name;
  if (!host.exists(rule)) {
    out.fail(sw::scan::Issue{
        .subject = rule,
        .evidence =
            fmt::format("no logrotate rule for {}'s files ({} is missing)", daemon->name, rule),
        .location = {rule, 0},
        .package = "logrotate"});
  }
  auto timer = units->unit("logrotate.timer");
  bool cron = host.exists("/etc/cron.daily/logrotate");
  bool timer_on = timer.enabled && !timer.masked;
  if (!timer_on && !cron) {
    out.fail(sw::scan::Issue{.subject = "logrotate.timer",
                             .evidence = "logrotate never runs: logrotate.timer is not enabled and "
                                         "/etc/cron.daily/logrotate is missing",
                             .package = "logrotate"});
    return;
  }
  out.pass(fmt::format("logrotate rotates {}'s logs ({}, {})", daemon->name, rule,
                       timer_on ? "logrotate.timer enabled" : "/etc/cron.daily/logrotate"));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
