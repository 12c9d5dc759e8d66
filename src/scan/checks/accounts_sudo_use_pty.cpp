// SPDX-License-Identifier: Apache-2.0
// host.accounts.sudo_use_pty: sudo runs commands in their own pseudo-terminal (Defaults use_pty).
// The last global Defaults line that sets use_pty or !use_pty wins, as in sudoers(5); unset means
// sudo's compiled-in default, which is off before sudo 1.9.14 (Debian 12 ships 1.9.13).
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sudoers.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.accounts.sudo_use_pty",
    .title = "sudo runs commands in their own terminal",
    .family = "accounts",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Without use_pty, a command run through sudo shares the caller's terminal, so a "
        "malicious program started as root can keep running after sudo returns and type "
        "commands into the user's session (TIOCSTI injection).",
    .fix =
        "Add 'Defaults use_pty' to /etc/sudoers with visudo (or a file in /etc/sudoers.d), and "
        "remove any 'Defaults !use_pty'.",
    .cis = "5.2.2",
    .lynis = "AUTH-9252",
    .refs = "CWE-269"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& s = ctx.fact<sw::scan::Sudoers>();
  if (!s) return out.error(s.error().to_string());
  if (!s->present) return out.not_applicable("/etc/sudoers does not exist (sudo not installed)");
  if (s->error) return out.error(s->error->to_string());
  const sw::scan::SudoDefault* last = nullptr;
  bool on = false;
  for (const auto& d : s->defaults) {
    if (d.binding != 0) continue;  // only global Defaults govern every command
    for (const auto& setting : d.settings) {
      if (setting == "use_pty" || setting == "!use_pty") {
        last = &d;
        on = setting == "use_pty";
      }
    }
  }
  if (last != nullptr && on) {
    out.pass(fmt::format("Defaults use_pty ({}:{})", last->file, last->line));
    return;
  }
  std::string evidence =
      last != nullptr ? fmt::format("Defaults !use_pty ({}:{})", last->file, last->line)
                      : std::string(
                            "no 'Defaults use_pty' in /etc/sudoers or its includes (sudo 1.9.13 "
                            "defaults to off)");
  out.fail(sw::scan::Issue{.subject = "sudo use_pty",
                           .evidence = evidence,
                           .location = last != nullptr ? sw::Location{last->file, last->line}
                                                       : sw::Location{"/etc/sudoers", 0}});
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
