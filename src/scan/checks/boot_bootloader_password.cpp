// SPDX-License-Identifier: Apache-2.0
// host.boot.bootloader_password: GRUB asks for a password before its menu entries can be edited
// or its command line used: grub.cfg sets "superusers" and one of them has a password line
// (password_pbkdf2; a plain-text "password" line is flagged on its own). /etc/grub.d scripts are
// read too, to tell "configured but grub.cfg not regenerated" apart from "not configured".
// systemd-boot has no password; its equivalent is "editor no" in loader.conf (loader.conf(5):
// the editor is enabled by default). Hashes and passwords are never printed.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/environment.h"
#include "scan/facts/service_configs.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.boot.bootloader_password",
    .title = "Boot loader menu is password protected",
    .family = "boot",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Without a boot loader password, anyone at the console can edit the kernel command line "
        "(for example init=/bin/sh) and get a root shell without any account, bypassing every "
        "login control.",
    .fix =
        "Run `grub-mkpasswd-pbkdf2`, then add to /etc/grub.d/40_custom: `set superusers=\"admin\"` "
        "and `password_pbkdf2 admin <hash>`, add --unrestricted to CLASS= in /etc/grub.d/10_linux "
        "if unattended boots must work, and run `update-grub`. For systemd-boot set `editor no` "
        "in loader/loader.conf.",
    .cis = "1.4.1",
    .lynis = "BOOT-5122",
    .refs = "CWE-306"};

// Whether the parsed text protects the menu; issues for plain-text passwords.
bool protects(const sw::scan::GrubPasswords& g, const std::string& path, sw::scan::Outcome& out) {
  bool ok = false;
  for (const auto& u : g.users) {
    if (!u.pbkdf2) {
      out.fail(sw::scan::Issue{
          .subject = path,
          .evidence = fmt::format("plain-text GRUB password for user {} ({}:{}); use "
                                  "password_pbkdf2",
                                  u.name, path, u.line),
          .location = {path, u.line},
          .severity = sw::Severity::kHigh});
    }
    for (const auto& s : g.superusers) {
      if (s == u.name) ok = true;
    }
  }
  return ok;
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& env = ctx.fact<sw::scan::Environment>();
  if (env && env->in_container()) {
    out.not_applicable(fmt::format("inside a container ({}): the host boots it", env->container));
    return;
  }
  const sw::Host& host = ctx.host();
  std::string cfg_path;
  for (const char* p : {"/boot/grub/grub.cfg", "/boot/grub2/grub.cfg"}) {
    if (host.exists(p)) {
      cfg_path = p;
      break;
    }
  }
  if (!cfg_path.empty()) {
    auto text = host.read_file(cfg_path);
    if (!text) {
      out.error(text.error().to_string());
      return;
    }
    if (protects(sw::scan::parse_grub_passwords(*text), cfg_path, out)) {
      out.pass(fmt::format("{} sets superusers with a password", cfg_path));
      return;
    }
    std::string in_scripts;
    for (const auto& f : host.list_files("/etc/grub.d")) {
      auto body = host.read_file(f, 1 << 20);
      if (!body) continue;
      sw::scan::Outcome scratch;
      if (protects(sw::scan::parse_grub_passwords(*body), f, scratch)) in_scripts = f;
    }
    out.fail(sw::scan::Issue{
        .subject = cfg_path,
        .evidence = in_scripts.empty()
                        ? fmt::format("{} sets no superuser with a password, and no "
                                      "/etc/grub.d script adds one",
                                      cfg_path)
                        : fmt::format("{} configures a password but {} does not have it: run "
                                      "update-grub",
                                      in_scripts, cfg_path),
        .location = {cfg_path, 0}});
    return;
  }
  for (const char* dir : {"/boot/efi/loader", "/boot/loader", "/efi/loader"}) {
    std::string conf = std::string(dir) + "/loader.conf";
    if (!host.exists(dir)) continue;
    auto text = host.read_file(conf, 1 << 20);
    std::string editor = "yes";
    int line = 0;
    if (text) {
      int n = 0;
      for (auto raw : sw::split_lines(*text)) {
        ++n;
        auto l = sw::trim(raw);
        if (l.starts_with("editor") && l.size() > 6 && (l[6] == ' ' || l[6] == '\t')) {
          editor = std::string(sw::trim(l.substr(6)));
          line = n;
        }
      }
    } else if (text.error().code() != sw::Errc::kNotFound) {
      out.error(text.error().to_string());
      return;
    }
    if (editor == "no" || editor == "false" || editor == "0" || editor == "off") {
      out.pass(fmt::format("systemd-boot: editor disabled ({}:{})", conf, line));
    } else {
      out.fail(sw::scan::Issue{
          .subject = conf,
          .evidence = line ? fmt::format("systemd-boot editor is '{}' ({}:{})", editor, conf, line)
                           : fmt::format("systemd-boot editor is on by default ({} does not set "
                                         "'editor no')",
                                         conf),
          .location = {conf, line}});
    }
    return;
  }
  out.not_applicable(
      "no GRUB configuration (/boot/grub/grub.cfg) and no systemd-boot loader directory: another "
      "or no boot loader, or /boot is not mounted");
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
