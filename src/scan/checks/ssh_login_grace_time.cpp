// SPDX-License-Identifier: Apache-2.0
// host.ssh.login_grace_time: an unauthenticated connection is dropped within 60 seconds
// (CIS 5.1.13). LoginGraceTime is global only and takes sshd time formats ("90", "2m", "1h30m");
// 0 means no limit at all. The OpenSSH default is 120 seconds.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sshd_config.h"

namespace {

constexpr long kMaxSeconds = 60;

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.ssh.login_grace_time",
    .title = "SSH drops unauthenticated connections within a minute",
    .family = "ssh",
    .severity = sw::Severity::kLow,
    .role = sw::Role::kAdmin,
    .why =
        "Each connection that has not logged in yet holds a slot until LoginGraceTime runs "
        "out; a long grace time lets a few clients fill MaxStartups and lock everyone out.",
    .fix =
        "Set `LoginGraceTime 60` (or less, but not 0, which means no limit) in the first sshd "
        "configuration file that sets it, then `sshd -t && systemctl reload ssh`.",
    .cis = "5.1.13",
    .lynis = "SSH-7408",
    .refs = "CWE-400"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::scan::SshdConfig* cfg = sw::scan::sshd_config_for_check(ctx, out);
  if (cfg == nullptr) return;
  const auto site = cfg->global("logingracetime");
  auto seconds = sw::scan::sshd_parse_time(site.value);
  if (!seconds) {
    out.error(fmt::format("{}: not an sshd time value", site.evidence()));
    return;
  }
  if (*seconds == 0 || *seconds > kMaxSeconds) {
    out.fail(sw::scan::Issue{.subject = site.subject(),
                             .evidence = *seconds == 0
                                             ? site.evidence() + ": no time limit"
                                             : fmt::format("{}: {} seconds, more than {}",
                                                           site.evidence(), *seconds, kMaxSeconds),
                             .location = site.location(cfg->main_file)});
    return;
  }
  out.pass(fmt::format("{}: {} seconds", site.evidence(), *seconds));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
