// SPDX-License-Identifier: Apache-2.0
// host.accounts.login_lockout: repeated wrong passwords lock the account for a while.
// pam_faillock in the shared auth stack: deny= from its arguments, else from
// /etc/security/faillock.conf ("deny = N", last wins), else 3; deny=0 disables locking.
// pam_tally2 (older systems): deny= must be given and not 0.
#include <charconv>

#include <fmt/format.h>

#include "core/host.h"
#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/pam.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.accounts.login_lockout",
    .title = "Failed logins lock the account",
    .family = "accounts",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Without a lockout, anyone who can reach a login prompt (console, su, or a PAM-based "
        "service) can keep guessing a password as fast as the service answers.",
    .fix =
        "Enable pam_faillock: on Debian 12 add it to /etc/pam.d/common-auth ('auth required "
        "pam_faillock.so preauth' before pam_unix, 'auth [default=die] pam_faillock.so authfail' "
        "after it) and 'account required pam_faillock.so' to common-account, and set "
        "'deny = 5' and 'unlock_time = 900' in /etc/security/faillock.conf.",
    .cis = "5.3.3.1.1",
    .refs = "CWE-307"};

std::optional<long> to_long(std::string_view s) {
  long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

// deny from /etc/security/faillock.conf, with its line, or nullopt.
std::optional<std::pair<std::string, int>> faillock_conf_deny(const sw::Host& host) {
  auto text = host.read_file("/etc/security/faillock.conf", 1 << 20);
  if (!text) return std::nullopt;
  std::optional<std::pair<std::string, int>> out;
  int n = 0;
  for (auto line : sw::split_lines(*text)) {
    ++n;
    auto t = sw::trim(line.substr(0, line.find('#')));
    size_t eq = t.find('=');
    if (eq == std::string_view::npos || sw::trim(t.substr(0, eq)) != "deny") continue;
    out = std::make_pair(std::string(sw::trim(t.substr(eq + 1))), n);
  }
  return out;
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& pam = ctx.fact<sw::scan::Pam>();
  if (!pam) return out.error(pam.error().to_string());
  if (!pam->present) return out.not_applicable("/etc/pam.d does not exist (PAM not installed)");
  std::string used;
  auto stack = pam->auth_stack(&used);
  if (used.empty())
    return out.not_applicable("no shared PAM auth stack (common-auth, system-auth)");
  std::vector<std::string> notes;
  for (const auto& e : stack) {
    if (e.module == "pam_faillock") {
      std::string deny = "3";
      std::string where = "default";
      if (auto a = e.arg_value("deny")) {
        deny = *a;
        where = e.where();
      } else if (auto c = faillock_conf_deny(ctx.host())) {
        deny = c->first;
        where = fmt::format("/etc/security/faillock.conf:{}", c->second);
      }
      if (to_long(deny).value_or(0) > 0) {
        return out.pass(
            fmt::format("pam_faillock ({}) locks after {} failures ({})", e.where(), deny, where));
      }
      notes.push_back(fmt::format("pam_faillock at {} has deny={} ({}): locking disabled",
                                  e.where(), deny, where));
    } else if (e.module == "pam_tally2") {
      auto deny = e.arg_value("deny");
      if (deny && to_long(*deny).value_or(0) > 0) {
        return out.pass(fmt::format("pam_tally2 ({}) locks after {} failures", e.where(), *deny));
      }
      notes.push_back(fmt::format("pam_tally2 at {} has no deny= value", e.where()));
    }
  }
  out.fail(sw::scan::Issue{
      .subject = fmt::format("PAM auth stack {}", used),
      .evidence = notes.empty() ? fmt::format("no pam_faillock or pam_tally2 in the {} auth "
                                              "stack",
                                              used)
                                : notes.front(),
      .location = {pam->resolve(used), 0}});
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
