// SPDX-License-Identifier: Apache-2.0
// host.ssh.password_authentication: sshd does not accept passwords on their own. Passwords reach
// sshd two ways: PasswordAuthentication (default yes) and, with UsePAM yes, keyboard-interactive
// (KbdInteractiveAuthentication, default yes; Debian's file sets it to no) where PAM asks for the
// password. Either is harmless when AuthenticationMethods requires another method beside it in
// every list (e.g. "publickey,password"): then a password alone never logs anyone in.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sshd_config.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.ssh.password_authentication",
    .title = "SSH does not accept passwords alone",
    .family = "ssh",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "A server that takes passwords over SSH can be brute-forced from anywhere, and a "
        "password reused elsewhere or phished is enough to get in; keys cannot be guessed.",
    .fix =
        "Give every user an SSH key (ssh-copy-id), then set `PasswordAuthentication no` and "
        "`KbdInteractiveAuthentication no` (or `AuthenticationMethods publickey`) in the first "
        "file sshd reads, check Match blocks, then `sshd -t && systemctl reload ssh`.",
    .lynis = "SSH-7408",
    .refs = "CWE-307 CWE-521"};

// Whether a password on its own satisfies AuthenticationMethods: "any", or some list made only of
// password-based methods (password, keyboard-interactive[:pam]).
bool password_alone(std::string_view methods) {
  if (sw::scan::sshd_lower(methods) == "any") return true;
  size_t i = 0;
  while (i < methods.size()) {
    size_t j = methods.find(' ', i);
    if (j == std::string_view::npos) j = methods.size();
    std::string_view list = methods.substr(i, j - i);
    i = j + 1;
    if (list.empty()) continue;
    bool only_passwords = true;
    for (const auto& m : sw::scan::sshd_split_list(list)) {
      std::string_view name = m;
      name = name.substr(0, name.find(':'));
      if (name != "password" && name != "keyboard-interactive") only_passwords = false;
    }
    if (only_passwords) return true;
  }
  return false;
}

std::string methods_for(const sw::scan::SshdConfig& cfg, const sw::scan::SshdValueSite& site) {
  if (site.match != nullptr) {
    if (const auto* m = site.match->find("authenticationmethods")) return m->value();
  }
  return cfg.global("authenticationmethods").value;
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::scan::SshdConfig* cfg = sw::scan::sshd_config_for_check(ctx, out);
  if (cfg == nullptr) return;
  bool weak = false;
  std::vector<std::string> notes;
  for (const auto& site : cfg->sites("passwordauthentication")) {
    if (site.value != "yes") continue;
    std::string methods = methods_for(*cfg, site);
    if (!password_alone(methods)) {
      notes.push_back(fmt::format("{} but AuthenticationMethods {} requires another method",
                                  site.evidence(), methods));
      continue;
    }
    weak = true;
    out.fail(sw::scan::Issue{.subject = site.subject(),
                             .evidence = site.evidence(),
                             .location = site.location(cfg->main_file)});
  }
  const auto use_pam = cfg->global("usepam");
  if (use_pam.value == "yes") {
    for (const auto& site : cfg->sites("kbdinteractiveauthentication")) {
      if (site.value != "yes" || !password_alone(methods_for(*cfg, site))) continue;
      weak = true;
      out.fail(sw::scan::Issue{.subject = site.subject(),
                               .evidence = fmt::format("{} with {}: PAM asks for the password",
                                                       site.evidence(), use_pam.evidence()),
                               .location = site.location(cfg->main_file)});
    }
  }
  if (!weak) {
    std::string detail = fmt::format("{}; {}", cfg->global("passwordauthentication").evidence(),
                                     cfg->global("kbdinteractiveauthentication").evidence());
    for (const auto& n : notes) detail += "; " + n;
    out.pass(detail);
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
