// SPDX-License-Identifier: Apache-2.0
// host.accounts.sudo_nopasswd_all: nobody may run every command through sudo without a password.
// A rule grants "ALL without a password" when a command is ALL (or a Cmnd_Alias containing ALL)
// and either the NOPASSWD tag is in effect for it, or no PASSWD tag is and the Defaults (global
// or bound to those users) say !authenticate. Users are shown with aliases and groups expanded.
#include <algorithm>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"
#include "scan/facts/sudoers.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.accounts.sudo_nopasswd_all",
    .title = "sudo asks for a password before running any command",
    .family = "accounts",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "A rule that lets an account run ALL commands with NOPASSWD turns any code running as "
        "that account (a malicious package, a browser exploit, a stolen SSH key) into root "
        "without a single prompt.",
    .fix =
        "Edit the rule with 'visudo -f FILE': remove 'NOPASSWD:' (and 'Defaults !authenticate'), "
        "or limit NOPASSWD to the few commands that need it (e.g. "
        "'deploy ALL=(root) NOPASSWD: /usr/bin/systemctl restart app').",
    .cis = "5.2.4",
    .lynis = "AUTH-9250",
    .refs = "CWE-250 CWE-269"};

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

// "%sudo" -> "%sudo (alice, bob)" using /etc/group members and primary groups.
std::string describe_user(const std::string& u, const sw::scan::Accounts* acc) {
  if (acc == nullptr || u.size() < 2 || u[0] != '%' || u[1] == ':' || u[1] == '#') return u;
  const auto* g = acc->find_group(std::string_view(u).substr(1));
  if (g == nullptr) return u + " (no such group)";
  std::vector<std::string> members = g->members;
  for (const auto& a : acc->accounts) {
    if (a.gid == g->gid && std::find(members.begin(), members.end(), a.name) == members.end()) {
      members.push_back(a.name);
    }
  }
  return fmt::format("{} (members: {})", u, members.empty() ? "none" : join(members));
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& s = ctx.fact<sw::scan::Sudoers>();
  if (!s) return out.error(s.error().to_string());
  if (!s->present) return out.not_applicable("/etc/sudoers does not exist (sudo not installed)");
  if (s->error) return out.error(s->error->to_string());
  const auto& acc = ctx.fact<sw::scan::Accounts>();
  const sw::scan::Accounts* accounts = acc ? &*acc : nullptr;
  for (const auto& spec : s->specs) {
    bool auth_default = s->authenticate_by_default(spec.users);
    bool granted = false;
    for (const auto& priv : spec.privileges) {
      for (const auto& c : priv.commands) {
        if (!s->is_all_commands(c.cmnd)) continue;
        if (c.nopasswd.value_or(!auth_default)) granted = true;
      }
    }
    if (!granted) continue;
    std::vector<std::string> who;
    bool everyone = false;
    for (const auto& u : s->expand("User_Alias", spec.users)) {
      if (u == "ALL") everyone = true;
      who.push_back(describe_user(u, accounts));
    }
    sw::scan::Issue issue{
        .subject = fmt::format("sudo rule for {}", join(s->expand("User_Alias", spec.users))),
        .evidence = fmt::format("'{}' ({}:{}){}; runs ALL commands without a password for: {}",
                                spec.text, spec.file, spec.line,
                                auth_default ? "" : " with Defaults !authenticate", join(who)),
        .location = {spec.file, spec.line}};
    if (everyone) issue.severity = sw::Severity::kCritical;
    out.fail(std::move(issue));
  }
  out.pass(fmt::format("{} sudo rules in {} files; none grants ALL without a password",
                       s->specs.size(), s->files.size()));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
