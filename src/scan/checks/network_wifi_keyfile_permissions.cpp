// SPDX-License-Identifier: Apache-2.0
// host.network.wifi_keyfile_permissions: NetworkManager keyfiles that store a secret (Wi-Fi PSK,
// WEP key, 802.1X password) are owned by root and readable by root only. NetworkManager itself
// ignores keyfiles that are not 0600 root (nm-settings-keyfile(5)), so a loose mode usually means
// a copied file whose secret is readable by every local user.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/nm_connections.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.network.wifi_keyfile_permissions",
    .title = "Network keyfiles with secrets are root-only",
    .family = "network",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "These files hold Wi-Fi passphrases and network passwords in clear text. If other users "
        "can read them, any local account or compromised service learns the network password.",
    .fix =
        "chown root:root FILE && chmod 600 FILE for each listed file in "
        "/etc/NetworkManager/system-connections, then nmcli connection reload. Change the "
        "passphrase if the file may have been read.",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& nm = ctx.fact<sw::scan::NmConnections>();
  if (!nm) {
    out.error(nm.error().to_string());
    return;
  }
  size_t with_secret = 0;
  size_t tight = 0;
  for (const auto& c : nm->connections) {
    if (!c.has_secret) continue;
    ++with_secret;
    bool others = (c.mode_bits & 0007) != 0;
    bool group = (c.mode_bits & 0070) != 0;
    if (!others && !group && c.uid == 0) {
      ++tight;
      continue;
    }
    std::vector<std::string> what;
    if (others) what.emplace_back("readable or writable by others");
    if (group) what.emplace_back("readable or writable by its group");
    if (c.uid != 0) what.push_back(fmt::format("owned by uid {}", c.uid));
    out.fail(sw::scan::Issue{.subject = c.path,
                             .evidence = fmt::format("mode {:04o}, {}; the file stores a secret",
                                                     c.mode_bits, fmt::join(what, ", ")),
                             .location = {c.path, 0},
                             .severity = others ? sw::Severity::kHigh : sw::Severity::kMedium});
  }
  for (const auto& e : nm->unreadable) out.error(e.to_string());
  if (with_secret == 0 && nm->unreadable.empty()) {
    out.not_applicable(nm->dir_exists ? "no NetworkManager keyfile stores a secret"
                                      : "no NetworkManager keyfiles (" + nm->dir + ")");
    return;
  }
  if (with_secret > 0) {
    out.pass(fmt::format("{} of {} keyfile(s) with secrets are root-only", tight, with_secret));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
