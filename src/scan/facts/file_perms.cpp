// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/file_perms.h"

#include <algorithm>

#include <fmt/format.h>

#include "scan/context.h"
#include "scan/facts/accounts.h"

namespace sw::scan {

std::string mode_text(uint32_t mode) { return fmt::format("{:04o}", mode & 07777); }

std::string user_text(const Accounts* accounts, uint32_t uid) {
  if (accounts) {
    for (const auto& a : accounts->accounts) {
      if (a.uid == uid) return a.name;
    }
  }
  return std::to_string(uid);
}

std::string group_text(const Accounts* accounts, uint32_t gid) {
  if (accounts) {
    for (const auto& g : accounts->groups) {
      if (g.gid == gid) return g.name;
    }
  }
  return std::to_string(gid);
}

std::optional<uint32_t> group_id(const Accounts* accounts, std::string_view name) {
  if (!accounts) return std::nullopt;
  if (const Group* g = accounts->find_group(name)) return g->gid;
  return std::nullopt;
}

std::string bits_words(uint32_t bits) {
  std::vector<std::string> parts;
  auto who = [&](uint32_t shift, std::string_view name) {
    std::vector<std::string_view> what;
    if (bits & (04u << shift)) what.push_back("read");
    if (bits & (02u << shift)) what.push_back("write");
    if (bits & (01u << shift)) what.push_back("execute");
    if (what.empty()) return;
    std::string s(name);
    s += " can ";
    for (size_t i = 0; i < what.size(); ++i) {
      if (i) s += i + 1 == what.size() ? " and " : ", ";
      s += what[i];
    }
    parts.push_back(std::move(s));
  };
  if (bits & 04000) parts.emplace_back("setuid");
  if (bits & 02000) parts.emplace_back("setgid");
  if (bits & 01000) parts.emplace_back("sticky");
  who(6, "owner");
  who(3, "group");
  who(0, "others");
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += ", ";
    out += p;
  }
  return out;
}

PermJudgement judge_perms(const FileStat& st, const PermPolicy& policy, const Accounts* accounts) {
  PermJudgement j;
  auto raise = [&](Severity s) { j.severity = std::max(j.severity, s); };
  if (!policy.uids.empty() &&
      std::find(policy.uids.begin(), policy.uids.end(), st.uid) == policy.uids.end()) {
    j.problems.push_back(fmt::format("owner is {} (expected {})", user_text(accounts, st.uid),
                                     policy.expected_owner));
    raise(policy.wrong_owner);
  }
  if (!policy.gids.empty() &&
      std::find(policy.gids.begin(), policy.gids.end(), st.gid) == policy.gids.end()) {
    j.problems.push_back(fmt::format("group is {} (expected {})", group_text(accounts, st.gid),
                                     policy.expected_group));
    raise(policy.wrong_group);
  }
  uint32_t extra = st.mode & ~policy.max_mode & 07777;
  if (extra != 0) {
    j.problems.push_back(fmt::format("mode {} is looser than {}: {}", mode_text(st.mode),
                                     mode_text(policy.max_mode), bits_words(extra)));
    if (extra & 0022) raise(policy.writable);
    if (extra & 0055) raise(policy.readable);
    if (extra & 07700) raise(policy.other);
  }
  return j;
}

Issue perm_issue(std::string_view path, const FileStat& st, const PermJudgement& judgement,
                 const Accounts* accounts) {
  std::string problems;
  for (const auto& p : judgement.problems) {
    if (!problems.empty()) problems += "; ";
    problems += p;
  }
  return Issue{.subject = std::string(path),
               .evidence = fmt::format("{} is {}:{} {}: {}", path, user_text(accounts, st.uid),
                                       group_text(accounts, st.gid), mode_text(st.mode), problems),
               .location = {std::string(path), 0},
               .severity = judgement.severity};
}

bool path_under(std::string_view path, std::string_view dir) {
  while (dir.size() > 1 && dir.back() == '/') dir.remove_suffix(1);
  if (dir == "/") return !path.empty() && path.front() == '/';
  return path == dir ||
         (path.size() > dir.size() && path.starts_with(dir) && path[dir.size()] == '/');
}

bool is_system_path(std::string_view path) {
  for (std::string_view dir :
       {"/etc", "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/boot", "/opt",
        "/var/lib", "/var/spool", "/root", "/srv"}) {
    if (path_under(path, dir)) return true;
  }
  return false;
}

const Account* home_owner(const Accounts* accounts, std::string_view path) {
  if (!accounts) return nullptr;
  const Account* best = nullptr;
  for (const auto& a : accounts->accounts) {
    if (a.home.size() < 2 || a.home == "/nonexistent" || !path_under(path, a.home)) continue;
    if (!best || a.home.size() > best->home.size()) best = &a;
  }
  return best;
}

const Accounts* accounts_or_null(ScanContext& ctx) {
  const auto& accounts = ctx.fact<Accounts>();
  if (!accounts || accounts->passwd_error) return nullptr;
  return &*accounts;
}

int judge_files(ScanContext& ctx, Outcome& out, std::initializer_list<std::string_view> paths,
                const PermPolicy& policy, const Accounts* accounts, bool first_required) {
  int checked = 0;
  bool first = true;
  for (std::string_view path : paths) {
    bool required = first && first_required;
    first = false;
    auto st = ctx.host().stat(path);
    if (!st) {
      if (st.error().code() != Errc::kNotFound || required) out.error(st.error().to_string());
      continue;
    }
    ++checked;
    auto j = judge_perms(*st, policy, accounts);
    if (!j.ok()) out.fail(perm_issue(path, *st, j, accounts));
  }
  return checked;
}

PermPolicy shadow_file_policy(const Accounts* accounts) {
  PermPolicy policy;
  policy.max_mode = 0640;
  policy.expected_group = "root or shadow";
  policy.readable = Severity::kHigh;  // a readable shadow file gives away the hashes
  policy.wrong_group = Severity::kHigh;
  if (auto gid = group_id(accounts, "shadow")) policy.gids.push_back(*gid);
  return policy;
}

}  // namespace sw::scan
