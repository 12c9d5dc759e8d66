// SPDX-License-Identifier: Apache-2.0
// host.ssh.config_permissions: every sshd configuration file sshd reads (the main file and each
// included file) is owned by root and not writable by group or others; CIS 5.1.1 also wants them
// unreadable by others (0600): a readable file is reported at low severity. The directories that
// hold them (/etc/ssh and the directories Include patterns look in) must be root-owned and not
// group- or world-writable either, or anyone could add a drop-in.
#include <algorithm>

#include <fmt/format.h>

#include "core/host.h"
#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/sshd_config.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.ssh.config_permissions",
    .title = "SSH server configuration is root-only",
    .family = "ssh",
    .severity = sw::Severity::kMedium,
    .role = sw::Role::kAdmin,
    .why =
        "Anyone who can change sshd's configuration can let themselves in as root at the next "
        "reload; the file also reveals which logins and methods the server allows.",
    .fix =
        "Run `chown root:root /etc/ssh/sshd_config /etc/ssh/sshd_config.d/*.conf; chmod 600 "
        "/etc/ssh/sshd_config /etc/ssh/sshd_config.d/*.conf; chmod go-w /etc/ssh "
        "/etc/ssh/sshd_config.d`.",
    .cis = "5.1.1",
    .lynis = "SSH-7408",
    .refs = "CWE-732"};

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

// The directory part of an Include pattern, when it holds no wildcard ("/etc/ssh/sshd_config.d").
std::string pattern_dir(std::string_view pattern) {
  auto slash = pattern.rfind('/');
  if (slash == std::string_view::npos || slash == 0) return {};
  std::string_view dir = pattern.substr(0, slash);
  if (dir.find_first_of("*?[") != std::string_view::npos) return {};
  return std::string(dir);
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const sw::scan::SshdConfig* cfg = sw::scan::sshd_config_for_check(ctx, out);
  if (cfg == nullptr) return;
  const sw::Host& host = ctx.host();
  bool weak = false;
  int judged = 0;
  for (const auto& file : cfg->files) {
    auto st = host.stat(file);
    if (!st) {
      out.error(st.error().to_string());
      continue;
    }
    ++judged;
    std::vector<std::string> problems;
    sw::Severity severity = sw::Severity::kLow;
    if (st->uid != 0) {
      problems.push_back(fmt::format("owned by uid {}, not root", st->uid));
      severity = sw::Severity::kHigh;
    }
    if ((st->mode & 0022) != 0) {
      problems.push_back("writable by group or others");
      severity = sw::Severity::kHigh;
    }
    if ((st->mode & 0044) != 0) problems.push_back("readable by group or others (CIS wants 0600)");
    if (problems.empty()) continue;
    weak = true;
    out.fail(sw::scan::Issue{.subject = file,
                             .evidence = fmt::format("sshd configuration mode {:04o} uid {} gid "
                                                     "{}: {}",
                                                     st->mode, st->uid, st->gid, join(problems)),
                             .location = {file, 0},
                             .severity = severity});
  }
  std::vector<std::string> dirs{"/etc/ssh"};
  for (const auto& p : cfg->include_patterns) {
    std::string d = pattern_dir(p);
    if (!d.empty() && std::find(dirs.begin(), dirs.end(), d) == dirs.end()) dirs.push_back(d);
  }
  for (const auto& dir : dirs) {
    auto st = host.stat(dir);
    if (!st || st->type != sw::FileType::kDirectory) continue;
    std::vector<std::string> problems;
    if (st->uid != 0) problems.push_back(fmt::format("owned by uid {}, not root", st->uid));
    if ((st->mode & 0022) != 0) problems.push_back("writable by group or others");
    if (problems.empty()) continue;
    weak = true;
    out.fail(sw::scan::Issue{
        .subject = dir,
        .evidence = fmt::format("directory of sshd configuration mode {:04o} uid {} gid {}: {}",
                                st->mode, st->uid, st->gid, join(problems)),
        .location = {dir, 0},
        .severity = sw::Severity::kHigh});
  }
  if (!weak && judged > 0) {
    out.pass(
        fmt::format("{} sshd configuration file(s) root-owned, mode 0600 or stricter", judged));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
