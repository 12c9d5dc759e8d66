// SPDX-License-Identifier: Apache-2.0
// host.accounts.password_blocklist: new passwords are checked against a dictionary of known or
// common passwords: pam_pwquality with dictcheck not 0 (argument, else pwquality.conf(.d), default
// 1) and enforcing, pam_cracklib (always checks its dictionary), or pam_passwdqc.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/pam.h"
#include "scan/facts/pwquality.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.accounts.password_blocklist",
    .title = "New passwords are checked against a blocklist",
    .family = "accounts",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Attackers try the most common and already-leaked passwords first; refusing dictionary "
        "words and known passwords when one is set removes the guesses that succeed most often "
        "(NIST SP 800-63B-4 requires such a blocklist).",
    .fix =
        "Install libpam-pwquality (apt install libpam-pwquality), make sure "
        "/etc/pam.d/common-password has 'password requisite pam_pwquality.so retry=3', and keep "
        "'dictcheck = 1' in /etc/security/pwquality.conf.",
    .cis = "5.3.3.2.6",
    .lynis = "AUTH-9262",
    .refs = "CWE-521 NIST-SP-800-63B-4"};

// "0" or "1" from the module argument, else the file, else the default.
std::pair<std::string, std::string> setting(const sw::scan::PamEntry& e,
                                            const sw::scan::PwQuality* conf, std::string_view key,
                                            std::string def) {
  if (auto a = e.arg_value(key)) return {*a, e.where()};
  if (conf != nullptr) {
    if (const auto* s = conf->find(key)) return {s->value, fmt::format("{}:{}", s->file, s->line)};
  }
  return {std::move(def), "default"};
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
  std::vector<std::string> notes;
  for (const auto& e : stack) {
    if (e.module == "pam_cracklib" || e.module == "pam_passwdqc") {
      return out.pass(fmt::format("{} checks new passwords ({})", e.module, e.where()));
    }
    if (e.module != "pam_pwquality") continue;
    auto [dict, dict_where] = setting(e, pwconf, "dictcheck", "1");
    auto [enf, enf_where] = setting(e, pwconf, "enforcing", "1");
    if (enf == "0") {
      notes.push_back(fmt::format("pam_pwquality only warns (enforcing=0, {})", enf_where));
    } else if (dict == "0") {
      notes.push_back(fmt::format("pam_pwquality dictcheck=0 ({})", dict_where));
    } else {
      return out.pass(fmt::format("pam_pwquality checks the dictionary ({}, dictcheck {})",
                                  e.where(), dict_where));
    }
  }
  std::string why = notes.empty() ? fmt::format(
                                        "no pam_pwquality, pam_cracklib or pam_passwdqc "
                                        "in the {} password stack",
                                        used)
                                  : notes.front();
  std::string path = pam->resolve(used);
  out.fail(sw::scan::Issue{
      .subject = fmt::format("password stack {}", used), .evidence = why, .location = {path, 0}});
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
