// SPDX-License-Identifier: Apache-2.0
// host.kernel.apparmor: a mandatory access control framework confines services. On Debian that is
// AppArmor: the package installed (it loads the profiles at boot), not switched off on the kernel
// command line (apparmor=0, or a security=/lsm= choice without it), enabled in the running kernel
// (/sys/module/apparmor/parameters/enabled), and its loaded profiles enforcing rather than only
// complaining (/sys/kernel/security/apparmor/profiles). An active SELinux counts as well.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/environment.h"
#include "scan/facts/kernel_cmdline.h"
#include "scan/facts/packages.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.kernel.apparmor",
    .title = "AppArmor confines services",
    .family = "kernel",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "AppArmor profiles limit what a service may read, write and run, so a compromised "
        "daemon or document viewer cannot reach the rest of the system. Without it, one "
        "exploited service has every right of its user.",
    .fix =
        "apt install apparmor apparmor-utils; remove apparmor=0 (and any security=/lsm= that "
        "leaves AppArmor out) from GRUB_CMDLINE_LINUX in /etc/default/grub, run update-grub and "
        "reboot; switch complaining profiles to enforce with aa-enforce /etc/apparmor.d/PROFILE.",
    .cis = "1.3.1.1 1.3.1.2 1.3.1.4",
    .lynis = "MACF-6204 MACF-6208 MACF-6290",
    .refs = "CWE-250"};

// The value of a "key=value" token on the command line, or empty.
std::string token_value(std::string_view cmdline, std::string_view key) {
  std::string found;
  size_t i = 0;
  while (i < cmdline.size()) {
    while (i < cmdline.size() && cmdline[i] == ' ') ++i;
    size_t j = cmdline.find(' ', i);
    if (j == std::string_view::npos) j = cmdline.size();
    auto tok = cmdline.substr(i, j - i);
    if (tok.size() > key.size() && tok.starts_with(key) && tok[key.size()] == '=') {
      found = std::string(tok.substr(key.size() + 1));  // the last one wins, as in the kernel
    }
    i = j;
  }
  return found;
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::Host& host = ctx.host();
  const auto& env = ctx.fact<sw::scan::Environment>();
  if (env && env->in_container()) {
    out.not_applicable("inside a container the host's kernel decides MAC confinement");
    return;
  }
  if (host.live()) {
    if (auto enforce = host.read_file("/sys/fs/selinux/enforce", 64)) {
      if (sw::trim(*enforce) == "1") {
        out.pass("SELinux is active and enforcing");
        return;
      }
      out.fail(sw::scan::Issue{.subject = "SELinux",
                               .evidence =
                                   "SELinux is active but permissive (/sys/fs/selinux/enforce "
                                   "is 0): it only logs what it would deny",
                               .severity = sw::Severity::kLow});
      return;
    }
  }
  std::vector<std::string> verified;
  const auto& pkgs = ctx.fact<sw::scan::Packages>();
  if (pkgs && pkgs->available) {
    if (pkgs->present("apparmor") == nullptr) {
      out.fail(sw::scan::Issue{
          .subject = "package apparmor",
          .evidence = "the apparmor package is not installed (/var/lib/dpkg/status): no profile is "
                      "loaded at boot",
          .location = {"/var/lib/dpkg/status", 0},
          .package = "apparmor"});
    } else {
      verified.emplace_back("apparmor installed");
    }
  }
  std::string grub = sw::scan::grub_cmdline(host);
  if (sw::scan::has_token(grub, "apparmor=0")) {
    out.fail(sw::scan::Issue{.subject = "kernel command line",
                             .evidence = "apparmor=0 in GRUB_CMDLINE_LINUX (/etc/default/grub or "
                                         "grub.d): AppArmor is off at every boot",
                             .location = {"/etc/default/grub", 0}});
  }
  for (std::string_view key : {"security", "lsm"}) {
    std::string v = token_value(grub, key);
    if (!v.empty() && v.find("apparmor") == std::string::npos) {
      out.fail(sw::scan::Issue{
          .subject = "kernel command line",
          .evidence = fmt::format("{}={} in GRUB_CMDLINE_LINUX leaves AppArmor out", key, v),
          .location = {"/etc/default/grub", 0}});
    }
  }
  if (host.live()) {
    auto enabled = host.read_file("/sys/module/apparmor/parameters/enabled", 64);
    if (!enabled) {
      out.fail(sw::scan::Issue{.subject = "running kernel",
                               .evidence = "the running kernel has no AppArmor "
                                           "(/sys/module/apparmor/parameters/enabled is missing)"});
    } else if (sw::trim(*enabled) != "Y") {
      out.fail(sw::scan::Issue{.subject = "running kernel",
                               .evidence = "AppArmor is disabled in the running kernel "
                                           "(/sys/module/apparmor/parameters/enabled is N)"});
    } else {
      verified.emplace_back("enabled in the running kernel");
      if (auto profiles = host.read_file("/sys/kernel/security/apparmor/profiles")) {
        int enforce = 0, complain = 0;
        for (auto line : sw::split_lines(*profiles)) {
          if (line.ends_with("(enforce)")) ++enforce;
          if (line.ends_with("(complain)")) ++complain;
        }
        verified.push_back(fmt::format("{} profiles enforcing", enforce));
        if (complain > 0) {
          out.fail(
              sw::scan::Issue{.subject = "AppArmor profiles in complain mode",
                              .evidence = fmt::format("{} of {} loaded profiles only complain "
                                                      "(/sys/kernel/security/apparmor/profiles)",
                                                      complain, enforce + complain),
                              .severity = sw::Severity::kLow});
        }
      }
    }
  }
  std::string detail = "AppArmor: ";
  for (size_t i = 0; i < verified.size(); ++i) detail += (i ? ", " : "") + verified[i];
  if (verified.empty()) detail += "not switched off on the kernel command line";
  out.pass(detail);
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
