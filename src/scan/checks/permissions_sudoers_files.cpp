// SPDX-License-Identifier: Apache-2.0
// host.permissions.sudoers_files: /etc/sudoers and every file in /etc/sudoers.d are owned by root,
// group root, mode 0440 or stricter, and /etc/sudoers.d itself is root's and not writable by
// others. sudo(8) itself refuses a sudoers file that is not owned by UID 0 or is writable by
// others (sudoers(5), "sudoers_uid", "sudoers_mode"), which locks everyone out of sudo; a
// readable policy tells an attacker which account to aim for. Every regular file in
// /etc/sudoers.d is judged, including those @includedir skips (names with '.' or ending in '~'),
// since an edit can make them live.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/file_perms.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.permissions.sudoers_files",
    .title = "sudoers files are root's and read-only",
    .family = "permissions",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "The sudoers files say who may run what as root. Anyone who can write them can grant "
        "themselves root; a policy readable by all shows which account to attack.",
    .fix =
        "chown root:root /etc/sudoers /etc/sudoers.d/* && chmod 0440 /etc/sudoers "
        "/etc/sudoers.d/*; chown root:root /etc/sudoers.d && chmod 0755 /etc/sudoers.d. Edit "
        "them with visudo.",
    .lynis = "AUTH-9252",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& host = ctx.host();
  if (!host.exists("/etc/sudoers") && !host.exists("/usr/bin/sudo") &&
      !host.exists("/etc/sudoers.d")) {
    out.not_applicable("sudo is not installed (no /etc/sudoers nor /usr/bin/sudo)");
    return;
  }
  const auto* accounts = sw::scan::accounts_or_null(ctx);
  sw::scan::PermPolicy file_policy;
  file_policy.max_mode = 0440;
  file_policy.readable = sw::Severity::kMedium;
  file_policy.other = sw::Severity::kLow;  // owner write (0640): sudo accepts it, visudo resets it
  int checked = 0;
  auto judge = [&](const std::string& path, const sw::scan::PermPolicy& policy) {
    auto st = host.stat(path);
    if (!st) {
      if (st.error().code() == sw::Errc::kNotFound) {
        if (path == "/etc/sudoers")
          out.error("/etc/sudoers: sudo is installed but the file is missing");
      } else {
        out.error(st.error().to_string());
      }
      return;
    }
    ++checked;
    auto j = sw::scan::judge_perms(*st, policy, accounts);
    if (!j.ok()) out.fail(sw::scan::perm_issue(path, *st, j, accounts));
  };
  judge("/etc/sudoers", file_policy);
  if (auto st = host.stat("/etc/sudoers.d"); st && st->type == sw::FileType::kDirectory) {
    sw::scan::PermPolicy dir_policy;
    dir_policy.max_mode = 0755;
    dir_policy.wrong_group = sw::Severity::kMedium;
    judge("/etc/sudoers.d", dir_policy);
    auto entries = host.list_dir("/etc/sudoers.d");
    if (!entries) {
      out.error(entries.error().to_string());
    } else {
      for (const auto& e : *entries) {
        std::string path = "/etc/sudoers.d/" + e.name;
        auto est = host.stat(path);
        if (!est || est->type != sw::FileType::kRegular) continue;
        judge(path, file_policy);
      }
    }
  }
  if (checked > 0) {
    out.pass(
        fmt::format("{} sudoers file{} and directories owned by root, not writable by "
                    "group or others, files 0440 or stricter",
                    checked, checked == 1 ? "" : "s"));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
