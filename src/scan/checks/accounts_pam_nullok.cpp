// SPDX-License-Identifier: Apache-2.0
// host.accounts.pam_nullok: pam_unix does not accept empty passwords in any auth stack. Every PAM
// file is read (not just common-auth), since a service may call pam_unix itself. With an
// account whose password is empty, nullok means a login with no password at all.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"
#include "scan/facts/pam.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.accounts.pam_nullok",
    .title = "PAM refuses empty passwords",
    .family = "accounts",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "With 'nullok', pam_unix lets an account whose password field is empty log in without "
        "typing anything; one account created or edited carelessly then becomes an open door.",
    .fix =
        "Remove 'nullok' from the pam_unix.so auth lines (on Debian: edit /etc/pam.d/"
        "common-auth, or run pam-auth-update after removing it from "
        "/usr/share/pam-configs/unix), and lock accounts without a password (passwd -l NAME).",
    .cis = "5.3.3.4.1",
    .refs = "CWE-258"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& pam = ctx.fact<sw::scan::Pam>();
  if (!pam) return out.error(pam.error().to_string());
  if (!pam->present) return out.not_applicable("/etc/pam.d does not exist (PAM not installed)");
  std::vector<std::string> empty;
  if (const auto& acc = ctx.fact<sw::scan::Accounts>(); acc) {
    for (const auto& a : acc->accounts) {
      if (a.state == sw::scan::PasswordState::kEmpty) empty.push_back(a.name);
    }
  }
  std::string empty_list;
  for (const auto& n : empty) empty_list += (empty_list.empty() ? "" : ", ") + n;
  int modules = 0;
  for (const auto& [path, file] : pam->files) {
    for (const auto& e : file.entries) {
      if (e.kind != sw::scan::PamEntry::Kind::kModule || e.type != "auth" ||
          e.module != "pam_unix") {
        continue;
      }
      ++modules;
      std::string opt = e.has_arg("nullok")          ? "nullok"
                        : e.has_arg("nullok_secure") ? "nullok_secure"
                                                     : "";
      if (opt.empty()) continue;
      sw::scan::Issue issue{
          .subject = e.where(),
          .evidence = empty.empty()
                          ? fmt::format("auth pam_unix.so with {} ({}); no account has an "
                                        "empty password today",
                                        opt, e.where())
                          : fmt::format("auth pam_unix.so with {} ({}) and accounts with an "
                                        "empty password: {}",
                                        opt, e.where(), empty_list),
          .location = {e.file, e.line}};
      if (!empty.empty()) issue.severity = sw::Severity::kCritical;
      out.fail(std::move(issue));
    }
  }
  if (modules == 0) return out.not_applicable("no PAM auth stack uses pam_unix");
  out.pass(fmt::format("{} pam_unix auth lines, none with nullok", modules));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
