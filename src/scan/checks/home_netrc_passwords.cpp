// SPDX-License-Identifier: Apache-2.0
// host.home.netrc_passwords: no plaintext passwords in ~/.netrc, the file curl, ftp, git (over
// HTTP), wget, Python's netrc module and others read to log in automatically.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/credential_files.h"
#include "scan/facts/homes.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.home.netrc_passwords",
    .title = "No plaintext passwords in ~/.netrc",
    .family = "home",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kUser,
    .why =
        "~/.netrc keeps passwords in clear text so that tools can log in for you; anything that "
        "can read your files (malware, a backup, another user when the file is not private) "
        "gets those accounts too.",
    .fix =
        "Remove the password lines and let the tool ask, or use a credential manager (for git: "
        "credential.helper libsecret; for curl and scripts: read the secret from a password "
        "manager such as pass or secret-tool at run time). If the file must stay, keep it "
        "private (chmod 600 ~/.netrc) and change the passwords it held if others could read it.",
    .cis = "7.2.10",
    .refs = "CWE-256"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* homes = sw::scan::homes_for_check(ctx, out);
  if (!homes) return;
  int files = 0;
  bool failed = false;
  for (const auto& home : homes->homes) {
    auto f = sw::scan::read_home_file(ctx.host(), home, ".netrc");
    if (f.error) out.error(f.error->to_string());
    if (!f.text) continue;
    ++files;
    auto parsed = sw::scan::parse_netrc(*f.text, f.path);
    for (const auto& e : parsed.errors) ctx.input_error(e);
    std::string exposed = sw::scan::foreign_readers(*homes, home, f.st);
    for (const auto& e : parsed.entries) {
      if (e.password_line == 0) continue;
      failed = true;
      std::string target = e.machine == "default" ? std::string("the default entry")
                                                  : fmt::format("machine {}", e.machine);
      std::string evidence = fmt::format("password for {}{} ({}:{}), {} characters", target,
                                         e.login.empty() ? "" : ", login " + e.login, f.path,
                                         e.password_line, e.password_length);
      if (!exposed.empty()) evidence += fmt::format("; the file is {}", exposed);
      sw::scan::Issue issue{.subject = f.path,
                            .evidence = std::move(evidence),
                            .location = {f.path, e.password_line},
                            .owner_name = home.account};
      if (!exposed.empty()) issue.severity = sw::Severity::kHigh;
      out.fail(std::move(issue));
    }
  }
  if (!failed) {
    out.pass(files == 0 ? fmt::format("no ~/.netrc ({})", homes->summary())
                        : fmt::format("{} ~/.netrc file(s) hold no password", files));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
