// SPDX-License-Identifier: Apache-2.0
// host.home.authorized_keys_permissions: ~/.ssh/authorized_keys (and authorized_keys2, sshd's
// default AuthorizedKeysFile list) can be written only by its owner. sshd with StrictModes (the
// default) ignores such a file, but other setups may not, and the ability to write it is the
// ability to log in as its owner.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/homes.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.home.authorized_keys_permissions",
    .title = "authorized_keys is writable only by its owner",
    .family = "home",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kUser,
    .why =
        "authorized_keys lists the keys that may log in as you. Anyone who can write it can add "
        "their own key and log in as you, without knowing your password.",
    .fix =
        "Own the file and make it private: chown $USER ~/.ssh/authorized_keys; chmod 600 "
        "~/.ssh/authorized_keys; chmod 700 ~/.ssh. Then read it and remove any key you do not "
        "recognise.",
    .refs = "CWE-732"};

constexpr const char* kFiles[] = {".ssh/authorized_keys", ".ssh/authorized_keys2"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* homes = sw::scan::homes_for_check(ctx, out);
  if (!homes) return;
  int seen = 0;
  bool failed = false;
  for (const auto& home : homes->homes) {
    for (const char* rel : kFiles) {
      auto f = sw::scan::stat_home_file(ctx.host(), home, rel);
      if (f.error) out.error(f.error->to_string());
      if (!f.exists) continue;
      ++seen;
      std::string why = sw::scan::foreign_writers(*homes, home, f.st);
      if (why.empty()) continue;
      failed = true;
      out.fail(sw::scan::Issue{
          .subject = f.path,
          .evidence = fmt::format("{}{}: {}", f.path, f.symlink ? " (a symlink)" : "", why),
          .location = {f.path, 0},
          .owner_name = home.account});
    }
  }
  if (seen == 0) {
    out.not_applicable(fmt::format("no ~/.ssh/authorized_keys file ({})", homes->summary()));
    return;
  }
  if (!failed) {
    out.pass(fmt::format("{} authorized_keys file(s), each writable only by its owner", seen));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
