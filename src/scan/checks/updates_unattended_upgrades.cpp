// SPDX-License-Identifier: Apache-2.0
// host.updates.unattended_upgrades: security updates are installed automatically. On Debian that
// takes the unattended-upgrades package, APT::Periodic::Update-Package-Lists and
// APT::Periodic::Unattended-Upgrade set to a non-zero value (apt.systemd.daily reads them; "0" or
// unset means never), APT::Periodic::Enable not "0", the apt-daily-upgrade timer not masked, and
// an origin pattern (Unattended-Upgrade::Origins-Pattern or Allowed-Origins) that takes the
// security archive.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/apt_conf.h"
#include "scan/facts/packages.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.updates.unattended_upgrades",
    .title = "Security updates install automatically",
    .family = "updates",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Attackers exploit published vulnerabilities within days. A machine that waits for "
        "someone to remember to update stays open for weeks; automatic security updates close "
        "that window without anyone having to act.",
    .fix =
        "apt install unattended-upgrades, then dpkg-reconfigure -plow unattended-upgrades (it "
        "writes APT::Periodic::Update-Package-Lists \"1\"; and APT::Periodic::Unattended-Upgrade "
        "\"1\"; to /etc/apt/apt.conf.d/20auto-upgrades). Keep the Debian-Security origin in "
        "Unattended-Upgrade::Origins-Pattern (/etc/apt/apt.conf.d/50unattended-upgrades).",
    .cis = "1.2.2.1",
    .lynis = "PKGS-7420",
    .refs = "CWE-1104"};

// apt.systemd.daily takes a number of days, or (newer apt) a duration such as "1d" or "always".
bool enabled_value(std::string_view v) {
  v = sw::trim(v);
  if (v == "always") return true;
  size_t i = 0;
  bool nonzero = false;
  while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) {
    nonzero = nonzero || v[i] != '0';
    ++i;
  }
  return i > 0 && nonzero;
}

bool mentions_security(const std::string& s) {
  std::string l(s);
  std::transform(l.begin(), l.end(), l.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return l.find("security") != std::string::npos;
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::Host& host = ctx.host();
  const auto& pkgs = ctx.fact<sw::scan::Packages>();
  if (!pkgs) {
    out.error(pkgs.error().to_string());
    return;
  }
  if (!pkgs->available && !host.exists("/etc/apt")) {
    out.not_applicable("not an APT-based system (no /var/lib/dpkg/status, no /etc/apt)");
    return;
  }
  const auto& conf = ctx.fact<sw::scan::AptConf>();
  if (!conf) {
    out.error(conf.error().to_string());
    return;
  }
  bool ok = true;
  if (!pkgs->present("unattended-upgrades")) {
    ok = false;
    out.fail(sw::scan::Issue{.subject = "package unattended-upgrades",
                             .evidence = "unattended-upgrades is not installed "
                                         "(/var/lib/dpkg/status)",
                             .location = {"/var/lib/dpkg/status", 0},
                             .package = "unattended-upgrades"});
  }
  auto setting = [&](std::string_view key) {
    const auto* v = conf->find(key);
    if (v && enabled_value(v->value)) return true;
    ok = false;
    out.fail(sw::scan::Issue{
        .subject = std::string(key),
        .evidence = v ? fmt::format("{} \"{}\" ({}:{})", key, v->value, v->file, v->line)
                      : fmt::format("{} is not set in /etc/apt/apt.conf.d (default: off)", key),
        .location = v ? sw::Location{v->file, v->line} : sw::Location{}});
    return false;
  };
  if (const auto* en = conf->find("APT::Periodic::Enable"); en && sw::trim(en->value) == "0") {
    ok = false;
    out.fail(sw::scan::Issue{
        .subject = "APT::Periodic::Enable",
        .evidence = fmt::format("APT::Periodic::Enable \"0\" turns off all periodic APT jobs "
                                "({}:{})",
                                en->file, en->line),
        .location = {en->file, en->line}});
  }
  setting("APT::Periodic::Update-Package-Lists");
  setting("APT::Periodic::Unattended-Upgrade");
  if (auto mask = host.read_link("/etc/systemd/system/apt-daily-upgrade.timer");
      mask && *mask == "/dev/null") {
    ok = false;
    out.fail(sw::scan::Issue{.subject = "apt-daily-upgrade.timer",
                             .evidence = "apt-daily-upgrade.timer is masked (/etc/systemd/system/"
                                         "apt-daily-upgrade.timer -> /dev/null)",
                             .location = {"/etc/systemd/system/apt-daily-upgrade.timer", 0}});
  }
  bool security_origin = false;
  bool any_origin = false;
  for (std::string_view key :
       {"Unattended-Upgrade::Origins-Pattern", "Unattended-Upgrade::Allowed-Origins"}) {
    if (const auto* v = conf->find(key)) {
      for (const auto& item : v->list) {
        any_origin = true;
        security_origin = security_origin || mentions_security(item);
      }
    }
  }
  if (pkgs->present("unattended-upgrades") && !security_origin) {
    ok = false;
    out.fail(sw::scan::Issue{
        .subject = "Unattended-Upgrade::Origins-Pattern",
        .evidence = any_origin ? "no Unattended-Upgrade origin takes the security archive"
                               : "Unattended-Upgrade::Origins-Pattern and Allowed-Origins are "
                                 "empty: nothing is upgraded"});
  }
  if (ok) out.pass("unattended-upgrades installed, enabled, and taking the security origin");
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
