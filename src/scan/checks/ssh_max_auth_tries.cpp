// SPDX-License-Identifier: Apache-2.0
// host.ssh.max_auth_tries: MaxAuthTries is 4 or less (CIS 5.1.16), globally and in every Match
// block that sets it. The OpenSSH default is 6.
#include <charconv>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sshd_config.h"

namespace {

constexpr long kMaxTries = 4;

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.ssh.max_auth_tries",
    .title = "SSH allows at most 4 authentication attempts per connection",
    .family = "ssh",
    .severity = sw::Severity::kLow,
    .role = sw::Role::kAdmin,
    .why =
        "Each connection may try this many passwords or keys before sshd drops it; a low limit "
        "slows password guessing and makes failures show up in the logs sooner.",
    .fix =
        "Set `MaxAuthTries 4` (or lower) in the first sshd configuration file that sets it, "
        "then `sshd -t && systemctl reload ssh`.",
    .cis = "5.1.16",
    .lynis = "SSH-7408",
    .refs = "CWE-307"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::scan::SshdConfig* cfg = sw::scan::sshd_config_for_check(ctx, out);
  if (cfg == nullptr) return;
  bool weak = false;
  for (const auto& site : cfg->sites("maxauthtries")) {
    long tries = 0;
    auto [p, ec] = std::from_chars(site.value.data(), site.value.data() + site.value.size(), tries);
    if (ec != std::errc() || tries <= kMaxTries) continue;
    weak = true;
    out.fail(sw::scan::Issue{.subject = site.subject(),
                             .evidence = fmt::format("{}: more than {} attempts per connection",
                                                     site.evidence(), kMaxTries),
                             .location = site.location(cfg->main_file)});
  }
  if (!weak) out.pass(cfg->global("maxauthtries").evidence());
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
