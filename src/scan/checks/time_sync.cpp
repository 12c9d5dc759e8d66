// SPDX-License-Identifier: Apache-2.0
// host.time.sync: exactly one time synchronisation daemon is installed and enabled:
// systemd-timesyncd, chrony, ntp/ntpsec or openntpd (unit file installed, enabled through a
// *.wants link or an rc?.d S link, not masked; facts/systemd_units.h). None: medium; two or more
// fight over the clock: low. Live, an enabled daemon that does not run is reported too. Inside a
// container or WSL the host's clock governs: not applicable.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/environment.h"
#include "scan/facts/systemd_units.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.time.sync",
    .title = "One time synchronisation daemon is enabled",
    .family = "time",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Without time synchronisation the clock drifts: log times from different machines no "
        "longer line up during an investigation, and TLS certificates, Kerberos tickets and "
        "one-time codes start failing. Two daemons at once fight over the clock.",
    .fix =
        "Enable one: `apt install systemd-timesyncd && systemctl enable --now "
        "systemd-timesyncd` (or chrony for servers), and remove the others (`apt purge ntp "
        "openntpd`).",
    .cis = "2.3.1.1",
    .lynis = "TIME-3104",
    .refs = "CWE-1188"};

struct Daemon {
  const char* label;
  std::initializer_list<const char*> units;
  const char* process;
};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& env = ctx.fact<sw::scan::Environment>();
  if (env && (env->in_container() || env->wsl)) {
    out.not_applicable(
        fmt::format("inside {}: the host's clock governs this system",
                    env->wsl ? std::string("WSL") : "a container (" + env->container + ")"));
    return;
  }
  const auto& units = ctx.fact<sw::scan::SystemdUnits>();
  if (!units) {
    out.error(units.error().to_string());
    return;
  }
  static const Daemon kDaemons[] = {
      {"systemd-timesyncd", {"systemd-timesyncd.service"}, "systemd-timesyn"},
      {"chrony", {"chrony.service", "chronyd.service"}, "chronyd"},
      {"ntpsec", {"ntpsec.service"}, "ntpd"},
      {"ntp", {"ntp.service", "ntpd.service"}, "ntpd"},
      {"openntpd", {"openntpd.service"}, "ntpd"}};
  std::vector<std::string> enabled;
  std::vector<std::string> installed_only;
  for (const auto& d : kDaemons) {
    bool any_installed = false;
    for (const char* u : d.units) {
      auto st = units->unit(u, d.process);
      if (!st.installed) continue;
      any_installed = true;
      if (!st.enabled || st.masked) continue;
      enabled.push_back(fmt::format("{} ({})", d.label, st.enabled_by));
      if (st.active == false) {
        out.fail(sw::scan::Issue{
            .subject = std::string(u),
            .evidence = fmt::format("{} is enabled ({}) but not running", u, st.enabled_by),
            .location = {st.path, 0}});
      }
      any_installed = false;
      break;
    }
    if (any_installed) installed_only.push_back(d.label);
  }
  if (enabled.empty()) {
    out.fail(sw::scan::Issue{
        .subject = "time synchronisation",
        .evidence = installed_only.empty()
                        ? std::string("no time synchronisation daemon is installed "
                                      "(systemd-timesyncd, chrony, ntpsec, ntp, openntpd)")
                        : fmt::format("installed but not enabled (or masked): {}",
                                      fmt::join(installed_only, ", "))});
    return;
  }
  if (enabled.size() > 1) {
    out.fail(sw::scan::Issue{.subject = "time synchronisation",
                             .evidence = fmt::format("{} time daemons are enabled at once: {}",
                                                     enabled.size(), fmt::join(enabled, "; ")),
                             .severity = sw::Severity::kLow});
    return;
  }
  out.pass(fmt::format("time is synchronised by {}", enabled.front()));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
