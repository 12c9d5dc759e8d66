// SPDX-License-Identifier: Apache-2.0
// host.kernel.suid_core_dumps: core dumps cannot leak privileged memory. Three layers, all wanted
// (as CIS 1.5.3 does), each reported on its own:
//   1. fs.suid_dumpable = 0 (live and persisted; kernel default 0): setuid programs never dump;
//   2. a hard core limit of 0 for '*' in limits.conf/limits.d: PAM sessions cannot dump at all
//      (pam_limits does not cover services, nor root, which '*' excludes);
//   3. when systemd-coredump is installed it receives every dump through kernel.core_pattern, so
//      coredump.conf must say Storage=none and ProcessSizeMax=0 (defaults: external, 2G).
// See scan/facts/core_dumps.h for the file semantics.
#include <vector>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/core_dumps.h"
#include "scan/facts/sysctl.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.kernel.suid_core_dumps",
    .title = "Core dumps are restricted",
    .family = "kernel",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "A core dump is a copy of a crashed program's memory: passwords, keys and file contents. "
        "Dumps of setuid programs or of services let a local user read secrets they could never "
        "read directly.",
    .fix =
        "Put \"fs.suid_dumpable = 0\" in /etc/sysctl.d/60-shieldwall-kernel.conf and run `sysctl "
        "--system`; add \"* hard core 0\" to /etc/security/limits.d/60-shieldwall.conf; if "
        "systemd-coredump is installed, put \"[Coredump]\", \"Storage=none\" and "
        "\"ProcessSizeMax=0\" in /etc/systemd/coredump.conf.d/60-shieldwall.conf (or remove the "
        "systemd-coredump package).",
    .cis = "1.5.3",
    .lynis = "KRNL-5820",
    .refs = "CWE-528"};

void check_limits(const sw::scan::CoreDumps& cd, sw::scan::Outcome& out,
                  std::vector<std::string>& good) {
  const auto* star = cd.wildcard_hard_core();
  auto specific = cd.nonzero_specific_hard_core();
  std::string files = cd.limits_files.empty() ? std::string("no limits.conf files")
                                              : fmt::format("{}", fmt::join(cd.limits_files, ", "));
  if (!star) {
    out.fail(sw::scan::Issue{
        .subject = "/etc/security/limits.conf",
        .evidence = fmt::format("no \"* hard core 0\" line (read: {}): login sessions may raise "
                                "their core limit and write dumps",
                                files),
        .location = {"/etc/security/limits.conf", 0},
        .severity = sw::Severity::kLow});
  } else if (star->value != "0") {
    out.fail(sw::scan::Issue{
        .subject = star->file,
        .evidence = fmt::format("\"* {} core {}\" ({}:{}): the hard core limit is not 0",
                                star->type, star->value, star->file, star->line),
        .location = {star->file, star->line},
        .severity = sw::Severity::kLow});
  } else {
    good.push_back(fmt::format("hard core limit 0 for all users ({}:{})", star->file, star->line));
  }
  for (const auto* e : specific) {
    out.fail(sw::scan::Issue{
        .subject = e->file,
        .evidence = fmt::format("\"{} {} core {}\" ({}:{}) gives {} a non-zero hard core limit, "
                                "overriding '*'",
                                e->domain, e->type, e->value, e->file, e->line, e->domain),
        .location = {e->file, e->line},
        .severity = sw::Severity::kLow});
  }
}

void check_coredump(const sw::scan::CoreDumps& cd, sw::scan::Outcome& out,
                    std::vector<std::string>& good) {
  if (!cd.coredump_installed) {
    good.emplace_back("systemd-coredump is not installed");
    return;
  }
  auto describe = [&](const char* key, const char* dflt) {
    auto it = cd.coredump.find(key);
    if (it == cd.coredump.end()) return fmt::format("{}={} (default)", key, dflt);
    return fmt::format("{}={} ({}:{})", key, it->second.value, it->second.file, it->second.line);
  };
  auto value = [&](const char* key, const char* dflt) {
    auto it = cd.coredump.find(key);
    return it == cd.coredump.end() ? std::string(dflt) : it->second.value;
  };
  bool storage_ok = value("Storage", "external") == "none";
  std::string size = value("ProcessSizeMax", "2G");
  bool size_ok = size == "0" || size == "0B";
  std::string seen =
      fmt::format("{}, {}", describe("Storage", "external"), describe("ProcessSizeMax", "2G"));
  if (storage_ok && size_ok) {
    good.push_back("systemd-coredump keeps nothing: " + seen);
    return;
  }
  sw::Location loc{"/etc/systemd/coredump.conf", 0};
  for (const char* key : {"Storage", "ProcessSizeMax"}) {
    auto it = cd.coredump.find(key);
    if (it != cd.coredump.end()) loc = {it->second.file, it->second.line};
  }
  out.fail(sw::scan::Issue{
      .subject = "systemd-coredump",
      .evidence = fmt::format(
          "systemd-coredump is installed and collects the dumps of every crashing process, "
          "services included (pam_limits does not cover them): {}; want Storage=none and "
          "ProcessSizeMax=0",
          seen),
      .location = std::move(loc)});
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  if (!sw::scan::sysctl_for_check(ctx, out)) return;
  const auto& cd = ctx.fact<sw::scan::CoreDumps>();
  if (!cd) {
    out.error(cd.error().to_string());
    return;
  }
  std::vector<std::string> good;
  bool weak = sw::scan::evaluate_sysctl(ctx, out,
                                        {.key = "fs.suid_dumpable",
                                         .want = "0",
                                         .ok = sw::scan::sysctl_is_zero,
                                         .kernel_default = 0},
                                        good) == sw::scan::SysctlVerdict::kWeak;
  size_t before = out.issues().size();
  check_limits(*cd, out, good);
  check_coredump(*cd, out, good);
  if (!weak && out.issues().size() == before) out.pass(fmt::format("{}", fmt::join(good, "; ")));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
