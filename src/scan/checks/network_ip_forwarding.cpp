// SPDX-License-Identifier: Apache-2.0
// host.network.ip_forwarding: Forwarding turns a host into a router. Container runtimes and
// hypervisors need it, so their presence is said in the evidence (the finding stays: it is a
// decision to record, not a default). Values are read live (/proc/sys) and as persisted by sysctl.d
// (scan/facts/sysctl.h).
#include <vector>

#include "core/host.h"
#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sysctl.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.network.ip_forwarding",
    .title = "IP forwarding is off",
    .family = "network",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "A host that forwards packets acts as a router: it can pass traffic between networks that "
        "were meant to be separate and lets an attacker on one side reach the other through it.",
    .fix =
        "Unless this machine is a router or hosts containers or VMs that need it, put "
        "\"net.ipv4.ip_forward = 0\" and \"net.ipv6.conf.all.forwarding = 0\" in "
        "/etc/sysctl.d/60-shieldwall-net.conf and run `sysctl --system`. Docker, Podman and "
        "libvirt switch forwarding on when they start; on such hosts record it as an accepted "
        "exception.",
    .cis = "3.3.1",
    .lynis = "KRNL-6000"};

// Installed software that needs forwarding (its presence is said in the evidence).
std::string forwarding_users(const sw::Host& host) {
  std::string out;
  for (const auto& [path, name] :
       std::initializer_list<std::pair<const char*, const char*>>{{"/usr/bin/dockerd", "Docker"},
                                                                  {"/usr/sbin/dockerd", "Docker"},
                                                                  {"/usr/bin/podman", "Podman"},
                                                                  {"/usr/sbin/libvirtd", "libvirt"},
                                                                  {"/usr/bin/lxd", "LXD"},
                                                                  {"/usr/bin/incus", "Incus"}}) {
    if (host.exists(path) && out.find(name) == std::string::npos) {
      out += out.empty() ? name : std::string(", ") + name;
    }
  }
  return out;
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* sysctl = sw::scan::sysctl_for_check(ctx, out);
  if (!sysctl) return;
  std::string extra;
  if (auto users = forwarding_users(ctx.host()); !users.empty()) {
    extra = users +
            " is installed here and needs forwarding for its container or VM networks; if that is "
            "why it is on, record it as an accepted exception.";
  }
  std::vector<sw::scan::SysctlExpect> keys = {
      {.key = "net.ipv4.ip_forward",
       .want = "0",
       .ok = sw::scan::sysctl_is_zero,
       .kernel_default = 0,
       .extra = extra},
  };
  if (sysctl->ipv6_enabled) {
    keys.push_back(sw::scan::SysctlExpect{.key = "net.ipv6.conf.all.forwarding",
                                          .want = "0",
                                          .ok = sw::scan::sysctl_is_zero,
                                          .kernel_default = 0,
                                          .extra = extra});
  }
  sw::scan::evaluate_sysctl_keys(ctx, out, keys, sysctl->ipv6_reason);
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
