// SPDX-License-Identifier: Apache-2.0
// host.home.dotfile_permissions: the home directory and the files a shell or ssh runs or reads at
// login can be written only by their owner (or root). Group write through the owner's personal
// group is accepted, as OpenSSH on Debian does.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/homes.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.home.dotfile_permissions",
    .title = "Shell startup files are writable only by their owner",
    .family = "home",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kUser,
    .why =
        "Your shell runs ~/.bashrc, ~/.profile and friends every time you log in, with all your "
        "rights. Anyone who can write one of them, or the home directory that holds them, runs "
        "their commands as you the next time you open a terminal.",
    .fix =
        "Remove group and other write permission and take ownership back: chmod go-w ~ "
        "~/.bashrc ~/.profile ~/.bash_profile ~/.zshrc ~/.ssh/config (and any other file "
        "listed); chown $USER FILE for a file owned by someone else. Then read each file for "
        "lines you did not add.",
    .cis = "7.2.10",
    .refs = "CWE-732"};

constexpr const char* kFiles[] = {".profile",     ".bash_profile", ".bash_login", ".bashrc",
                                  ".bash_logout", ".zshenv",       ".zprofile",   ".zshrc",
                                  ".zlogin",      ".zlogout",      ".ssh/config"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* homes = sw::scan::homes_for_check(ctx, out);
  if (!homes) return;
  int files = 0;
  bool failed = false;
  for (const auto& home : homes->homes) {
    if (auto why = sw::scan::foreign_writers(*homes, home, home.st); !why.empty()) {
      failed = true;
      out.fail(sw::scan::Issue{
          .subject = home.path,
          .evidence = fmt::format("home directory {}: {} (every file in it can be replaced)",
                                  home.path, why),
          .location = {home.path, 0},
          .owner_name = home.account});
    }
    for (const char* rel : kFiles) {
      auto f = sw::scan::stat_home_file(ctx.host(), home, rel);
      if (f.error) out.error(f.error->to_string());
      if (!f.exists) continue;
      ++files;
      std::string why = sw::scan::foreign_writers(*homes, home, f.st);
      if (why.empty()) continue;
      failed = true;
      out.fail(sw::scan::Issue{
          .subject = f.path,
          .evidence = fmt::format("{}{}: {}", f.path, f.symlink ? " (symlink target)" : "", why),
          .location = {f.path, 0},
          .owner_name = home.account});
    }
  }
  if (!failed) {
    out.pass(fmt::format("{} home director{} and {} startup file(s) writable only by their owner",
                         homes->homes.size(), homes->homes.size() == 1 ? "y" : "ies", files));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
