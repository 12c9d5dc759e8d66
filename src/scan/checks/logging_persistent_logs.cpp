// SPDX-License-Identifier: Apache-2.0
// host.logging.persistent_logs: logs survive a reboot. Either journald keeps them on disk
// (journald.conf(5) Storage=persistent, or Storage=auto, the default, with /var/log/journal
// present), with the configuration read as systemd does: /etc/systemd/journald.conf (or the first
// of /run, /usr/local/lib, /usr/lib), then the journald.conf.d/*.conf drop-ins of /etc, /run,
// /usr/local/lib and /usr/lib, a name in a higher directory hiding the same name below, /dev/null
// links masking, applied in file-name order, last assignment winning. Or a syslog daemon
// (rsyslog, syslog-ng, inetutils-syslogd, busybox-syslogd) is installed and enabled and writes
// /var/log. Inside a container: not applicable (the runtime collects its output).
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/environment.h"
#include "scan/facts/packages.h"
#include "scan/facts/systemd_units.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.logging.persistent_logs",
    .title = "System logs are kept across reboots",
    .family = "logging",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "When logs live only in memory, a reboot (or an intruder forcing one) erases the record "
        "of what happened; after an incident there is nothing to investigate.",
    .fix =
        "Make the journal persistent: create /etc/systemd/journald.conf.d/persistent.conf with "
        "`[Journal]` and `Storage=persistent`, then `systemctl restart systemd-journald` (or "
        "`mkdir -p /var/log/journal` with Storage=auto); or install and enable rsyslog.",
    .cis = "6.1.2.4",
    .lynis = "LOGG-2130",
    .refs = "CWE-778"};

struct Syslog {
  const char* package;
  const char* unit;
};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& env = ctx.fact<sw::scan::Environment>();
  if (env && env->in_container()) {
    out.not_applicable(
        fmt::format("inside a container ({}): its output is collected by the container runtime",
                    env->container));
    return;
  }
  const auto& units = ctx.fact<sw::scan::SystemdUnits>();
  if (!units) {
    out.error(units.error().to_string());
    return;
  }
  const auto& pk = ctx.fact<sw::scan::Packages>();
  static const Syslog kSyslogs[] = {{"rsyslog", "rsyslog.service"},
                                    {"syslog-ng-core", "syslog-ng.service"},
                                    {"inetutils-syslogd", "inetutils-syslogd.service"},
                                    {"busybox-syslogd", "busybox-syslogd.service"}};
  for (const auto& s : kSyslogs) {
    auto st = units->unit(s.unit);
    bool pkg = pk && pk->available && pk->present(s.package);
    if ((pkg || st.installed) && st.enabled && !st.masked) {
      out.pass(fmt::format("{} is installed and enabled ({}) and writes logs under /var/log",
                           s.package, st.enabled_by));
      return;
    }
  }
  bool journald = env && env->systemd_installed;
  if (!journald) {
    out.fail(sw::scan::Issue{
        .subject = "system logging",
        .evidence = "no syslog daemon is installed and enabled, and systemd-journald is not the "
                    "system logger"});
    return;
  }
  std::vector<std::string> mains, dropins;
  for (const char* dir : {"/etc/systemd", "/run/systemd", "/usr/local/lib/systemd",
                          "/usr/lib/systemd", "/lib/systemd"}) {
    mains.push_back(std::string(dir) + "/journald.conf");
    dropins.push_back(std::string(dir) + "/journald.conf.d");
  }
  std::optional<sw::Error> read_error;
  auto conf = sw::scan::read_systemd_config(ctx, mains, dropins, &read_error);
  if (read_error) {
    out.error(read_error->to_string());
    return;
  }
  const auto* storage = sw::scan::last_value(conf, "Journal", "Storage");
  std::string value = storage ? storage->value : "auto";
  std::string where = storage ? fmt::format("{}:{}", storage->path, storage->line)
                              : std::string("journald default");
  auto dir = ctx.host().stat("/var/log/journal");
  bool dir_ok = dir && dir->type == sw::FileType::kDirectory;
  if (value == "persistent" || (value == "auto" && dir_ok)) {
    out.pass(fmt::format("journald keeps logs on disk: Storage={} ({}){}", value, where,
                         value == "auto" ? " and /var/log/journal exists" : ""));
    return;
  }
  std::string why = value == "auto" ? "Storage=auto but /var/log/journal does not exist"
                                    : fmt::format("Storage={}", value);
  out.fail(sw::scan::Issue{
      .subject = "systemd-journald",
      .evidence = fmt::format("journald keeps logs in memory only: {} ({}), and no syslog "
                              "daemon is installed and enabled",
                              why, where),
      .location = storage ? sw::Location{storage->path, storage->line}
                          : sw::Location{"/etc/systemd/journald.conf", 0}});
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
