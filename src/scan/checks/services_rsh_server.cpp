// SPDX-License-Identifier: Apache-2.0
// host.services.rsh_server: No rsh, rlogin or rexec server. Fails for each such package present in
// the dpkg database (files on disk, even when not enabled: it is one "systemctl enable" away) and
// for each enabled inetd.conf line or xinetd service that starts one (facts/inetd.h).
#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/inetd.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.services.rsh_server",
    .title = "No rsh, rlogin or rexec server",
    .family = "services",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "The r-services send passwords in clear text and trust other hosts by name or address "
        "(.rhosts, hosts.equiv), so a spoofed or compromised machine can log in without a "
        "password.",
    .fix =
        "Remove them: `apt purge rsh-server rsh-redone-server`, and delete the shell, login and "
        "exec lines from /etc/inetd.conf (or disable them in /etc/xinetd.d); use SSH instead.",
    .cis = "",
    .lynis = "INSE-8304",
    .refs = "CWE-319 CWE-287"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  sw::scan::check_server_absent(ctx, out, {"rsh-server", "rsh-redone-server"},
                                {"shell", "login", "exec", "rsh", "rlogin", "rexec"},
                                "rsh/rlogin/rexec server");
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
