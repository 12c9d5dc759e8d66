// SPDX-License-Identifier: Apache-2.0
// host.boot.bootloader_permissions: GRUB's grub.cfg is owned by root and not accessible to group
// or others (0600 or stricter; 0400 passes, as does no execute bit), and systemd-boot's files
// (loader.conf, entries/*.conf, random-seed in the ESP's loader/ directory) are not writable by
// group or others, with random-seed not readable by them (bootctl warns about that too).
// No GRUB and no systemd-boot loader directory (containers, other boot loaders): not applicable.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/environment.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.boot.bootloader_permissions",
    .title = "Boot loader configuration is readable by root only",
    .family = "boot",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "The boot loader configuration holds the kernel command line and, when set, the boot "
        "password hash. Anyone who can read it can attack the hash offline; anyone who can write "
        "it can boot the machine into a root shell.",
    .fix =
        "`chown root:root /boot/grub/grub.cfg && chmod 0600 /boot/grub/grub.cfg` (update-grub "
        "keeps that mode); for systemd-boot, mount the ESP with `fmask=0077,dmask=0077` in "
        "/etc/fstab.",
    .cis = "1.4.2",
    .lynis = "BOOT-5184",
    .refs = "CWE-732"};

void check_grub(const sw::Host& host, const std::string& path, const sw::FileStat& st,
                sw::scan::Outcome& out) {
  if (st.uid != 0) {
    out.fail(
        sw::scan::Issue{.subject = path,
                        .evidence = fmt::format("{} is owned by uid {}, not root", path, st.uid),
                        .location = {path, 0}});
  }
  if ((st.mode & 0177) != 0) {
    out.fail(sw::scan::Issue{
        .subject = path,
        .evidence = fmt::format("{} has mode {:04o}; expected 0600 or stricter", path, st.mode),
        .location = {path, 0}});
  }
  (void)host;
  if (st.uid == 0 && (st.mode & 0177) == 0) {
    out.pass(fmt::format("{} is owned by root with mode {:04o}", path, st.mode));
  }
}

bool check_systemd_boot(const sw::Host& host, const std::string& dir, sw::scan::Outcome& out) {
  std::vector<std::string> files;
  for (const char* f : {"/loader.conf", "/random-seed"}) {
    if (host.exists(dir + f)) files.push_back(dir + f);
  }
  for (const auto& f : host.list_files(dir + "/entries", ".conf")) files.push_back(f);
  bool bad = false;
  for (const auto& f : files) {
    auto st = host.stat(f);
    if (!st) {
      out.error(st.error().to_string());
      continue;
    }
    bool seed = f.ends_with("/random-seed");
    uint32_t forbidden = seed ? 0077 : 0022;
    if ((st->mode & forbidden) != 0) {
      bad = true;
      out.fail(sw::scan::Issue{
          .subject = f,
          .evidence = fmt::format("{} has mode {:04o}: {}", f, st->mode,
                                  seed ? "others can read the boot random seed"
                                       : "group or others can change the boot configuration"),
          .location = {f, 0}});
    }
  }
  if (!bad) {
    out.pass(fmt::format("systemd-boot files in {} are writable by root only", dir));
  }
  return true;
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& env = ctx.fact<sw::scan::Environment>();
  if (env && env->in_container()) {
    out.not_applicable(fmt::format("inside a container ({}): the host boots it", env->container));
    return;
  }
  const sw::Host& host = ctx.host();
  bool found = false;
  for (const char* path : {"/boot/grub/grub.cfg", "/boot/grub2/grub.cfg"}) {
    auto st = host.stat(path);
    if (!st) {
      if (st.error().code() != sw::Errc::kNotFound) out.error(st.error().to_string());
      continue;
    }
    found = true;
    check_grub(host, path, *st, out);
  }
  for (const char* dir : {"/boot/efi/loader", "/boot/loader", "/efi/loader"}) {
    if (host.exists(dir)) {
      found = true;
      check_systemd_boot(host, dir, out);
    }
  }
  if (!found) {
    out.not_applicable(
        "no GRUB configuration (/boot/grub/grub.cfg) and no systemd-boot loader directory "
        "(/boot/efi/loader, /boot/loader, /efi/loader): another or no boot loader, or /boot is "
        "not mounted");
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
