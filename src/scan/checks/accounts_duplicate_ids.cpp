// SPDX-License-Identifier: Apache-2.0
// host.accounts.duplicate_ids: user names, UIDs, group names and GIDs are each unique.
#include <map>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.accounts.duplicate_ids",
    .title = "User and group names and IDs are unique",
    .family = "accounts",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Two accounts with one UID are the same user to the kernel: each owns the other's files "
        "and logs cannot tell them apart. Duplicate names or GIDs make permissions and audits "
        "ambiguous in the same way.",
    .fix =
        "Give each account and group its own ID and name (usermod -u, groupmod -g, or userdel/"
        "groupdel for leftovers), then fix file ownership with find / -uid OLD -exec chown ...",
    .cis = "7.2.5",
    .lynis = "AUTH-9208",
    .refs = "CWE-286"};

template <class Key>
void report(sw::scan::Outcome& out,
            const std::map<Key, std::vector<std::pair<std::string, int>>>& m, std::string_view what,
            std::string_view file) {
  for (const auto& [key, users] : m) {
    if (users.size() < 2) continue;
    std::string list;
    for (const auto& [name, line] : users) {
      list += fmt::format("{}{} ({}:{})", list.empty() ? "" : ", ", name, file, line);
    }
    out.fail(sw::scan::Issue{
        .subject = fmt::format("{} {}", what, key),
        .evidence = fmt::format("{} {} is used {} times: {}", what, key, users.size(), list),
        .location = {std::string(file), users[1].second}});
  }
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& acc = ctx.fact<sw::scan::Accounts>();
  if (!acc) return out.error(acc.error().to_string());
  if (acc->passwd_error) return out.error(acc->passwd_error->to_string());
  std::map<uint32_t, std::vector<std::pair<std::string, int>>> uids, gids;
  std::map<std::string, std::vector<std::pair<std::string, int>>> unames, gnames;
  for (const auto& a : acc->accounts) {
    uids[a.uid].emplace_back(a.name, a.passwd_line);
    unames[a.name].emplace_back(a.name, a.passwd_line);
  }
  for (const auto& g : acc->groups) {
    gids[g.gid].emplace_back(g.name, g.line);
    gnames[g.name].emplace_back(g.name, g.line);
  }
  report(out, uids, "UID", "/etc/passwd");
  report(out, unames, "user name", "/etc/passwd");
  report(out, gids, "GID", "/etc/group");
  report(out, gnames, "group name", "/etc/group");
  if (acc->group_error) {
    return out.error(fmt::format("groups not checked: {}", acc->group_error->to_string()));
  }
  out.pass(fmt::format("{} accounts and {} groups, all unique", acc->accounts.size(),
                       acc->groups.size()));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
