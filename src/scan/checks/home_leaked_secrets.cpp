// SPDX-License-Identifier: Apache-2.0
// host.home.leaked_secrets: no credential left in clear where they typically leak in a home:
// shell and REPL histories, tool credential files, private keys in ~/.ssh, .env files and config
// files under ~/.config, ~/.aws, ~/.docker ... (secrets/home_candidates.h lists them; bounded, it
// never walks the whole home). Each file is read through the Host seam with the home's symlink
// rules (read_home_path) and scanned with the default secret rules; findings go to the account.
//
// Files that a dedicated check reads with the file's own grammar are left to it, so one secret is
// not reported twice: ~/.git-credentials and ~/.config/git/credentials (host.home.git_credentials),
// ~/.netrc (host.home.netrc_passwords), ~/.aws/credentials (host.home.aws_credentials),
// ~/.docker/config.json (host.home.docker_config_auth), ~/.pgpass (host.home.pgpass_passwords) and
// private keys in ~/.ssh (host.home.ssh_key_no_passphrase: an unencrypted key is the finding
// there).
#include <algorithm>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/homes.h"
#include "scan/facts/secret_scan.h"
#include "secrets/binary.h"
#include "secrets/home_candidates.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.home.leaked_secrets",
    .title = "No credential in clear in your home's histories and config files",
    .family = "home",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kUser,
    .why =
        "Tokens, passwords and keys typed on a command line end up in shell history, and tools "
        "write them into config files. Any program running as you, a backup or a copied disk "
        "reveals them, and they often open far more than this machine.",
    .fix =
        "Revoke or rotate each credential at its service first, then delete it from the file "
        "(for shell history: history -d N, or edit ~/.bash_history). Keep credentials in a "
        "password manager or the system keyring, and pass them through environment variables or "
        "prompts rather than command-line arguments.",
    .refs = "CWE-798 CWE-312"};

constexpr std::string_view kLeftToOtherChecks[] = {
    ".git-credentials", ".config/git/credentials", ".netrc",
    ".aws/credentials", ".docker/config.json",     ".pgpass"};

constexpr size_t kMaxFileBytes = size_t{8} << 20;

bool left_to_other_checks(std::string_view rel) {
  for (std::string_view r : kLeftToOtherChecks) {
    if (rel == r) return true;
  }
  // Private keys in ~/.ssh: host.home.ssh_key_no_passphrase and ssh_key_permissions.
  return rel.rfind(".ssh/", 0) == 0 && rel.find('/', 5) == std::string_view::npos &&
         rel.substr(5) != "config" && rel.substr(5) != "known_hosts" &&
         rel.substr(5) != "authorized_keys";
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* homes = sw::scan::homes_for_check(ctx, out);
  if (!homes) return;
  const auto& engine = ctx.fact<sw::scan::SecretScanner>();
  if (!engine) {
    out.error(fmt::format("the secret rules could not be compiled: {}", engine.error().message()));
    return;
  }
  for (const auto& e : engine->rule_errors) ctx.input_error(e);
  auto worker = engine->scanner->make_worker();
  if (!worker) {
    out.error(worker.error().to_string());
    return;
  }
  size_t files = 0;
  bool failed = false;
  for (const auto& home : homes->homes) {
    const std::string real_home = ctx.host().real_path(home.path);
    for (const std::string& real : sw::secrets::home_secret_candidates(real_home)) {
      // Back to a path inside the root.
      if (real.size() <= real_home.size() || real.compare(0, real_home.size(), real_home) != 0) {
        continue;
      }
      const std::string rel = real.substr(real_home.size() + 1);
      if (left_to_other_checks(rel)) continue;
      auto f = sw::scan::read_home_path(ctx.host(), home, home.file(rel), kMaxFileBytes);
      if (f.error) {
        ctx.note(fmt::format("{}: not scanned for secrets: {}", f.path, f.error->message()));
        continue;
      }
      if (!f.text) continue;
      const std::string_view text = *f.text;
      if (sw::secrets::looks_binary(text.substr(0, sw::secrets::kBinarySniffBytes))) continue;
      ++files;
      sw::secrets::Fragment fragment;
      fragment.text = text;
      fragment.path = f.path;
      std::vector<sw::secrets::SecretMatch> matches;
      if (auto r = (*worker)->scan(fragment, matches); !r) {
        ctx.input_error(r.error());
        continue;
      }
      for (auto& issue : sw::scan::secret_issues(matches, *engine->scanner, sw::Role::kUser,
                                                 home.account, nullptr, "")) {
        failed = true;
        out.fail(std::move(issue));
      }
    }
  }
  if (!failed) {
    out.pass(fmt::format("{} file(s) where credentials usually leak scanned, none found ({})",
                         files, homes->summary()));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
