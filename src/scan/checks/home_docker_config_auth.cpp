// SPDX-License-Identifier: Apache-2.0
// host.home.docker_config_auth: no registry passwords in ~/.docker/config.json. `docker login`
// without a credential helper stores base64("user:password") in auths.REGISTRY.auth, which is an
// encoding, not encryption. With credsStore or credHelpers the entries are kept by the helper;
// an "auth" left in the file then is a stale copy, still readable.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/credential_files.h"
#include "scan/facts/homes.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.home.docker_config_auth",
    .title = "No registry passwords in Docker's config",
    .family = "home",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kUser,
    .why =
        "docker login saves your registry user name and password (or token) base64-encoded in "
        "~/.docker/config.json, which anyone who reads the file decodes in a second; with push "
        "rights, a thief can replace the images others deploy.",
    .fix =
        "Install a credential helper and point Docker at it: apt install "
        "golang-docker-credential-helpers, then set \"credsStore\": \"secretservice\" (or "
        "\"pass\") in ~/.docker/config.json. Run docker logout REGISTRY and docker login REGISTRY "
        "again so the secret moves to the helper, check that no \"auth\" remains in the file, and "
        "rotate the password or token if the file was shared or backed up.",
    .refs = "CWE-261 CWE-522"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* homes = sw::scan::homes_for_check(ctx, out);
  if (!homes) return;
  int files = 0;
  bool failed = false;
  for (const auto& home : homes->homes) {
    auto f = sw::scan::read_home_file(ctx.host(), home, ".docker/config.json");
    if (f.error) out.error(f.error->to_string());
    if (!f.text) continue;
    ++files;
    auto parsed = sw::scan::parse_docker_config(*f.text, f.path);
    for (const auto& e : parsed.errors) ctx.input_error(e);
    std::string exposed = sw::scan::foreign_readers(*homes, home, f.st);
    for (const auto& a : parsed.auths) {
      failed = true;
      std::string what;
      if (a.has_auth || a.password_length > 0) {
        what = fmt::format("user {} and a password of {} characters",
                           a.user.empty() ? std::string("(none)") : a.user, a.password_length);
        if (a.has_auth) what = "base64 \"auth\" with " + what;
      }
      if (a.has_token) what += what.empty() ? "an identity token" : " and an identity token";
      std::string evidence = fmt::format("registry {}: {} ({})", a.registry, what, f.path);
      if (!a.helper.empty()) {
        evidence += fmt::format(
            "; Docker now uses the credential helper \"{}\" for it, so this "
            "copy is stale but still readable",
            a.helper);
      }
      if (!exposed.empty()) evidence += fmt::format("; the file is {}", exposed);
      sw::scan::Issue issue{.subject = f.path,
                            .evidence = std::move(evidence),
                            .location = {f.path, 0},
                            .owner_name = home.account};
      if (!exposed.empty()) issue.severity = sw::Severity::kHigh;
      out.fail(std::move(issue));
    }
  }
  if (!failed) {
    out.pass(files == 0 ? fmt::format("no ~/.docker/config.json ({})", homes->summary())
                        : fmt::format("{} Docker config file(s) hold no registry password", files));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
