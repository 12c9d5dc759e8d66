// SPDX-License-Identifier: Apache-2.0
// host.home.rhosts: no ~/.rhosts or ~/.shosts. These files let the listed hosts and users log in
// as the owner without a password (rsh/rlogin, and sshd's host-based authentication when
// IgnoreRhosts is off). A line "+" trusts every host.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/homes.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.home.rhosts",
    .title = "No .rhosts or .shosts trust files",
    .family = "home",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kUser,
    .why =
        "A .rhosts or .shosts file lets other machines and users log in as you without any "
        "password, trusting only a host name or address that an attacker on the network can "
        "often fake.",
    .fix =
        "Delete the files (rm ~/.rhosts ~/.shosts) and use SSH keys instead. Administrators: keep "
        "IgnoreRhosts yes and HostbasedAuthentication no in sshd_config, and remove rsh-server.",
    .cis = "7.2.10",
    .refs = "CWE-290"};

constexpr const char* kFiles[] = {".rhosts", ".shosts"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* homes = sw::scan::homes_for_check(ctx, out);
  if (!homes) return;
  bool failed = false;
  for (const auto& home : homes->homes) {
    for (const char* rel : kFiles) {
      auto f = sw::scan::read_home_file(ctx.host(), home, rel, 1u << 20);
      if (!f.exists) {
        if (f.error) out.error(f.error->to_string());
        continue;
      }
      std::string evidence = fmt::format("{} exists (mode {}, {} bytes)", f.path,
                                         sw::scan::mode_string(f.st.mode), f.st.size);
      int line = 0;
      if (f.text) {
        int entries = 0, n = 0;
        for (auto raw : sw::split_lines(*f.text)) {
          ++n;
          auto t = sw::trim(raw);
          if (t.empty() || t.front() == '#') continue;
          ++entries;
          if ((t == "+" || t.starts_with("+ ") || t.starts_with("+\t")) && line == 0) line = n;
        }
        evidence += fmt::format(", {} entr{}", entries, entries == 1 ? "y" : "ies");
        if (line > 0) evidence += fmt::format("; line {} is \"+\": every host is trusted", line);
      } else if (f.error) {
        out.error(f.error->to_string());
      }
      sw::scan::Issue issue{.subject = f.path,
                            .evidence = std::move(evidence),
                            .location = {f.path, line},
                            .owner_name = home.account};
      if (line > 0) issue.severity = sw::Severity::kCritical;
      failed = true;
      out.fail(std::move(issue));
    }
  }
  if (!failed) out.pass(fmt::format("no ~/.rhosts or ~/.shosts ({})", homes->summary()));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
