// SPDX-License-Identifier: Apache-2.0
// host.ssh.permit_user_environment: sshd does not read users' ~/.ssh/environment or
// environment="..." key options. PermitUserEnvironment is global only; "yes" and "no" are matched
// case-sensitively by sshd, anything else is a pattern list of variable names that are allowed. A
// pattern list that lets through LD_PRELOAD, LD_LIBRARY_PATH or PATH is as bad as yes; a narrower
// list is reported at low severity.
#include <array>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sshd_config.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.ssh.permit_user_environment",
    .title = "SSH ignores user-supplied environment",
    .family = "ssh",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "When users may set environment variables for their SSH sessions, variables such as "
        "LD_PRELOAD run their code inside programs started at login, which can bypass a forced "
        "command or a restricted shell.",
    .fix =
        "Set `PermitUserEnvironment no` (the default: deleting the line is enough), pass the "
        "few variables that are needed with AcceptEnv or SetEnv, then "
        "`sshd -t && systemctl reload ssh`.",
    .cis = "5.1.21",
    .lynis = "SSH-7408",
    .refs = "CWE-454"};

constexpr std::array<std::string_view, 4> kDangerous = {"LD_PRELOAD", "LD_LIBRARY_PATH", "PATH",
                                                        "BASH_ENV"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::scan::SshdConfig* cfg = sw::scan::sshd_config_for_check(ctx, out);
  if (cfg == nullptr) return;
  const auto site = cfg->global("permituserenvironment");
  if (site.value == "no") {
    out.pass(site.evidence());
    return;
  }
  sw::scan::Issue issue{.subject = site.subject(),
                        .evidence = site.evidence(),
                        .location = site.location(cfg->main_file)};
  if (site.value == "yes") {
    issue.evidence += ": users may set any variable, LD_PRELOAD included";
    out.fail(std::move(issue));
    return;
  }
  std::string let_through;
  for (auto var : kDangerous) {
    if (!sw::scan::sshd_match_pattern_list(var, site.value)) continue;
    if (!let_through.empty()) let_through += ", ";
    let_through += var;
  }
  if (!let_through.empty()) {
    issue.evidence += fmt::format(": the pattern list lets users set {}", let_through);
  } else {
    issue.evidence += ": users may set the variables this pattern list names";
    issue.severity = sw::Severity::kLow;
  }
  out.fail(std::move(issue));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
