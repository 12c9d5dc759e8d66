// SPDX-License-Identifier: Apache-2.0
// host.permissions.unowned_files: every file and directory has an owner with a passwd entry and a
// group with a group entry (as find -nouser / -nogroup, but from the one walk, FileIndex). The
// names are looked up in the scanned root's own /etc/passwd and /etc/group, not through NSS:
// accounts that exist only in LDAP or SSSD therefore show up here.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"
#include "scan/facts/file_index.h"
#include "scan/facts/file_perms.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.permissions.unowned_files",
    .title = "Every file has a known owner and group",
    .family = "permissions",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "A file whose user or group ID has no account is left over from a deleted user or an "
        "unpacked archive. The next account created with that ID silently becomes its owner.",
    .fix =
        "Give each file a real owner (chown OWNER:GROUP FILE) or remove it. List them with "
        "find / -xdev \\( -nouser -o -nogroup \\). If the IDs come from a directory service "
        "(LDAP, SSSD), this finding can be ignored for those IDs.",
    .cis = "7.1.12",
    .refs = "CWE-283"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* idx = sw::scan::file_index_or_verdict(ctx, out);
  if (idx == nullptr) return;
  if (!idx->owners_known) {
    out.error("/etc/passwd or /etc/group could not be read: owners cannot be judged");
    return;
  }
  const auto& accounts = ctx.fact<sw::scan::Accounts>();
  auto has_uid = [&](uint32_t uid) {
    for (const auto& a : accounts->accounts) {
      if (a.uid == uid) return true;
    }
    return false;
  };
  auto has_gid = [&](uint32_t gid) {
    for (const auto& g : accounts->groups) {
      if (g.gid == gid) return true;
    }
    return false;
  };
  size_t listed = 0;
  for (const auto& f : idx->unowned) {
    if (listed == sw::scan::kMaxListed) break;
    ++listed;
    std::string what;
    if (!has_uid(f.uid)) what = fmt::format("user ID {} has no passwd entry", f.uid);
    if (!has_gid(f.gid)) {
      if (!what.empty()) what += ", ";
      what += fmt::format("group ID {} has no group entry", f.gid);
    }
    out.fail(sw::scan::Issue{.subject = f.path,
                             .evidence = fmt::format("{}: {}", f.path, what),
                             .location = {f.path, 0}});
  }
  if (idx->unowned_total > listed) {
    out.fail(
        sw::scan::Issue{.subject = "more files without a known owner or group",
                        .evidence = fmt::format("{} more not listed ({} in all)",
                                                idx->unowned_total - listed, idx->unowned_total)});
  }
  if (idx->unreadable_dirs > 0) out.error(idx->unreadable_note());
  out.pass(fmt::format("all {} files and {} directories have a known owner and group", idx->files,
                       idx->dirs));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
