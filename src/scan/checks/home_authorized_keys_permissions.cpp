// SPDX-License-Identifier: Apache-2.0
// host.home.authorized_keys_permissions: the files sshd reads public keys from (AuthorizedKeysFile
// in the effective sshd configuration; by default ~/.ssh/authorized_keys and authorized_keys2)
// can be written only by their owner. sshd with StrictModes (the
// default) ignores such a file, but other setups may not, and the ability to write it is the
// ability to log in as its owner.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/homes.h"
#include "scan/facts/sshd_config.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.home.authorized_keys_permissions",
    .title = "authorized_keys is writable only by its owner",
    .family = "home",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kUser,
    .why =
        "authorized_keys lists the keys that may log in as you. Anyone who can write it can add "
        "their own key and log in as you, without knowing your password.",
    .fix =
        "Own the file and make it private: chown $USER ~/.ssh/authorized_keys; chmod 600 "
        "~/.ssh/authorized_keys; chmod 700 ~/.ssh. Then read it and remove any key you do not "
        "recognise.",
    .refs = "CWE-732"};

// sshd's default AuthorizedKeysFile.
const std::vector<std::string> kDefaultFiles = {".ssh/authorized_keys", ".ssh/authorized_keys2"};

// The files sshd reads for this user: AuthorizedKeysFile from the effective sshd configuration
// (global value; "none" means none), else the default. Tokens as in sshd_config(5) TOKENS:
// %% a '%', %h the home directory, %u the user name, %U the numeric user id. A relative path is
// relative to the home directory.
std::vector<std::string> authorized_keys_files(sw::scan::ScanContext& ctx) {
  const auto& sshd = ctx.fact<sw::scan::SshdConfig>();
  if (!sshd) return kDefaultFiles;
  const auto* setting = sshd->get("authorizedkeysfile");
  if (setting == nullptr || setting->args.empty()) return kDefaultFiles;
  if (setting->args.size() == 1 && setting->args[0] == "none") return {};
  return setting->args;
}

std::string expand_tokens(std::string_view pattern, const sw::scan::Home& home) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%' || i + 1 == pattern.size()) {
      out += pattern[i];
      continue;
    }
    char t = pattern[++i];
    if (t == '%') out += '%';
    if (t == 'h') out += home.path;
    if (t == 'u') out += home.account;
    if (t == 'U') out += std::to_string(home.uid);
  }
  return out;
}

// Stats the file behind one AuthorizedKeysFile entry for `home`.
sw::scan::HomeFile stat_keys_file(const sw::Host& host, const sw::scan::Home& home,
                                  std::string_view pattern) {
  std::string path = expand_tokens(pattern, home);
  if (path.empty() || path.front() != '/') return sw::scan::stat_home_file(host, home, path);
  std::string prefix = home.path + "/";
  if (path.rfind(prefix, 0) == 0) {
    return sw::scan::stat_home_file(host, home, path.substr(prefix.size()));
  }
  sw::scan::HomeFile f;  // a system-wide location such as /etc/ssh/authorized_keys/%u
  f.path = path;
  auto l = host.lstat(path);
  if (!l) {
    if (l.error().code() != sw::Errc::kNotFound) f.error = l.error();
    return f;
  }
  f.symlink = l->type == sw::FileType::kSymlink;
  auto st = f.symlink ? host.stat(path) : l;
  if (!st) return f;
  f.exists = true;
  f.st = *st;
  return f;
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* homes = sw::scan::homes_for_check(ctx, out);
  if (!homes) return;
  const std::vector<std::string> files = authorized_keys_files(ctx);
  int seen = 0;
  bool failed = false;
  for (const auto& home : homes->homes) {
    for (const auto& rel : files) {
      auto f = stat_keys_file(ctx.host(), home, rel);
      if (f.error) out.error(f.error->to_string());
      if (!f.exists) continue;
      ++seen;
      std::string why = sw::scan::foreign_writers(*homes, home, f.st);
      if (why.empty()) continue;
      failed = true;
      out.fail(sw::scan::Issue{
          .subject = f.path,
          .evidence = fmt::format("{}{}: {}", f.path, f.symlink ? " (a symlink)" : "", why),
          .location = {f.path, 0},
          .owner_name = home.account});
    }
  }
  if (seen == 0) {
    out.not_applicable(fmt::format("no ~/.ssh/authorized_keys file ({})", homes->summary()));
    return;
  }
  if (!failed) {
    out.pass(fmt::format("{} authorized_keys file(s), each writable only by its owner", seen));
  }
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
