// SPDX-License-Identifier: Apache-2.0
// host.updates.reboot_required: updates that need a reboot are in effect. Debian packages (the
// kernel, libc, systemd...) touch /run/reboot-required after an upgrade and list themselves in
// /run/reboot-required.pkgs. Live, the running kernel (/proc/sys/kernel/osrelease) is also
// compared with the newest /boot/vmlinuz-* of the same flavour ("amd64", "cloud-amd64"): a newer
// installed kernel means the fixes it carries are not running yet.
//
// Kernel releases are compared with the ordering dpkg uses for version strings (runs of digits
// compare numerically, the rest character by character, '~' before anything). This is the core
// of dpkg's verrevcmp without epoch/revision splitting, which release strings do not have; dpkg's
// full algorithm lands with the vulnerability matcher's version schemes.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/environment.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.updates.reboot_required",
    .title = "Installed updates are running",
    .family = "updates",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "A kernel or core library update only protects the machine after a reboot; until then "
        "the old, vulnerable code keeps running even though the update looks installed.",
    .fix =
        "Reboot at the next maintenance window (systemctl reboot). To reboot automatically after "
        "unattended upgrades, set Unattended-Upgrade::Automatic-Reboot \"true\"; and a suitable "
        "Automatic-Reboot-Time in /etc/apt/apt.conf.d/50unattended-upgrades.",
    .lynis = "KRNL-5830"};

int order(char c) {
  if (std::isdigit(static_cast<unsigned char>(c))) return 0;
  if (std::isalpha(static_cast<unsigned char>(c))) return c;
  if (c == '~') return -1;
  if (c != 0) return c + 256;
  return 0;
}

// dpkg's verrevcmp over one version string: <0, 0, >0.
int compare_versions(std::string_view a, std::string_view b) {
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() || j < b.size()) {
    int first_diff = 0;
    while ((i < a.size() && !std::isdigit(static_cast<unsigned char>(a[i]))) ||
           (j < b.size() && !std::isdigit(static_cast<unsigned char>(b[j])))) {
      int ac = i < a.size() ? order(a[i]) : 0;
      int bc = j < b.size() ? order(b[j]) : 0;
      if (ac != bc) return ac - bc;
      ++i;
      ++j;
    }
    while (i < a.size() && a[i] == '0') ++i;
    while (j < b.size() && b[j] == '0') ++j;
    while (i < a.size() && std::isdigit(static_cast<unsigned char>(a[i])) && j < b.size() &&
           std::isdigit(static_cast<unsigned char>(b[j]))) {
      if (first_diff == 0) first_diff = a[i] - b[j];
      ++i;
      ++j;
    }
    if (i < a.size() && std::isdigit(static_cast<unsigned char>(a[i]))) return 1;
    if (j < b.size() && std::isdigit(static_cast<unsigned char>(b[j]))) return -1;
    if (first_diff != 0) return first_diff;
  }
  return 0;
}

// "6.1.0-18-cloud-amd64" -> "cloud-amd64": the '-' separated parts from the first that does not
// start with a digit.
std::string flavour(std::string_view release) {
  size_t pos = 0;
  while (pos < release.size()) {
    if (!std::isdigit(static_cast<unsigned char>(release[pos])))
      return std::string(release.substr(pos));
    auto dash = release.find('-', pos);
    if (dash == std::string_view::npos) return "";
    pos = dash + 1;
  }
  return "";
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::Host& host = ctx.host();
  if (host.exists("/run/reboot-required")) {
    std::vector<std::string> pkgs;
    if (auto text = host.read_file("/run/reboot-required.pkgs", 1 << 20)) {
      for (auto line : sw::split_lines(*text)) {
        auto t = sw::trim(line);
        if (!t.empty() && std::find(pkgs.begin(), pkgs.end(), t) == pkgs.end()) {
          pkgs.emplace_back(t);
        }
      }
    }
    out.fail(sw::scan::Issue{
        .subject = "/run/reboot-required",
        .evidence = pkgs.empty() ? std::string("/run/reboot-required exists")
                                 : fmt::format("/run/reboot-required exists; updated packages: {}",
                                               fmt::join(pkgs, ", ")),
        .location = {"/run/reboot-required", 0}});
  }
  const auto& env = ctx.fact<sw::scan::Environment>();
  bool kernel_applies = host.live() && !(env && (env->in_container() || env->wsl));
  if (kernel_applies) {
    auto rel = host.read_file("/proc/sys/kernel/osrelease", 4096);
    if (rel) {
      std::string running(sw::trim(*rel));
      std::string fl = flavour(running);
      std::string newest;
      if (auto boot = host.list_dir("/boot")) {
        for (const auto& e : *boot) {
          if (!e.name.starts_with("vmlinuz-")) continue;
          std::string r = e.name.substr(8);
          if (flavour(r) != fl) continue;
          if (newest.empty() || compare_versions(r, newest) > 0) newest = r;
        }
      }
      if (!newest.empty()) {
        if (compare_versions(newest, running) > 0) {
          out.fail(sw::scan::Issue{
              .subject = "running kernel",
              .evidence = fmt::format("running kernel {}, installed {} (/boot/vmlinuz-{})", running,
                                      newest, newest),
              .location = {"/boot/vmlinuz-" + newest, 0}});
        } else {
          out.pass(fmt::format("running kernel {} is the newest installed", running));
        }
      }
    }
  }
  if (!host.exists("/run/reboot-required")) {
    if (host.live()) {
      out.pass("no /run/reboot-required");
    } else {
      out.not_applicable(
          "image mode: no /run/reboot-required and no running kernel to compare with /boot");
    }
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
