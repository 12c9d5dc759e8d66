// SPDX-License-Identifier: Apache-2.0
// host.updates.security_repo: a Debian or Ubuntu system takes updates from its security archive
// (suite CODENAME-security, or the older CODENAME/updates on security.debian.org). Without it,
// security fixes arrive only with point releases, weeks later. Debian unstable (sid) has no
// security archive and is not applicable.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/apt_sources.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.updates.security_repo",
    .title = "The security archive is configured",
    .family = "updates",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Debian publishes security fixes in a separate archive. A system without it in its APT "
        "sources never receives them through apt upgrade, only with the next point release.",
    .fix =
        "Add the security suite, for Debian 12: 'deb http://security.debian.org/debian-security "
        "bookworm-security main' in /etc/apt/sources.list (or a deb822 stanza with Suites: "
        "bookworm-security), then apt update && apt upgrade.",
    .cis = "1.2.1.2",
    .lynis = "PKGS-7388"};

std::string os_release_value(std::string_view text, std::string_view key) {
  for (auto line : sw::split_lines(text)) {
    auto t = sw::trim(line);
    if (!t.starts_with(key) || t.size() <= key.size() || t[key.size()] != '=') continue;
    auto v = t.substr(key.size() + 1);
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) v = v.substr(1, v.size() - 2);
    return std::string(v);
  }
  return "";
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::Host& host = ctx.host();
  auto debver = host.read_file("/etc/debian_version", 4096);
  if (!debver) {
    out.not_applicable("not a Debian-family system (no /etc/debian_version)");
    return;
  }
  std::string codename;
  if (auto osr = host.read_file("/etc/os-release", 65536)) {
    codename = os_release_value(*osr, "VERSION_CODENAME");
  }
  if (codename == "sid" || sw::trim(*debver).find("sid") != std::string_view::npos) {
    out.not_applicable("Debian unstable (sid) has no security archive");
    return;
  }
  const auto& srcs = ctx.fact<sw::scan::AptSources>();
  if (!srcs) {
    out.error(srcs.error().to_string());
    return;
  }
  size_t enabled = 0;
  for (const auto& s : srcs->sources) {
    if (!s.enabled) continue;
    bool deb = false;
    for (const auto& t : s.types) deb = deb || t == "deb";
    if (!deb) continue;
    ++enabled;
    for (const auto& suite : s.suites) {
      if (suite.ends_with("-security") || suite.ends_with("/updates")) {
        out.pass(fmt::format("security suite {} ({}:{})", suite, s.file, s.line));
        return;
      }
    }
  }
  out.fail(sw::scan::Issue{
      .subject = "APT sources",
      .evidence = enabled == 0
                      ? std::string("no enabled 'deb' source at all in /etc/apt/sources.list "
                                    "and /etc/apt/sources.list.d")
                      : fmt::format("none of {} enabled 'deb' source(s) has a security suite "
                                    "({}-security)",
                                    enabled, codename.empty() ? "CODENAME" : codename),
      .location = {"/etc/apt/sources.list", 0}});
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
