// SPDX-License-Identifier: Apache-2.0
// host.ssh.ignore_rhosts_hostbased: sshd ignores .rhosts/.shosts (IgnoreRhosts yes; "no" and
// "shosts-only" both honour a per-user trust file) and does not trust other hosts
// (HostbasedAuthentication no). Global values and every Match block are judged.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sshd_config.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.ssh.ignore_rhosts_hostbased",
    .title = "SSH ignores rhosts files and host-based trust",
    .family = "ssh",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Host-based and rhosts-style trust let a user in because of the machine they come from, "
        "without a password or key of their own: one compromised client then opens this "
        "server too.",
    .fix =
        "Set `IgnoreRhosts yes` and `HostbasedAuthentication no` (the OpenSSH defaults: "
        "deleting the lines that change them is enough, including in Match blocks), then "
        "`sshd -t && systemctl reload ssh`.",
    .cis = "5.1.10 5.1.11",
    .lynis = "SSH-7408",
    .refs = "CWE-290"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::scan::SshdConfig* cfg = sw::scan::sshd_config_for_check(ctx, out);
  if (cfg == nullptr) return;
  bool weak = false;
  for (const auto& site : cfg->sites("ignorerhosts")) {
    if (site.value == "yes") continue;
    weak = true;
    out.fail(sw::scan::Issue{
        .subject = site.subject(),
        .evidence = site.evidence() + (site.value == "shosts-only"
                                           ? ": users' ~/.shosts files are honoured"
                                           : ": users' ~/.rhosts and ~/.shosts files are honoured"),
        .location = site.location(cfg->main_file)});
  }
  for (const auto& site : cfg->sites("hostbasedauthentication")) {
    if (site.value != "yes") continue;
    weak = true;
    out.fail(sw::scan::Issue{.subject = site.subject(),
                             .evidence = site.evidence() + ": logins are trusted by client host",
                             .location = site.location(cfg->main_file)});
  }
  if (!weak) {
    out.pass(fmt::format("{}; {}", cfg->global("ignorerhosts").evidence(),
                         cfg->global("hostbasedauthentication").evidence()));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
