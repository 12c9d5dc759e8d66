// SPDX-License-Identifier: Apache-2.0
// Environment: what kind of system the root is, so checks that cannot apply say "not applicable"
// instead of failing (no "separate /home partition" advice inside a container).
// Container: on a live system, a process in the kernel's initial PID namespace is not in a
// container; otherwise the runtimes' marker files (/.dockerenv, /run/.containerenv,
// /run/systemd/container), PID 1's environment (container=) and cgroup path decide.
// VM: DMI vendor strings, else the CPU's hypervisor flag. WSL: the kernel release string.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace sw::scan {

class ScanContext;

struct Environment {
  bool live = false;      // /proc and /sys describe the running kernel
  std::string container;  // "docker", "podman", "lxc", "systemd-nspawn", "container" or ""
  bool wsl = false;       // Windows Subsystem for Linux
  std::string virt;       // hypervisor: "kvm", "qemu", "vmware", "virtualbox", "xen", "hyperv",
                          // "firecracker", "hypervisor" (unnamed) or "" (bare metal or unknown)
  bool systemd_installed = false;  // systemd is the init system of this root
  bool systemd_running = false;    // live and systemd is PID 1

  bool in_container() const { return !container.empty(); }
  // "container:docker", "wsl", "vm:kvm", "systemd", "image" (not live): for the report header.
  std::vector<std::string> tags() const;

  static Result<Environment> load(ScanContext& ctx);
};

}  // namespace sw::scan
