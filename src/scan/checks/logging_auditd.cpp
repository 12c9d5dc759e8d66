// SPDX-License-Identifier: Apache-2.0
// host.logging.auditd: the Linux audit daemon is installed (package auditd or its unit), enabled
// (not masked), running when live, and has rules: "-w" watches or "-a"/"-A" syscall rules in
// /etc/audit/rules.d/*.rules (what augenrules loads) or the generated /etc/audit/audit.rules.
// Control lines (-D, -b, -f, -e, --backlog_wait_time) are not rules. In a container: not
// applicable (the kernel's audit subsystem belongs to the host).
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/environment.h"
#include "scan/facts/packages.h"
#include "scan/facts/systemd_units.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.logging.auditd",
    .title = "auditd is enabled with audit rules",
    .family = "logging",
    .severity = sw::Severity::kLow,
    .role = sw::Role::kAdmin,
    .why =
        "The audit daemon records who changed accounts, sudo rules, time or key files, in a log "
        "an intruder cannot quietly edit. Without it an investigation has little to go on.",
    .fix =
        "`apt install auditd audispd-plugins && systemctl enable --now auditd`, put rules in "
        "/etc/audit/rules.d/ (e.g. `-w /etc/sudoers -p wa -k scope`, "
        "`-w /etc/passwd -p wa -k identity`) and load them with `augenrules --load`.",
    .cis = "6.2.1.1",
    .lynis = "ACCT-9628",
    .refs = "CWE-778"};

int count_rules(std::string_view text) {
  int n = 0;
  for (auto raw : sw::split_lines(text)) {
    auto l = sw::trim(raw);
    if (l.starts_with("-w ") || l.starts_with("-a ") || l.starts_with("-A ")) ++n;
  }
  return n;
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& env = ctx.fact<sw::scan::Environment>();
  if (env && env->in_container()) {
    out.not_applicable(fmt::format(
        "inside a container ({}): kernel auditing is configured on the host", env->container));
    return;
  }
  const auto& pk = ctx.fact<sw::scan::Packages>();
  const auto& units = ctx.fact<sw::scan::SystemdUnits>();
  if (!units) {
    out.error(units.error().to_string());
    return;
  }
  auto st = units->unit("auditd.service", "auditd");
  bool pkg = pk && pk->available && pk->present("auditd");
  if (!pkg && !st.installed) {
    if (pk && !pk->available && !st.installed) {
      out.fail(sw::scan::Issue{.subject = "auditd",
                               .evidence = "no auditd unit or init script is installed (" +
                                           pk->unavailable_reason + ")"});
      return;
    }
    out.fail(sw::scan::Issue{
        .subject = "auditd", .evidence = "auditd is not installed", .package = "auditd"});
    return;
  }
  if (st.masked || !st.enabled) {
    out.fail(sw::scan::Issue{
        .subject = "auditd.service",
        .evidence = st.masked ? "auditd.service is masked" : "auditd.service is not enabled",
        .location = {st.path, 0},
        .package = "auditd"});
    return;
  }
  if (st.active == false) {
    out.fail(sw::scan::Issue{.subject = "auditd.service",
                             .evidence = "auditd.service is enabled but not running",
                             .location = {st.path, 0},
                             .package = "auditd"});
  }
  int rules = 0;
  std::vector<std::string> files = ctx.host().list_files("/etc/audit/rules.d", ".rules");
  files.emplace_back("/etc/audit/audit.rules");
  for (const auto& f : files) {
    auto text = ctx.host().read_file(f, 4 << 20);
    if (!text) {
      if (text.error().code() != sw::Errc::kNotFound) out.error(text.error().to_string());
      continue;
    }
    rules += count_rules(*text);
  }
  if (rules == 0) {
    out.fail(sw::scan::Issue{
        .subject = "/etc/audit/rules.d",
        .evidence =
            "auditd is enabled but no audit rule (-w or -a) is in /etc/audit/rules.d/*.rules "
            "or /etc/audit/audit.rules",
        .location = {"/etc/audit/rules.d", 0},
        .package = "auditd"});
    return;
  }
  out.pass(fmt::format("auditd is enabled ({}) with {} audit rules", st.enabled_by, rules));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
