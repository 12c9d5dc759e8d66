// SPDX-License-Identifier: Apache-2.0
// host.ssh.weak_kex: the effective KexAlgorithms list holds no weak key exchange:
// diffie-hellman-group1-sha1 (1024-bit group, Logjam-class), and the SHA-1 based group14-sha1 and
// group-exchange-sha1. With Debian's GSSAPIKeyExchange yes, GSSAPIKexAlgorithms is judged too
// (gss-*-sha1-*); it is ignored while GSSAPI key exchange is off (the default).
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sshd_config.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.ssh.weak_kex",
    .title = "SSH offers only strong key exchange",
    .family = "ssh",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "The key exchange sets up the session keys; a 1024-bit Diffie-Hellman group is within "
        "reach of well-funded attackers and SHA-1 based exchanges are deprecated, so a "
        "recorded session could later be decrypted.",
    .fix =
        "Remove the weak names from KexAlgorithms, or write `KexAlgorithms "
        "-diffie-hellman-group1-sha1,diffie-hellman-group14-sha1,"
        "diffie-hellman-group-exchange-sha1`, then `sshd -t && systemctl reload ssh`.",
    .cis = "5.1.12",
    .lynis = "SSH-7408",
    .refs = "CWE-327"};

std::string_view weakness(std::string_view k, sw::Severity& severity) {
  severity = sw::Severity::kMedium;
  if (k.find("group1-sha1") != std::string_view::npos) {
    severity = sw::Severity::kHigh;
    return "1024-bit group with SHA-1";
  }
  if (k.find("sha1") != std::string_view::npos) return "SHA-1";
  return {};
}

void judge(const sw::scan::SshdConfig& cfg, std::string_view name, sw::scan::Outcome& out,
           bool& weak, std::vector<std::string>& sources) {
  const sw::scan::SshdValueSite site = cfg.global(name);
  std::string source = site.setting != nullptr
                           ? site.setting->evidence()
                           : fmt::format("the OpenSSH 9.2 default {} list", site.display);
  sources.push_back(source);
  for (const auto& k : cfg.algorithms(name)) {
    sw::Severity severity{};
    std::string_view why = weakness(sw::scan::sshd_lower(k), severity);
    if (why.empty()) continue;
    weak = true;
    out.fail(sw::scan::Issue{.subject = fmt::format("sshd key exchange {}", k),
                             .evidence = fmt::format("{} ({}) enabled by {}", k, why, source),
                             .location = site.location(cfg.main_file),
                             .severity = severity});
  }
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::scan::SshdConfig* cfg = sw::scan::sshd_config_for_check(ctx, out);
  if (cfg == nullptr) return;
  bool weak = false;
  std::vector<std::string> sources;
  judge(*cfg, "kexalgorithms", out, weak, sources);
  if (cfg->global("gssapikeyexchange").value == "yes") {
    judge(*cfg, "gssapikexalgorithms", out, weak, sources);
  }
  if (!weak) {
    std::string detail = "no weak key exchange in ";
    for (size_t i = 0; i < sources.size(); ++i) {
      detail += (i == 0 ? "" : " nor ") + sources[i];
    }
    out.pass(detail);
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
