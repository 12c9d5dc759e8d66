// SPDX-License-Identifier: Apache-2.0
// host.home.ssh_key_no_passphrase: every private key in ~/.ssh is protected by a passphrase. Keys
// are found by content (any file holding a private key), not by the id_* name.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/homes.h"
#include "scan/facts/openssh_key.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.home.ssh_key_no_passphrase",
    .title = "SSH private keys have a passphrase",
    .family = "home",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kUser,
    .why =
        "A private key without a passphrase is a password written in a file: anyone who copies "
        "it (a stolen laptop, a backup, malware running as you) can log in everywhere the key is "
        "trusted.",
    .fix =
        "Add a passphrase to the key: ssh-keygen -p -f FILE (the key and its public half stay the "
        "same, so nothing changes on the servers). To type it only once per session, load the "
        "key into ssh-agent (ssh-add FILE, or AddKeysToAgent yes in ~/.ssh/config). For keys used "
        "by unattended jobs, prefer a dedicated key restricted on the server (from=, command= in "
        "authorized_keys) or a hardware key (ssh-keygen -t ed25519-sk).",
    .refs = "CWE-522"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* homes = sw::scan::homes_for_check(ctx, out);
  if (!homes) return;
  const auto& keys = ctx.fact<sw::scan::SshKeys>();
  if (!keys) {
    out.error(keys.error().to_string());
    return;
  }
  for (const auto& e : keys->errors) out.error(e.to_string());
  int total = 0, protected_keys = 0;
  for (const auto& dir : keys->dirs) {
    const auto& home = homes->homes[dir.home];
    for (const auto& e : dir.errors) out.error(e.to_string());
    for (const auto& key : dir.keys) {
      ++total;
      const auto& k = key.info;
      if (k.protection == sw::scan::KeyProtection::kPassphrase) {
        ++protected_keys;
        continue;
      }
      if (k.protection == sw::scan::KeyProtection::kUnknown) {
        out.error(fmt::format("{}: private key could not be parsed ({})", key.path,
                              k.problem.empty() ? "unknown format" : k.problem));
        continue;
      }
      std::string what = k.type.empty() ? std::string("private key") : k.type + " key";
      if (k.bits > 0) what += fmt::format(" of {} bits", k.bits);
      out.fail(sw::scan::Issue{
          .subject = key.path,
          .evidence = fmt::format("{} in {} format with no passphrase (cipher \"none\"), {}:{}",
                                  what, sw::scan::key_format_name(k.format), key.path, k.line),
          .location = {key.path, k.line},
          .owner_name = home.account});
    }
  }
  if (total == 0) {
    out.not_applicable(fmt::format("no private key in any ~/.ssh ({})", homes->summary()));
    return;
  }
  if (protected_keys == total) {
    out.pass(fmt::format("{} private key(s) in ~/.ssh, all protected by a passphrase", total));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
