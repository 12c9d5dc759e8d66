// SPDX-License-Identifier: Apache-2.0
// host.services.legacy_inetd: no inetd-style super-server (openbsd-inetd, inetutils-inetd,
// rlinetd, xinetd) starts services. Each enabled inetd.conf line or xinetd service (comments and
// "disable = yes" excluded, facts/inetd.h) of an installed super-server fails; an installed one
// with nothing enabled passes with a note.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/inetd.h"
#include "scan/facts/packages.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.services.legacy_inetd",
    .title = "No services started by inetd or xinetd",
    .family = "services",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Services started by inetd or xinetd are usually old plain-text protocols (telnet, ftp, "
        "echo, chargen) that are easy to forget because no daemon shows up until a connection "
        "arrives; each one is network attack surface.",
    .fix =
        "Comment out the service lines in /etc/inetd.conf (or `update-inetd --disable NAME`), set "
        "`disable = yes` in /etc/xinetd.d/NAME, and if nothing is left, remove the super-server: "
        "`apt purge openbsd-inetd inetutils-inetd xinetd`.",
    .cis = "2.1.19",
    .lynis = "INSE-8002",
    .refs = "CWE-1188"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* pk = sw::scan::packages_or_verdict(ctx, out);
  if (!pk) return;
  const auto& inetd = ctx.fact<sw::scan::Inetd>();
  if (!inetd) {
    out.error(inetd.error().to_string());
    return;
  }
  auto servers = pk->present_any({"openbsd-inetd", "inetutils-inetd", "rlinetd", "xinetd"});
  if (servers.empty()) {
    out.pass(inetd->services.empty()
                 ? "no inetd or xinetd is installed"
                 : "no inetd or xinetd is installed (leftover service lines in its configuration "
                   "are not started)");
    return;
  }
  std::vector<std::string> names;
  for (const auto* p : servers) names.push_back(p->name);
  for (const auto& s : inetd->services) {
    out.fail(sw::scan::Issue{
        .subject = fmt::format("{} service {}", s.path, s.name),
        .evidence = fmt::format("{} starts {} ({}:{}, server {})", fmt::join(names, "/"), s.name,
                                s.path, s.line, s.server),
        .location = {s.path, s.line},
        .package = names.front()});
  }
  if (inetd->services.empty()) {
    out.pass(fmt::format("{} is installed but starts no service", fmt::join(names, ", ")));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
