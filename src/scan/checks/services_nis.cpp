// SPDX-License-Identifier: Apache-2.0
// host.services.nis: No NIS (YP) client or server. Fails for each NIS package present in the
// dpkg database (nis, ypserv, ypbind-mt), enabled or not.
#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/inetd.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.services.nis",
    .title = "No NIS (YP) client or server",
    .family = "services",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "NIS shares the password and group maps over the network in clear text and without real "
        "authentication, so anyone on the network can fetch every password hash and crack them "
        "offline.",
    .fix =
        "Move accounts to LDAP or SSSD with TLS, or local accounts, then remove NIS: `apt purge "
        "nis ypserv ypbind-mt`.",
    .cis = "2.1.10",
    .lynis = "INSE-8316",
    .refs = "CWE-319"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  sw::scan::check_server_absent(ctx, out, {"nis", "ypserv", "ypbind-mt"}, {},
                                "NIS client or server");
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
