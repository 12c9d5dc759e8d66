// SPDX-License-Identifier: Apache-2.0
// host.services.talk: No talk server. Fails for each such package present in the dpkg database
// (files on disk, even when not enabled: it is one "systemctl enable" away) and for each enabled
// inetd.conf line or xinetd service that starts one (facts/inetd.h).
#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/inetd.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.services.talk",
    .title = "No talk server",
    .family = "services",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "talk and ntalk are unauthenticated, unencrypted chat services from the 1980s; the daemons "
        "have a history of remote exploits and nothing needs them today.",
    .fix =
        "Remove them: `apt purge talkd inetutils-talkd talk inetutils-talk` and delete talk and "
        "ntalk lines from /etc/inetd.conf or /etc/xinetd.d.",
    .cis = "2.2.3",
    .lynis = "",
    .refs = "CWE-319"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  sw::scan::check_server_absent(ctx, out, {"talkd", "inetutils-talkd"}, {"talk", "ntalk"},
                                "talk server");
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
