// SPDX-License-Identifier: Apache-2.0
// host.services.avahi: avahi-daemon (mDNS/DNS-SD) is not installed and enabled on a server. On a
// desktop (a display manager or an X server is installed) it is expected, for printers and
// shares on the local network, and passes with a note.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/packages.h"
#include "scan/facts/systemd_units.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.services.avahi",
    .title = "No mDNS (avahi) daemon on a server",
    .family = "services",
    .severity = sw::Severity::kLow,
    .role = sw::Role::kAdmin,
    .why =
        "avahi-daemon announces the machine and its services to the whole local network and "
        "answers anyone there; a server does not need it, and it has had remotely triggerable "
        "bugs.",
    .fix =
        "`systemctl disable --now avahi-daemon.service avahi-daemon.socket` and "
        "`apt purge avahi-daemon` (check first that nothing relies on .local names).",
    .cis = "2.1.2",
    .refs = "CWE-1188"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* pk = sw::scan::packages_or_verdict(ctx, out);
  if (!pk) return;
  const auto* avahi = pk->present("avahi-daemon");
  if (!avahi) {
    out.pass("avahi-daemon is not installed");
    return;
  }
  const auto& units = ctx.fact<sw::scan::SystemdUnits>();
  if (!units) {
    out.error(units.error().to_string());
    return;
  }
  auto svc = units->unit("avahi-daemon.service", "avahi-daemon");
  auto sock = units->unit("avahi-daemon.socket");
  bool on = (svc.enabled && !svc.masked) || (sock.enabled && !sock.masked);
  if (!on) {
    out.pass("avahi-daemon is installed but neither its service nor its socket is enabled");
    return;
  }
  auto desktop = pk->present_any({"gdm3", "lightdm", "sddm", "xdm", "slim", "lxdm", "nodm",
                                  "greetd", "xserver-xorg-core", "xwayland"});
  if (!desktop.empty()) {
    out.pass(fmt::format("avahi-daemon is enabled on a desktop system ({} is installed)",
                         desktop.front()->name));
    return;
  }
  out.fail(sw::scan::Issue{
      .subject = "avahi-daemon",
      .evidence = fmt::format("avahi-daemon {} is installed and enabled ({}) on a system with no "
                              "desktop",
                              avahi->version, svc.enabled ? svc.enabled_by : sock.enabled_by),
      .location = {svc.enabled ? svc.enabled_by : sock.enabled_by, 0},
      .package = "avahi-daemon"});
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
