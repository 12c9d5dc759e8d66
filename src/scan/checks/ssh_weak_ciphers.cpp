// SPDX-License-Identifier: Apache-2.0
// host.ssh.weak_ciphers: the effective Ciphers list (the OpenSSH 9.2 default, or the configured
// list with its +/-/^ prefix applied) holds no weak cipher: CBC modes (3des-cbc, aes*-cbc,
// blowfish-cbc, cast128-cbc, rijndael-cbc@lysator.liu.se), arcfour*, or none. OpenSSH 9.2 no
// longer implements arcfour, blowfish and cast128, and refuses to start with them listed; they
// are still reported because they show what the configuration asks for.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sshd_config.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.ssh.weak_ciphers",
    .title = "SSH offers only strong ciphers",
    .family = "ssh",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "CBC-mode ciphers in SSH leak plaintext to an attacker on the network path, 3DES is open "
        "to the Sweet32 birthday attack and RC4 (arcfour) is broken; a client that offers them "
        "can be pushed onto them.",
    .fix =
        "Remove the weak names from the Ciphers line, or write `Ciphers "
        "-*-cbc,arcfour*,3des-cbc` to take them off the default list, then "
        "`sshd -t && systemctl reload ssh` (check with `sshd -T | grep ciphers`).",
    .cis = "5.1.6",
    .lynis = "SSH-7408",
    .refs = "CWE-327"};

// The reason a cipher is weak, or "" when it is not.
std::string_view weakness(std::string_view c, sw::Severity& severity) {
  severity = sw::Severity::kMedium;
  if (c == "none") {
    severity = sw::Severity::kHigh;
    return "no encryption";
  }
  if (c.starts_with("arcfour")) {
    severity = sw::Severity::kHigh;
    return "RC4 is broken";
  }
  if (c.starts_with("3des")) return "64-bit block cipher (Sweet32) in CBC mode";
  if (c.starts_with("blowfish") || c.starts_with("cast128"))
    return "64-bit block cipher in CBC mode";
  if (c.ends_with("-cbc") || c.find("-cbc@") != std::string_view::npos) return "CBC mode";
  return {};
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::scan::SshdConfig* cfg = sw::scan::sshd_config_for_check(ctx, out);
  if (cfg == nullptr) return;
  const sw::scan::SshdValueSite site = cfg->global("ciphers");
  std::string source = site.setting != nullptr ? site.setting->evidence()
                                               : std::string("the OpenSSH 9.2 default list");
  bool weak = false;
  for (const auto& c : cfg->algorithms("ciphers")) {
    sw::Severity severity{};
    std::string_view why = weakness(sw::scan::sshd_lower(c), severity);
    if (why.empty()) continue;
    weak = true;
    out.fail(sw::scan::Issue{.subject = fmt::format("sshd cipher {}", c),
                             .evidence = fmt::format("{} ({}) enabled by {}", c, why, source),
                             .location = site.location(cfg->main_file),
                             .severity = severity});
  }
  if (!weak) out.pass(fmt::format("no weak cipher in {}", source));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
