// SPDX-License-Identifier: Apache-2.0
// host.kernel.unused_filesystems: kernel modules for rarely used filesystems (cramfs, freevxfs,
// hfs, hfsplus, jffs2, squashfs, udf) and usb-storage cannot be loaded. A module passes when
//   - no installed kernel ships it (not in modules.dep nor modules.builtin), or
//   - modprobe.d makes loading it a no-op ("install MOD /bin/false" or /bin/true; kmod runs the
//     first matching install command) or blacklists it ("blacklist MOD": stops automatic loading,
//     which is how a plugged-in disk or a mount would load it).
// A module loaded in the running kernel (/proc/modules) fails whatever the configuration says, and
// so does one built into the kernel (modprobe.d cannot stop it). squashfs is skipped when snapd is
// installed (snaps are squashfs images). See scan/facts/modprobe.h for the file semantics.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "core/host.h"
#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/environment.h"
#include "scan/facts/modprobe.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.kernel.unused_filesystems",
    .title = "Unused filesystem and USB storage modules are disabled",
    .family = "kernel",
    .severity = sw::Severity::kLow,
    .role = sw::Role::kAdmin,
    .why =
        "Every filesystem driver the kernel will load on demand is parsing code an attacker can "
        "reach with a crafted disk image or USB stick; old, rarely used drivers are where such "
        "bugs hide.",
    .fix =
        "For each module listed, add \"install MODULE /bin/false\" and \"blacklist MODULE\" to "
        "/etc/modprobe.d/60-shieldwall.conf, unload it if loaded (modprobe -r MODULE) and run "
        "update-initramfs -u. Keep squashfs if you use snaps, udf if you read DVDs, usb-storage if "
        "people need USB disks.",
    .cis = "1.1.1.1 1.1.1.2 1.1.1.3 1.1.1.4 1.1.1.5 1.1.1.7 1.1.1.8 1.1.1.9",
    .lynis = "FILE-6430",
};

constexpr const char* kModules[] = {"cramfs", "freevxfs", "hfs", "hfsplus",
                                    "jffs2",  "squashfs", "udf", "usb-storage"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& env = ctx.fact<sw::scan::Environment>();
  if (env && env->in_container()) {
    out.not_applicable(fmt::format(
        "inside a {} container: kernel modules are the host's to configure", env->container));
    return;
  }
  const auto& fact = ctx.fact<sw::scan::Modprobe>();
  if (!fact) {
    out.error(fact.error().to_string());
    return;
  }
  const auto& mp = *fact;
  bool snapd = ctx.host().exists("/usr/lib/snapd/snapd") || ctx.host().exists("/usr/bin/snap");
  std::vector<std::string> good;
  std::vector<std::string> skipped;
  int weak = 0;
  for (std::string_view module : kModules) {
    std::string name = sw::scan::normalize_module_name(module);
    if (module == "squashfs" && snapd) {
      skipped.emplace_back("squashfs (snapd is installed and mounts snaps with it)");
      continue;
    }
    if (mp.loaded.count(name)) {
      ++weak;
      out.fail(sw::scan::Issue{
          .subject = fmt::format("module {}", module),
          .evidence = fmt::format("{} is loaded in the running kernel (/proc/modules); unload it "
                                  "with modprobe -r {} once nothing uses it",
                                  module, module)});
      continue;
    }
    if (auto it = mp.builtin.find(name); it != mp.builtin.end()) {
      ++weak;
      out.fail(sw::scan::Issue{
          .subject = fmt::format("module {}", module),
          .evidence = fmt::format("{} is built into kernel {} (modules.builtin): modprobe.d "
                                  "cannot disable it",
                                  module, it->second)});
      continue;
    }
    const auto* install = mp.install_for(name);
    const auto* blacklist = mp.blacklist_for(name);
    if (install && sw::scan::install_disables(install->args)) {
      good.push_back(fmt::format("{}: install {} ({}:{})", module, install->args, install->file,
                                 install->line));
      continue;
    }
    if (blacklist) {
      good.push_back(fmt::format("{}: blacklisted ({}:{}), automatic loading stops", module,
                                 blacklist->file, blacklist->line));
      continue;
    }
    auto avail = mp.available.find(name);
    if (mp.modules_known && avail == mp.available.end()) {
      good.push_back(fmt::format("{}: not shipped by the installed kernels", module));
      continue;
    }
    if (!mp.modules_known) continue;  // said below
    ++weak;
    std::string evidence = fmt::format(
        "{} ships in {} and modprobe.d neither blacklists it nor replaces it with \"install {} "
        "/bin/false\"",
        module, avail->second, module);
    sw::Location loc;
    if (install) {
      evidence += fmt::format("; its install command \"{}\" ({}:{}) still loads something",
                              install->args, install->file, install->line);
      loc = {install->file, install->line};
    }
    if (!mp.live) evidence += " (image mode: /proc/modules not read)";
    out.fail(sw::scan::Issue{.subject = fmt::format("module {}", module),
                             .evidence = std::move(evidence),
                             .location = std::move(loc)});
  }
  if (weak > 0) return;
  if (!mp.modules_known && good.empty()) {
    out.not_applicable(
        "no kernel module tree in this root (/lib/modules/VERSION/modules.dep missing): "
        "nothing can be loaded from it");
    return;
  }
  std::string detail = fmt::format("{}", fmt::join(good, "; "));
  if (!skipped.empty()) detail += fmt::format("; skipped: {}", fmt::join(skipped, "; "));
  if (!mp.modules_known) detail += "; no /lib/modules tree to check the others against";
  out.pass(detail);
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
