// SPDX-License-Identifier: Apache-2.0
// host.accounts.su_restricted: su is limited to one group by pam_wheel in /etc/pam.d/su.
// pam_wheel restricts only as a required/requisite (or bracketed) auth module without "deny";
// "sufficient pam_wheel.so trust" instead lets the group in without a password. Its group is
// group= or, by default, "wheel" (GID 0 when there is no wheel group).
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"
#include "scan/facts/pam.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.accounts.su_restricted",
    .title = "Only one group may use su",
    .family = "accounts",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "By default any user who learns the root password can become root with su, which logs "
        "far less than sudo. Limiting su to an explicit, small group closes that path.",
    .fix =
        "Create a group for su (groupadd sugroup; keep it empty or add admins) and add "
        "'auth required pam_wheel.so use_uid group=sugroup' near the top of /etc/pam.d/su.",
    .cis = "5.2.7",
    .refs = "CWE-250"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& pam = ctx.fact<sw::scan::Pam>();
  if (!pam) return out.error(pam.error().to_string());
  if (!pam->has_service("su")) return out.not_applicable("no PAM configuration for su");
  std::string path = pam->resolve("su");
  const auto& acc = ctx.fact<sw::scan::Accounts>();
  for (const auto& e : pam->stack("su", "auth")) {
    if (e.module != "pam_wheel") continue;
    bool restricts =
        (e.control == "required" || e.control == "requisite" || e.control.starts_with("[")) &&
        !e.has_arg("deny") && !e.has_arg("trust");
    if (!restricts) continue;
    std::string group = e.arg_value("group").value_or("wheel");
    if (acc && !acc->group_error) {
      const auto* g = acc->find_group(group);
      if (g == nullptr && e.arg_value("group")) {
        return out.fail(sw::scan::Issue{
            .subject = path,
            .evidence = fmt::format("pam_wheel ({}) names group {}, which does not exist",
                                    e.where(), group),
            .location = {e.file, e.line},
            .severity = sw::Severity::kLow});
      }
      if (g != nullptr) {
        std::string members;
        for (const auto& m : g->members) members += (members.empty() ? "" : ", ") + m;
        return out.pass(fmt::format("pam_wheel ({}) limits su to group {} (members: {})", e.where(),
                                    group, members.empty() ? "none" : members));
      }
    }
    return out.pass(fmt::format("pam_wheel ({}) limits su to group {}", e.where(), group));
  }
  out.fail(sw::scan::Issue{
      .subject = path,
      .evidence =
          fmt::format("no restricting pam_wheel auth line in {} (any user may try su)", path),
      .location = {path, 0}});
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
