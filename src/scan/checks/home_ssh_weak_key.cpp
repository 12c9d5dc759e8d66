// SPDX-License-Identifier: Apache-2.0
// host.home.ssh_weak_key: no DSA keys and no RSA keys under 2048 bits in ~/.ssh. The type and size
// come from the key itself (the public half of an OpenSSH key is stored in clear even when the
// key is encrypted) or, for an encrypted PEM key, from FILE.pub beside it.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/homes.h"
#include "scan/facts/openssh_key.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.home.ssh_weak_key",
    .title = "SSH keys use strong algorithms and sizes",
    .family = "home",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kUser,
    .why =
        "DSA keys are limited to 1024 bits and OpenSSH has disabled and then dropped them; RSA "
        "keys under 2048 bits are within reach of well-funded attackers and are refused by "
        "current servers. A weak key is a weak lock on every server that trusts it.",
    .fix =
        "Make a new key (ssh-keygen -t ed25519, or ssh-keygen -t rsa -b 4096 where Ed25519 is not "
        "supported), install its public half on each server (ssh-copy-id -i ~/.ssh/id_ed25519.pub "
        "HOST), then remove the old public key from every authorized_keys and delete the old key.",
    .refs = "CWE-326"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* homes = sw::scan::homes_for_check(ctx, out);
  if (!homes) return;
  const auto& keys = ctx.fact<sw::scan::SshKeys>();
  if (!keys) {
    out.error(keys.error().to_string());
    return;
  }
  for (const auto& e : keys->errors) out.error(e.to_string());
  int total = 0, unknown = 0;
  bool failed = false;
  for (const auto& dir : keys->dirs) {
    const auto& home = homes->homes[dir.home];
    for (const auto& e : dir.errors) out.error(e.to_string());
    for (const auto& key : dir.keys) {
      ++total;
      sw::scan::PublicKeyInfo pk{key.info.type, key.info.bits};
      std::string reason = sw::scan::weak_key_reason(pk);
      if (reason.empty()) {
        if (pk.type.empty() || (pk.type == "ssh-rsa" && pk.bits == 0)) ++unknown;
        continue;
      }
      failed = true;
      std::string from =
          key.size_from.empty() ? std::string() : " (size from " + key.size_from + ")";
      out.fail(sw::scan::Issue{.subject = key.path,
                               .evidence = fmt::format("{} in {}{}", reason, key.path, from),
                               .location = {key.path, key.info.line},
                               .owner_name = home.account,
                               .risk_delta = pk.type == "ssh-rsa" && pk.bits < 1024 ? 0.5 : 0.0});
    }
  }
  if (total == 0) {
    out.not_applicable(fmt::format("no private key in any ~/.ssh ({})", homes->summary()));
    return;
  }
  if (!failed) {
    std::string note = unknown > 0 ? fmt::format(
                                         " ({} of unknown type or size: encrypted, with "
                                         "no .pub beside it)",
                                         unknown)
                                   : std::string();
    out.pass(
        fmt::format("{} private key(s): no DSA key and no RSA key under 2048 bits{}", total, note));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
