// SPDX-License-Identifier: Apache-2.0
// host.services.tftp_server: No TFTP server. Fails for each such package present in the dpkg
// database (files on disk, even when not enabled: it is one "systemctl enable" away) and for each
// enabled inetd.conf line or xinetd service that starts one (facts/inetd.h).
#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/inetd.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.services.tftp_server",
    .title = "No TFTP server",
    .family = "services",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "TFTP has no authentication at all: anyone who can reach it can download, and often "
        "upload, files in its directory, such as network boot images or device configurations with "
        "passwords.",
    .fix =
        "Unless this machine serves network boot on purpose, remove it: `apt purge tftpd-hpa tftpd "
        "atftpd` and delete tftp lines from /etc/inetd.conf or /etc/xinetd.d; if needed, restrict "
        "it to the boot network with a firewall.",
    .cis = "2.1.16",
    .lynis = "INSE-8320",
    .refs = "CWE-306"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  sw::scan::check_server_absent(ctx, out, {"tftpd-hpa", "tftpd", "atftpd"}, {"tftp"},
                                "TFTP server");
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
