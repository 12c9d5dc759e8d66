// SPDX-License-Identifier: Apache-2.0
// host.home.git_credentials: no plaintext passwords or tokens in git-credential-store's files,
// ~/.git-credentials and ~/.config/git/credentials (git-credential-store(1) reads both).
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/credential_files.h"
#include "scan/facts/homes.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.home.git_credentials",
    .title = "No plaintext git credentials",
    .family = "home",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kUser,
    .why =
        "git's \"store\" helper writes passwords and access tokens unencrypted into a file in "
        "your home. Any program running as you, a backup or a copied disk reveals them, and a "
        "token often grants push access to every repository you can reach.",
    .fix =
        "Switch to a helper that does not keep the secret in clear: git config --global "
        "credential.helper libsecret (package git-credential-libsecret or "
        "/usr/share/doc/git/contrib/credential/libsecret), or 'cache --timeout=3600' for memory "
        "only. Then delete the file (rm ~/.git-credentials), revoke the tokens it held on the "
        "forge (GitHub, GitLab...) and create new ones.",
    .refs = "CWE-256 CWE-312"};

constexpr const char* kFiles[] = {".git-credentials", ".config/git/credentials"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* homes = sw::scan::homes_for_check(ctx, out);
  if (!homes) return;
  int files = 0;
  bool failed = false;
  for (const auto& home : homes->homes) {
    for (const char* rel : kFiles) {
      auto f = sw::scan::read_home_file(ctx.host(), home, rel);
      if (f.error) out.error(f.error->to_string());
      if (!f.text) continue;
      ++files;
      auto parsed = sw::scan::parse_git_credentials(*f.text, f.path);
      for (const auto& e : parsed.errors) ctx.input_error(e);
      std::string exposed = sw::scan::foreign_readers(*homes, home, f.st);
      for (const auto& c : parsed.entries) {
        if (c.password_length == 0) continue;
        failed = true;
        std::string who = c.user.empty() ? c.host : fmt::format("{}@{}", c.user, c.host);
        std::string evidence =
            fmt::format("password or token for {}://{} ({}:{}), {} characters, in clear", c.scheme,
                        who, f.path, c.line, c.password_length);
        if (!exposed.empty()) evidence += fmt::format("; the file is {}", exposed);
        sw::scan::Issue issue{.subject = f.path,
                              .evidence = std::move(evidence),
                              .location = {f.path, c.line},
                              .owner_name = home.account};
        if (!exposed.empty()) issue.severity = sw::Severity::kHigh;
        out.fail(std::move(issue));
      }
    }
  }
  if (!failed) {
    out.pass(files == 0 ? fmt::format("no git credential store file ({})", homes->summary())
                        : fmt::format("{} git credential store file(s) hold no password", files));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
