// SPDX-License-Identifier: Apache-2.0
// host.services.telnet_server: No telnet server. Fails for each such package present in the dpkg
// database (files on disk, even when not enabled: it is one "systemctl enable" away) and for each
// enabled inetd.conf line or xinetd service that starts one (facts/inetd.h).
#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/inetd.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.services.telnet_server",
    .title = "No telnet server",
    .family = "services",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "Telnet sends passwords and the whole session in clear text, so anyone on the network path "
        "can read and hijack logins. SSH does the same job encrypted.",
    .fix =
        "Remove it: `apt purge telnetd inetutils-telnetd telnetd-ssl`, delete or comment out "
        "telnet lines in /etc/inetd.conf (or set disable = yes in /etc/xinetd.d/telnet), and use "
        "SSH instead.",
    .cis = "",
    .lynis = "INSE-8322",
    .refs = "CWE-319"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  sw::scan::check_server_absent(ctx, out, {"telnetd", "inetutils-telnetd", "telnetd-ssl"},
                                {"telnet"}, "telnet server");
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
