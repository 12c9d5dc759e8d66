// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/environment.h"

#include <algorithm>
#include <cctype>

#include "scan/context.h"

namespace sw::scan {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The inode of the kernel's initial PID namespace (PROC_PID_INIT_INO in include/linux/proc_ns.h):
// a process that sees it is not inside a PID-namespaced container, whatever marker files its
// filesystem carries (a VM or host built from a container image keeps /.dockerenv).
constexpr std::string_view kInitPidNamespace = "pid:[4026531836]";

std::string detect_container(const Host& host, bool live) {
  if (live) {
    if (auto ns = host.read_link("/proc/self/ns/pid"); ns && *ns == kInitPidNamespace) return "";
  }
  if (host.exists("/.dockerenv")) return "docker";
  if (host.exists("/run/.containerenv")) return "podman";
  if (auto text = host.read_file("/run/systemd/container", 4096)) {
    auto t = std::string(trim(*text));
    if (!t.empty()) return t;
  }
  if (!live) return "";
  if (auto environ = host.read_file("/proc/1/environ", 1 << 20)) {
    std::string_view env(*environ);
    size_t i = 0;
    while (i < env.size()) {
      size_t j = env.find('\0', i);
      if (j == std::string_view::npos) j = env.size();
      auto var = env.substr(i, j - i);
      if (var.starts_with("container=") && var.size() > 10) return std::string(var.substr(10));
      i = j + 1;
    }
  }
  if (auto cgroup = host.read_file("/proc/1/cgroup", 1 << 20)) {
    if (cgroup->find("/docker") != std::string::npos) return "docker";
    if (cgroup->find("/lxc") != std::string::npos) return "lxc";
    if (cgroup->find("kubepods") != std::string::npos) return "kubernetes";
  }
  return "";
}

std::string detect_virt(const Host& host) {
  std::string dmi;
  for (const char* f : {"/sys/class/dmi/id/sys_vendor", "/sys/class/dmi/id/product_name",
                        "/sys/class/dmi/id/bios_vendor"}) {
    if (auto t = host.read_file(f, 4096)) dmi += lower(*t) + " ";
  }
  if (dmi.find("qemu") != std::string::npos) return "qemu";
  if (dmi.find("kvm") != std::string::npos) return "kvm";
  if (dmi.find("vmware") != std::string::npos) return "vmware";
  if (dmi.find("virtualbox") != std::string::npos || dmi.find("innotek") != std::string::npos)
    return "virtualbox";
  if (dmi.find("xen") != std::string::npos) return "xen";
  if (dmi.find("microsoft corporation") != std::string::npos) return "hyperv";
  if (dmi.find("amazon ec2") != std::string::npos) return "kvm";
  if (dmi.find("google compute engine") != std::string::npos) return "kvm";
  if (auto cpu = host.read_file("/proc/cpuinfo", 4u << 20)) {
    for (auto line : split_lines(*cpu)) {
      if (line.starts_with("flags") && line.find(" hypervisor") != std::string_view::npos) {
        if (auto cmd = host.read_file("/proc/cmdline", 65536);
            cmd && cmd->find("firecracker") != std::string::npos) {
          return "firecracker";
        }
        return "hypervisor";
      }
    }
  }
  return "";
}

}  // namespace

std::vector<std::string> Environment::tags() const {
  std::vector<std::string> out;
  if (!live) out.emplace_back("image");
  if (!container.empty()) out.push_back("container:" + container);
  if (wsl) out.emplace_back("wsl");
  if (!virt.empty()) out.push_back("vm:" + virt);
  if (systemd_running) {
    out.emplace_back("systemd");
  } else if (systemd_installed) {
    out.emplace_back("systemd-installed");
  }
  return out;
}

Result<Environment> Environment::load(ScanContext& ctx) {
  const Host& host = ctx.host();
  Environment env;
  env.live = host.live();
  env.container = detect_container(host, env.live);
  if (env.live) {
    if (auto rel = host.read_file("/proc/sys/kernel/osrelease", 4096)) {
      auto l = lower(*rel);
      env.wsl = l.find("microsoft") != std::string::npos || l.find("wsl") != std::string::npos;
    }
    if (!env.wsl && env.container.empty()) env.virt = detect_virt(host);
    env.systemd_running = host.exists("/run/systemd/system");
  }
  if (auto init = host.read_link("/sbin/init")) {
    env.systemd_installed = init->find("systemd") != std::string::npos;
  }
  if (!env.systemd_installed) {
    env.systemd_installed =
        host.exists("/lib/systemd/systemd") || host.exists("/usr/lib/systemd/systemd");
  }
  return env;
}

}  // namespace sw::scan
