// SPDX-License-Identifier: Apache-2.0
// host.network.wifi_wep: saved Wi-Fi connections secured with WEP (key-mgmt=none with WEP keys
// or wep-key-type, in NetworkManager's wifi-security setting). WEP keys are recovered in minutes.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/nm_connections.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.network.wifi_wep",
    .title = "No saved Wi-Fi networks use WEP",
    .family = "network",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kUser,
    .why =
        "WEP encryption has been broken since 2001: anyone in range can recover the key from "
        "captured traffic within minutes and then read everything on the network.",
    .fix =
        "Reconfigure the access point for WPA2 or WPA3, then update the saved profile (nmcli "
        "connection modify ID wifi-sec.key-mgmt wpa-psk wifi-sec.psk PASSPHRASE) or delete it "
        "(nmcli connection delete ID).",
    .refs = "CWE-327"};

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
    bool wep = c.has_security && c.wep &&
               (c.key_mgmt == "none" || c.key_mgmt.empty() || c.auth_alg == "shared" ||
                c.auth_alg == "open");
    if (!wep) continue;
    std::string name = c.ssid.empty() ? c.id : c.ssid;
    out.fail(sw::scan::Issue{
        .subject = fmt::format("Wi-Fi {}", name),
        .evidence = fmt::format("'{}' uses WEP (key-mgmt={}{}) ({}:{})", name,
                                c.key_mgmt.empty() ? "unset" : c.key_mgmt,
                                c.auth_alg.empty() ? "" : ", auth-alg=" + c.auth_alg, c.path,
                                c.key_mgmt_line),
        .location = {c.path, c.key_mgmt_line},
        .owner_name = c.owner});
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
