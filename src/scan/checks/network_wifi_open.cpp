// SPDX-License-Identifier: Apache-2.0
// host.network.wifi_open: saved Wi-Fi connections without any encryption (no [wifi-security]
// section in the NetworkManager keyfile). OWE (key-mgmt=owe, "Enhanced Open") is encrypted and
// passes. A profile that auto-connects is worse: the machine joins any network of that name.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/nm_connections.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.network.wifi_open",
    .title = "No saved open Wi-Fi networks",
    .family = "network",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kUser,
    .why =
        "On an open Wi-Fi network everyone nearby can read and alter unencrypted traffic, and "
        "anyone can set up a network with the same name. A saved open network that auto-connects "
        "lets such a fake hotspot capture the machine without anyone noticing.",
    .fix =
        "Delete saved open networks you no longer use (nmcli connection delete ID), or turn off "
        "auto-connect for them (nmcli connection modify ID connection.autoconnect no) and use a "
        "VPN on them. For a hotspot you run, set WPA2/WPA3 (nmcli connection modify ID "
        "wifi-sec.key-mgmt sae wifi-sec.psk PASSPHRASE).",
    .refs = "CWE-319"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& nm = ctx.fact<sw::scan::NmConnections>();
  if (!nm) {
    out.error(nm.error().to_string());
    return;
  }
  size_t wifi = 0;
  for (const auto& c : nm->connections) {
    if (!c.is_wifi()) continue;
    ++wifi;
    if (c.has_security) continue;
    bool hotspot = c.mode == "ap";
    std::string name = c.ssid.empty() ? c.id : c.ssid;
    out.fail(sw::scan::Issue{
        .subject = fmt::format("Wi-Fi {}", name),
        .evidence = fmt::format("{} '{}' has no [wifi-security] section (open){} ({})",
                                hotspot ? "hotspot" : "saved network", name,
                                c.autoconnect ? " and connects automatically" : "", c.path),
        .location = {c.path, c.line_of_type},
        .severity = c.autoconnect || hotspot ? sw::Severity::kMedium : sw::Severity::kLow,
        .owner_name = c.owner,
        .risk_delta = c.autoconnect ? 0.5 : 0.0});
  }
  for (const auto& e : nm->unreadable) out.error(e.to_string());
  if (wifi == 0 && nm->unreadable.empty()) {
    out.not_applicable(nm->dir_exists ? "no saved Wi-Fi connections"
                                      : "no NetworkManager keyfiles (" + nm->dir + ")");
    return;
  }
  if (wifi > 0) out.pass(fmt::format("{} saved Wi-Fi connection(s) checked", wifi));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
