// SPDX-License-Identifier: Apache-2.0
// host.updates.apt_sources_secure: APT verifies what it installs. trusted=yes turns off signature
// checking for a source (high); allow-insecure / allow-weak / allow-downgrade-to-insecure accept
// unsigned or weakly signed indexes (high); the global Acquire::AllowInsecureRepositories and
// APT::Get::AllowUnauthenticated do the same for every source. Plain http:// stays
// integrity-protected by the signed Release files, so it is only low, and only when the source is
// not pinned to its own key with signed-by (then any key in the global keyring may sign for it).
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/apt_conf.h"
#include "scan/facts/apt_sources.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.updates.apt_sources_secure",
    .title = "APT verifies package signatures",
    .family = "updates",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "APT's signature check is what stops a mirror, proxy or network attacker from "
        "handing out modified packages, which then run as root during installation. Turning it "
        "off for a source lets anyone on the path install code on the machine.",
    .fix =
        "Remove trusted=yes and allow-insecure/allow-weak from the listed sources, import the "
        "repository's key into /etc/apt/keyrings/NAME.gpg and reference it with "
        "[signed-by=/etc/apt/keyrings/NAME.gpg]. Prefer https:// mirrors.",
    .cis = "1.2.1.1",
    .refs = "CWE-494"};

bool truthy(const std::string& v) {
  auto t = std::string(sw::trim(v));
  return t == "1" || t == "true" || t == "yes" || t == "True" || t == "TRUE";
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::Host& host = ctx.host();
  if (!host.exists("/etc/apt")) {
    out.not_applicable("not an APT-based system (no /etc/apt)");
    return;
  }
  const auto& srcs = ctx.fact<sw::scan::AptSources>();
  const auto& conf = ctx.fact<sw::scan::AptConf>();
  if (!srcs || !conf) {
    out.error(!srcs ? srcs.error().to_string() : conf.error().to_string());
    return;
  }
  for (std::string_view key :
       {"Acquire::AllowInsecureRepositories", "Acquire::AllowDowngradeToInsecureRepositories",
        "APT::Get::AllowUnauthenticated", "Acquire::AllowWeakRepositories"}) {
    const auto* v = conf->find(key);
    if (!v || !truthy(v->value)) continue;
    out.fail(sw::scan::Issue{.subject = std::string(key),
                             .evidence = fmt::format("{} \"{}\" for every source ({}:{})", key,
                                                     v->value, v->file, v->line),
                             .location = {v->file, v->line}});
  }
  size_t checked = 0;
  for (const auto& s : srcs->sources) {
    if (!s.enabled) continue;
    ++checked;
    std::string uri = s.uris.empty() ? "" : s.uris.front();
    std::string subject = fmt::format("{}:{} {}", s.file, s.line, uri);
    if (s.option_yes("trusted")) {
      out.fail(sw::scan::Issue{
          .subject = subject,
          .evidence = fmt::format("trusted=yes disables signature checking for {} ({}:{})", uri,
                                  s.file, s.line),
          .location = {s.file, s.line}});
      continue;
    }
    bool weak = false;
    for (std::string_view opt : {"allow-insecure", "allow-weak", "allow-downgrade-to-insecure"}) {
      if (!s.option_yes(opt)) continue;
      weak = true;
      out.fail(sw::scan::Issue{
          .subject = subject,
          .evidence = fmt::format("{}=yes accepts unsigned or weakly signed indexes from {} "
                                  "({}:{})",
                                  opt, uri, s.file, s.line),
          .location = {s.file, s.line}});
    }
    if (weak) continue;
    bool plain_http = false;
    for (const auto& u : s.uris) plain_http = plain_http || u.starts_with("http://");
    if (plain_http && s.option("signed-by").empty()) {
      out.fail(sw::scan::Issue{
          .subject = subject,
          .evidence = fmt::format("{} uses plain http:// without signed-by: signatures still "
                                  "protect the content, but any key in the global keyring is "
                                  "accepted for it and traffic is readable ({}:{})",
                                  uri, s.file, s.line),
          .location = {s.file, s.line},
          .severity = sw::Severity::kLow});
    }
  }
  if (checked == 0) {
    out.not_applicable("no enabled APT sources");
    return;
  }
  out.pass(fmt::format("{} enabled APT source(s) checked", checked));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
