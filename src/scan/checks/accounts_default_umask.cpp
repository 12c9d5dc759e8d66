// SPDX-License-Identifier: Apache-2.0
// host.accounts.default_umask: the umask given to login sessions is 027 or stricter.
// Sources, as they apply: pam_umask in the shared session stack with umask= wins; pam_umask
// without it, and login(1) itself, use UMASK from /etc/login.defs; with neither, the kernel's
// 022 stays. USERGROUPS_ENAB yes (login.defs, or pam_umask's usergroups option) makes the group
// bits equal to the owner bits for users whose primary group is their own (uid == gid and the
// same name), turning 022 into 002 for them.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/login_defs.h"
#include "scan/facts/pam.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.accounts.default_umask",
    .title = "Default umask is 027 or stricter",
    .family = "accounts",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "The umask decides who can read the files people create. With 022 every new file is "
        "readable by all local users; with 002 or 000 others can even change them. 027 keeps new "
        "files private to the owner and their group.",
    .fix =
        "Set 'UMASK 027' in /etc/login.defs and add 'session optional pam_umask.so umask=0027' "
        "to /etc/pam.d/common-session; check /etc/profile and /etc/bash.bashrc for a looser "
        "'umask' line.",
    .cis = "5.4.3.3",
    .lynis = "AUTH-9328",
    .refs = "CWE-276"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& defs = ctx.fact<sw::scan::LoginDefs>();
  const auto& pam = ctx.fact<sw::scan::Pam>();
  if (!defs) return out.error(defs.error().to_string());
  if (!pam) return out.error(pam.error().to_string());
  if (defs->error) return out.error(defs->error->to_string());

  long umask = 022;
  std::string where = "kernel default (no UMASK in login.defs, no pam_umask)";
  sw::Location loc;
  if (auto v = defs->number("UMASK")) {
    umask = *v;
    where = fmt::format("UMASK {} ({}:{})", defs->find("UMASK")->value, defs->path,
                        defs->find("UMASK")->line);
    loc = {defs->path, defs->find("UMASK")->line};
  } else if (defs->find("UMASK") != nullptr) {
    ctx.input_error(sw::Error(sw::Errc::kParse, "UMASK is not a number", defs->path,
                              defs->find("UMASK")->line));
  }
  bool usergroups = false;
  if (const auto* ug = defs->find("USERGROUPS_ENAB")) usergroups = ug->value == "yes";
  for (const auto& e : pam->session_stack()) {
    if (e.module != "pam_umask") continue;
    if (e.has_arg("usergroups")) usergroups = true;
    if (auto a = e.arg_value("umask")) {
      // pam_umask reads the value as octal (strtoul base 8).
      auto v = sw::scan::parse_c_long(a->starts_with("0") ? *a : "0" + *a);
      if (!v) continue;
      umask = *v;
      where = fmt::format("pam_umask umask={} ({})", *a, e.where());
      loc = {e.file, e.line};
    }
  }
  umask &= 0777;
  std::string ug_note =
      usergroups && (umask & 070) != ((umask >> 3) & 070)
          ? fmt::format(", and USERGROUPS_ENAB gives users with their own group {:03o}",
                        (umask & ~070) | ((umask >> 3) & 070))
          : "";
  if ((umask & 027) == 027) {
    return out.pass(fmt::format("umask {:03o}: {}{}", umask, where, ug_note));
  }
  sw::scan::Issue issue{.subject = "default umask",
                        .evidence = fmt::format("umask {:03o}: {}{}", umask, where, ug_note),
                        .location = loc};
  // 022 (others may read, nobody else may write) is common and low; anything letting the group
  // or others write is medium.
  issue.severity = (umask & 022) == 022 ? sw::Severity::kLow : sw::Severity::kMedium;
  out.fail(std::move(issue));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
