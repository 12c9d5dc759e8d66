// SPDX-License-Identifier: Apache-2.0
// host.ssh.log_level: sshd logs logins (LogLevel INFO, the default, or VERBOSE, which adds the
// key fingerprint used). QUIET, FATAL and ERROR record no login at all; DEBUG levels log so much,
// including private data of users, that sshd_config(5) advises against them (low severity).
// The global value and every Match block that sets LogLevel are judged.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sshd_config.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.ssh.log_level",
    .title = "SSH logs logins",
    .family = "ssh",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Without login records nobody can tell who entered the machine, when, or with which "
        "key, which is the first question after an incident.",
    .fix =
        "Set `LogLevel VERBOSE` (or INFO) in the first sshd configuration file that sets it "
        "and in any Match block that lowers it, then `sshd -t && systemctl reload ssh`.",
    .cis = "5.1.14",
    .lynis = "SSH-7408",
    .refs = "CWE-778"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::scan::SshdConfig* cfg = sw::scan::sshd_config_for_check(ctx, out);
  if (cfg == nullptr) return;
  bool weak = false;
  for (const auto& site : cfg->sites("loglevel")) {
    const std::string& v = site.value;
    if (v == "info" || v == "verbose") continue;
    sw::scan::Issue issue{.subject = site.subject(),
                          .evidence = site.evidence(),
                          .location = site.location(cfg->main_file)};
    if (v.starts_with("debug")) {
      issue.evidence += ": debug logging records users' private data";
      issue.severity = sw::Severity::kLow;
    } else {
      issue.evidence += ": logins are not recorded";
    }
    weak = true;
    out.fail(std::move(issue));
  }
  if (!weak) out.pass(cfg->global("loglevel").evidence());
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
