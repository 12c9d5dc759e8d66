// SPDX-License-Identifier: Apache-2.0
// host.permissions.world_writable_dirs_sticky: every directory writable by others has the sticky
// bit (like /tmp, 1777), so users can add files but not delete or rename other users' files.
// From the single filesystem walk (FileIndex).
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"
#include "scan/facts/file_index.h"
#include "scan/facts/file_perms.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.permissions.world_writable_dirs_sticky",
    .title = "World-writable directories have the sticky bit",
    .family = "permissions",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "In a directory everyone can write without the sticky bit, any user can delete or replace "
        "another user's files, for example swap a script or socket for their own.",
    .fix =
        "Set the sticky bit (chmod +t DIR), or remove others-write (chmod o-w DIR) when the "
        "directory need not be shared. Find them with "
        "find / -xdev -type d -perm -0002 ! -perm -1000.",
    .cis = "7.1.11",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* idx = sw::scan::file_index_or_verdict(ctx, out);
  if (idx == nullptr) return;
  const auto* accounts = sw::scan::accounts_or_null(ctx);
  size_t listed = 0, total = 0, sticky = 0;
  for (const auto& d : idx->world_writable_dirs) {
    if (d.mode & 01000) {
      ++sticky;
      continue;
    }
    ++total;
    if (listed == sw::scan::kMaxListed) continue;
    ++listed;
    sw::scan::Issue issue{
        .subject = d.path,
        .evidence = fmt::format("{} is {}:{} {} (others can write, no sticky bit)", d.path,
                                sw::scan::user_text(accounts, d.uid),
                                sw::scan::group_text(accounts, d.gid), sw::scan::mode_text(d.mode)),
        .location = {d.path, 0}};
    if (sw::scan::is_system_path(d.path)) issue.severity = sw::Severity::kHigh;
    if (const auto* owner = sw::scan::home_owner(accounts, d.path);
        owner && accounts->is_human(*owner)) {
      issue.role = sw::Role::kUser;
      issue.owner_name = owner->name;
    }
    out.fail(std::move(issue));
  }
  if (total > listed) {
    out.fail(sw::scan::Issue{
        .subject = "more world-writable directories without sticky bit",
        .evidence = fmt::format("{} more not listed ({} in all)", total - listed, total)});
  }
  if (idx->world_writable_dirs_total > idx->world_writable_dirs.size()) {
    out.error(fmt::format("only the first {} of {} world-writable directories were examined",
                          idx->world_writable_dirs.size(), idx->world_writable_dirs_total));
  }
  if (idx->unreadable_dirs > 0) out.error(idx->unreadable_note());
  out.pass(
      fmt::format("{} world-writable director{} all have the sticky bit ({} directories "
                  "walked)",
                  sticky, sticky == 1 ? "y" : "ies", idx->dirs));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
