// SPDX-License-Identifier: Apache-2.0
// host.accounts.password_min_length: the shortest new password the PAM password stack accepts.
// Every enforcing module of the stack must accept a new password, so the effective minimum is
// the largest of:
//   pam_pwquality: minlen from its arguments, else pwquality.conf(.d), else 8 (never below 6);
//     positive d/u/l/ocredit let a shorter password through (minlen minus the credits, at least
//     6); enforcing=0 only warns, so it does not count;
//   pam_cracklib: minlen (default 9) minus credits (default 1 each), at least 6;
//   pam_passwdqc: the smallest enabled value of min= (default disabled,24,11,8,7: 7);
//   pam_unix: minlen (default 6).
// NIST SP 800-63B-4 asks for at least 15 characters when a password is the only factor and at
// least 8 when it is one factor of several. Forced periodic rotation is not asked for (and NIST
// advises against it), so it is not checked.
#include <algorithm>
#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/pam.h"
#include "scan/facts/pwquality.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.accounts.password_min_length",
    .title = "New passwords have at least 15 characters",
    .family = "accounts",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Length is what makes a password hard to guess. NIST SP 800-63B-4 requires at least 15 "
        "characters for a password that is the only factor, and at least 8 when a second factor "
        "is also required; under 8 is open to guessing and fast offline cracking.",
    .fix =
        "Install libpam-pwquality and set 'minlen = 15' in /etc/security/pwquality.conf (and "
        "drop any smaller minlen= from the pam_pwquality.so line in /etc/pam.d/common-password). "
        "Do not add forced periodic password changes: they lead to weaker passwords.",
    .cis = "5.3.3.2.2",
    .lynis = "AUTH-9262",
    .refs = "CWE-521 NIST-SP-800-63B-4"};

std::optional<long> to_long(std::string_view s) {
  long v = 0;
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

struct Value {
  long v = 0;
  std::string where;
};

// A pwquality setting: module argument, else configuration file, else default.
Value pwq(const sw::scan::PamEntry& e, const sw::scan::PwQuality* conf, std::string_view key,
          long def) {
  if (auto a = e.arg_value(key)) {
    if (auto n = to_long(*a)) return {*n, e.where()};
  }
  if (conf != nullptr) {
    if (const auto* s = conf->find(key)) {
      if (auto n = to_long(s->value)) return {*n, fmt::format("{}:{}", s->file, s->line)};
    }
  }
  return {def, "default"};
}

Value arg(const sw::scan::PamEntry& e, std::string_view key, long def) {
  if (auto a = e.arg_value(key)) {
    if (auto n = to_long(*a)) return {*n, e.where()};
  }
  return {def, "default"};
}

bool is_mfa_module(std::string_view m) {
  return m == "pam_google_authenticator" || m == "pam_oath" || m == "pam_u2f" ||
         m == "pam_yubico" || m == "pam_duo" || m == "pam_pkcs11";
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& pam = ctx.fact<sw::scan::Pam>();
  if (!pam) return out.error(pam.error().to_string());
  if (!pam->present) return out.not_applicable("/etc/pam.d does not exist (PAM not installed)");
  std::string used;
  auto stack = pam->password_stack(&used);
  if (stack.empty()) {
    return out.not_applicable("no shared PAM password stack (common-password, system-auth)");
  }
  const auto& conf = ctx.fact<sw::scan::PwQuality>();
  const sw::scan::PwQuality* pwconf = conf ? &*conf : nullptr;

  long best = -1;
  std::vector<std::string> parts;
  std::string best_where;
  auto consider = [&](long len, std::string part, const std::string& where) {
    parts.push_back(std::move(part));
    if (len > best) {
      best = len;
      best_where = where;
    }
  };
  for (const auto& e : stack) {
    if (e.module == "pam_pwquality") {
      Value enforcing = pwq(e, pwconf, "enforcing", 1);
      if (enforcing.v == 0) {
        parts.push_back(fmt::format("pam_pwquality only warns (enforcing=0, {})", enforcing.where));
        continue;
      }
      Value minlen = pwq(e, pwconf, "minlen", 8);
      long credits = 0;
      for (auto k : {"dcredit", "ucredit", "lcredit", "ocredit"}) {
        credits += std::max(0L, pwq(e, pwconf, k, 0).v);
      }
      long eff = std::max(6L, minlen.v - credits);
      consider(eff,
               fmt::format("pam_pwquality minlen={} ({}){}", minlen.v, minlen.where,
                           credits > 0 ? fmt::format(", credits {} allow {}", credits, eff) : ""),
               minlen.where == "default" ? e.where() : minlen.where);
    } else if (e.module == "pam_cracklib") {
      Value minlen = arg(e, "minlen", 9);
      long credits = 0;
      for (auto k : {"dcredit", "ucredit", "lcredit", "ocredit"}) {
        credits += std::max(0L, arg(e, k, 1).v);
      }
      long eff = std::max(6L, minlen.v - credits);
      consider(eff,
               fmt::format("pam_cracklib minlen={} ({}), credits {} allow {}", minlen.v,
                           minlen.where, credits, eff),
               e.where());
    } else if (e.module == "pam_passwdqc") {
      std::string min = e.arg_value("min").value_or("disabled,24,11,8,7");
      long eff = -1;
      size_t i = 0;
      while (i <= min.size()) {
        size_t j = min.find(',', i);
        if (j == std::string::npos) j = min.size();
        if (auto n = to_long(std::string_view(min).substr(i, j - i))) {
          if (eff < 0 || *n < eff) eff = *n;
        }
        i = j + 1;
      }
      if (eff >= 0)
        consider(eff, fmt::format("pam_passwdqc min={} ({})", min, e.where()), e.where());
    } else if (e.module == "pam_unix") {
      Value minlen = arg(e, "minlen", 6);
      consider(minlen.v, fmt::format("pam_unix minlen={} ({})", minlen.v, minlen.where), e.where());
    }
  }
  if (best < 0) {
    return out.not_applicable(
        fmt::format("the {} password stack has no module that enforces a length", used));
  }
  std::string summary;
  for (const auto& p : parts) summary += (summary.empty() ? "" : "; ") + p;
  if (best >= 15) {
    return out.pass(fmt::format("new passwords need at least {} characters: {}", best, summary));
  }
  bool mfa = false;
  for (const auto& e : pam->auth_stack()) mfa = mfa || is_mfa_module(e.module);
  sw::Severity sev = best < 8 ? sw::Severity::kHigh
                           : mfa    ? sw::Severity::kLow
                                    : sw::Severity::kMedium;
  std::string reason =
      best < 8 ? "below 8, the floor even with a second factor"
      : mfa    ? "below the 15 asked for single-factor passwords (a second-factor PAM module is "
                 "configured, for which 8 is the floor)"
               : "below the 15 asked for when the password is the only factor";
  size_t colon = best_where.rfind(':');
  sw::Location loc;
  if (colon != std::string::npos) {
    loc.path = best_where.substr(0, colon);
    loc.line = static_cast<int>(to_long(best_where.substr(colon + 1)).value_or(0));
  }
  out.fail(sw::scan::Issue{.subject = fmt::format("password stack {}", used),
                           .evidence = fmt::format("new passwords may have {} characters, {}: {}",
                                                   best, reason, summary),
                           .location = loc,
                           .severity = sev});
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
