// SPDX-License-Identifier: Apache-2.0
// host.home.ssh_key_permissions: private keys in ~/.ssh are readable by their owner only, and
// ~/.ssh is writable by its owner only. ssh(1) refuses a private key whose mode has any group or
// other bit ("UNPROTECTED PRIVATE KEY FILE", sshkey_perm_ok); a group-writable ~/.ssh is accepted
// only for the owner's personal group (Debian's user-group-modes rule).
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/homes.h"
#include "scan/facts/openssh_key.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.home.ssh_key_permissions",
    .title = "SSH private keys and ~/.ssh are private",
    .family = "home",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kUser,
    .why =
        "Anyone who can read your private key can log in as you wherever it is trusted, and "
        "anyone who can write ~/.ssh can swap your keys, config or authorized_keys. ssh itself "
        "refuses to use a key that others can read.",
    .fix =
        "Make the keys and the directory private: chmod 700 ~/.ssh; chmod 600 ~/.ssh/KEYFILE "
        "(public keys *.pub may stay 644). If a key was readable by others, treat it as leaked: "
        "make a new one (ssh-keygen -t ed25519) and replace the old public key on every server.",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* homes = sw::scan::homes_for_check(ctx, out);
  if (!homes) return;
  const auto& keys = ctx.fact<sw::scan::SshKeys>();
  if (!keys) {
    out.error(keys.error().to_string());
    return;
  }
  for (const auto& e : keys->errors) out.error(e.to_string());
  int nkeys = 0;
  bool failed = false;
  for (const auto& dir : keys->dirs) {
    const auto& home = homes->homes[dir.home];
    for (const auto& e : dir.errors) out.error(e.to_string());
    if (auto why = sw::scan::foreign_writers(*homes, home, dir.st); !why.empty()) {
      failed = true;
      out.fail(sw::scan::Issue{.subject = dir.path,
                               .evidence = fmt::format("{}: {}", dir.path, why),
                               .location = {dir.path, 0},
                               .owner_name = home.account});
    }
    for (const auto& key : dir.keys) {
      ++nkeys;
      std::string why;
      if (key.st.uid != home.uid && key.st.uid != 0) {
        why = fmt::format("owned by {}", homes->user_label(key.st.uid));
      }
      if (key.st.mode & 0077) {
        if (!why.empty()) why += ", ";
        why += fmt::format("mode {}: {} (ssh refuses keys with any group or other permission)",
                           sw::scan::mode_string(key.st.mode),
                           (key.st.mode & 0004) ? "readable by every user"
                           : (key.st.mode & 0040)
                               ? fmt::format("readable by group {}", homes->group_label(key.st.gid))
                               : std::string("group or other bits set"));
      }
      if (why.empty()) continue;
      failed = true;
      out.fail(sw::scan::Issue{.subject = key.path,
                               .evidence = fmt::format("private key {}: {}", key.path, why),
                               .location = {key.path, 0},
                               .owner_name = home.account});
    }
  }
  if (keys->dirs.empty()) {
    out.not_applicable(fmt::format("no ~/.ssh directory ({})", homes->summary()));
    return;
  }
  if (!failed) {
    out.pass(
        fmt::format("{} ~/.ssh director{} and {} private key(s): only their owner can read "
                    "the keys or write the directory",
                    keys->dirs.size(), keys->dirs.size() == 1 ? "y" : "ies", nkeys));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
