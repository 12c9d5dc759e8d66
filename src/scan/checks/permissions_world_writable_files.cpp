// SPDX-License-Identifier: Apache-2.0
// host.permissions.world_writable_files: no regular file anywhere on the walked filesystems is
// writable by others. /proc and /sys are never walked (their modes are the kernel's), nor are
// pseudo or network filesystems. Symlinks (always 0777) and sockets/FIFOs are not files here.
// From the single filesystem walk (FileIndex).
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"
#include "scan/facts/file_index.h"
#include "scan/facts/file_perms.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.permissions.world_writable_files",
    .title = "No file is writable by every user",
    .family = "permissions",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "A file every account can write can be changed by any local user or compromised service: "
        "a script, configuration or data file edited this way runs or is trusted as its owner.",
    .fix =
        "Remove the others-write bit: chmod o-w FILE. Find them all with "
        "find / -xdev -type f -perm -0002. If several users must share a file, use a group.",
    .cis = "7.1.11",
    .refs = "CWE-732"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* idx = sw::scan::file_index_or_verdict(ctx, out);
  if (idx == nullptr) return;
  const auto* accounts = sw::scan::accounts_or_null(ctx);
  size_t listed = 0;
  for (const auto& f : idx->world_writable_files) {
    if (listed == sw::scan::kMaxListed) break;
    ++listed;
    sw::scan::Issue issue{
        .subject = f.path,
        .evidence = fmt::format("{} is {}:{} {} (others can write)", f.path,
                                sw::scan::user_text(accounts, f.uid),
                                sw::scan::group_text(accounts, f.gid), sw::scan::mode_text(f.mode)),
        .location = {f.path, 0}};
    if (sw::scan::is_system_path(f.path)) issue.severity = sw::Severity::kHigh;
    if (const auto* owner = sw::scan::home_owner(accounts, f.path);
        owner && accounts->is_human(*owner)) {
      issue.role = sw::Role::kUser;
      issue.owner_name = owner->name;
    }
    out.fail(std::move(issue));
  }
  if (idx->world_writable_files_total > listed) {
    out.fail(sw::scan::Issue{
        .subject = "more world-writable files",
        .evidence = fmt::format("{} more world-writable files not listed ({} in all)",
                                idx->world_writable_files_total - listed,
                                idx->world_writable_files_total)});
  }
  if (idx->unreadable_dirs > 0) out.error(idx->unreadable_note());
  out.pass(fmt::format("no world-writable file among {} files in {} directories", idx->files,
                       idx->dirs));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
