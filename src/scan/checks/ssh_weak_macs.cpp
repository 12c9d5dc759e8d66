// SPDX-License-Identifier: Apache-2.0
// host.ssh.weak_macs: the effective MACs list holds no weak MAC. MD5-based, 96-bit truncated and
// RIPEMD-160 MACs are weak (medium). HMAC-SHA1 and the 64-bit UMAC are in OpenSSH's own default
// list and not practically broken (HMAC does not rely on SHA-1's collision resistance), but CIS
// 5.1.15 asks for them to go: they are reported at low severity. The encrypt-then-MAC ("-etm")
// form of a MAC does not make a weak MAC strong, so both forms are judged alike; a strong MAC
// without -etm (hmac-sha2-256) is not reported, though -etm is the better mode (the MAC covers the
// ciphertext, so sshd checks it before decrypting anything).
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sshd_config.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.ssh.weak_macs",
    .title = "SSH offers only strong MACs",
    .family = "ssh",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "The MAC protects each SSH packet from tampering; MD5, truncated 96-bit and 64-bit tags "
        "and SHA-1 leave less margin than the SHA-2 MACs every current client supports.",
    .fix =
        "Set `MACs hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,"
        "umac-128-etm@openssh.com,hmac-sha2-256,hmac-sha2-512` (or remove names with "
        "`MACs -hmac-md5*,*-96*,hmac-sha1*,umac-64*`), then `sshd -t && systemctl reload ssh`.",
    .cis = "5.1.15",
    .lynis = "SSH-7408",
    .refs = "CWE-327"};

std::string_view weakness(std::string_view m, sw::Severity& severity) {
  severity = sw::Severity::kMedium;
  if (m.find("md5") != std::string_view::npos) return "MD5";
  if (m.find("-96") != std::string_view::npos) return "truncated to 96 bits";
  if (m.find("ripemd160") != std::string_view::npos) return "RIPEMD-160, removed from OpenSSH";
  severity = sw::Severity::kLow;
  if (m.starts_with("umac-64")) return "64-bit tag";
  if (m.starts_with("hmac-sha1")) return "SHA-1";
  return {};
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::scan::SshdConfig* cfg = sw::scan::sshd_config_for_check(ctx, out);
  if (cfg == nullptr) return;
  const sw::scan::SshdValueSite site = cfg->global("macs");
  std::string source = site.setting != nullptr ? site.setting->evidence()
                                               : std::string("the OpenSSH 9.2 default list");
  bool weak = false;
  for (const auto& m : cfg->algorithms("macs")) {
    sw::Severity severity{};
    std::string_view why = weakness(sw::scan::sshd_lower(m), severity);
    if (why.empty()) continue;
    weak = true;
    out.fail(sw::scan::Issue{.subject = fmt::format("sshd MAC {}", m),
                             .evidence = fmt::format("{} ({}) enabled by {}", m, why, source),
                             .location = site.location(cfg->main_file),
                             .severity = severity});
  }
  if (!weak) out.pass(fmt::format("no weak MAC in {}", source));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
