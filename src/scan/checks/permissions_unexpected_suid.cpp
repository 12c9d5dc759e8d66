// SPDX-License-Identifier: Apache-2.0
// host.permissions.unexpected_suid: every setuid or setgid regular file on the walked filesystems
// is one a Debian package installed, with the mode it was installed with.
//
// A setid file fails when it
//  - lies in a place users can write or own (/home, a human's home, /tmp, /var/tmp, /dev/shm);
//  - has a dpkg-statoverride entry whose mode or owner differs from the file's;
//  - is owned by no package (dpkg .list files, diversions followed);
//  - is a shell, interpreter, editor or file tool that Debian never installs setid (a package
//    owns /usr/bin/find, but not with the setuid bit: someone added it).
// Package-owned ones pass; their number is given in the pass detail. dpkg does not record file
// modes, so a setid bit added to another package file cannot be told from one shipped that way.
#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"
#include "scan/facts/file_index.h"
#include "scan/facts/file_perms.h"
#include "scan/facts/package_files.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.permissions.unexpected_suid",
    .title = "Setuid and setgid programs are the ones packages installed",
    .family = "permissions",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kAdmin,
    .why =
        "A setuid or setgid program runs with its owner's or group's rights whoever starts it. One "
        "that no package installed, or a shell or interpreter given the bit, is a classic backdoor "
        "or a one-step way to root.",
    .fix =
        "Find where the file came from (dpkg -S FILE, its timestamps). If it is not needed, remove "
        "the bit: chmod u-s,g-s FILE, or delete the file. To keep a deliberate mode on a package "
        "file, register it: dpkg-statoverride --add USER GROUP MODE FILE.",
    .cis = "7.1.13",
    .refs = "CWE-250 MITRE-T1548.001"};

std::string_view base_name(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Programs that give a shell or arbitrary file access when setid (GTFOBins); Debian ships none
// of them setuid or setgid.
bool never_setid(std::string_view name) {
  static constexpr std::string_view kExact[] = {
      "sh",   "bash",   "dash", "zsh",    "ksh",   "mksh", "csh",   "tcsh",  "fish",  "busybox",
      "find", "vi",     "vim",  "nano",   "ed",    "less", "more",  "cp",    "mv",    "dd",
      "tar",  "env",    "awk",  "gawk",   "mawk",  "nawk", "tee",   "chmod", "chown", "nmap",
      "gdb",  "strace", "node", "nodejs", "rsync", "zip",  "unzip", "sed",   "socat", "nc"};
  static constexpr std::string_view kPrefix[] = {"python", "perl",  "ruby", "php",
                                                 "lua",    "tclsh", "vim."};
  for (auto e : kExact) {
    if (name == e) return true;
  }
  for (auto p : kPrefix) {
    if (name.starts_with(p)) return true;
  }
  return false;
}

bool user_writable_place(const sw::scan::Accounts* accounts, std::string_view path) {
  for (std::string_view dir : {"/home", "/tmp", "/var/tmp", "/dev/shm"}) {
    if (sw::scan::path_under(path, dir)) return true;
  }
  const auto* owner = sw::scan::home_owner(accounts, path);
  return owner && accounts->is_human(*owner);
}

bool owner_matches(const std::string& want, uint32_t have, const std::string& have_name) {
  if (want.starts_with('#')) return want.substr(1) == std::to_string(have);
  return want == have_name;
}

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto* idx = sw::scan::file_index_or_verdict(ctx, out);
  if (idx == nullptr) return;
  const auto& pkgs = ctx.fact<sw::scan::PackageFiles>();
  if (!pkgs) {
    out.error(pkgs.error().to_string());
    return;
  }
  const auto* accounts = sw::scan::accounts_or_null(ctx);
  size_t packaged = 0, overridden = 0, listed = 0, failed = 0;
  std::vector<std::string> unjudged;
  for (const auto& f : idx->setid) {
    std::string kind = (f.mode & 04000) && (f.mode & 02000) ? "setuid and setgid"
                       : (f.mode & 04000)                   ? "setuid"
                                                            : "setgid";
    std::string seen =
        fmt::format("{} is {} {}:{} {}", f.path, kind, sw::scan::user_text(accounts, f.uid),
                    sw::scan::group_text(accounts, f.gid), sw::scan::mode_text(f.mode));
    std::string problem;
    const std::string* package = pkgs->package_of(f.path);
    if (user_writable_place(accounts, f.path)) {
      problem = "in a place users can write or own";
    } else if (const auto* ov = pkgs->override_of(f.path)) {
      std::string user = sw::scan::user_text(accounts, f.uid);
      std::string group = sw::scan::group_text(accounts, f.gid);
      if (ov->mode != f.mode || !owner_matches(ov->user, f.uid, user) ||
          !owner_matches(ov->group, f.gid, group)) {
        problem = fmt::format(
            "differs from its dpkg-statoverride entry {} {} {:o} "
            "(/var/lib/dpkg/statoverride line {})",
            ov->user, ov->group, ov->mode, ov->line);
      } else {
        ++overridden;
        continue;
      }
    } else if (package && never_setid(base_name(f.path))) {
      problem = fmt::format("package {} never installs it {}", *package, kind);
    } else if (package) {
      ++packaged;
      continue;
    } else if (!pkgs->have_dpkg) {
      unjudged.push_back(f.path);
      continue;
    } else {
      problem = "not installed by any Debian package";
    }
    ++failed;
    if (listed == sw::scan::kMaxListed) continue;
    ++listed;
    out.fail(sw::scan::Issue{.subject = f.path,
                             .evidence = fmt::format("{}: {}", seen, problem),
                             .location = {f.path, 0},
                             .package = package ? *package : std::string()});
  }
  if (failed > listed) {
    out.fail(sw::scan::Issue{
        .subject = "more unexpected setuid/setgid files",
        .evidence = fmt::format("{} more not listed ({} in all)", failed - listed, failed)});
  }
  if (!unjudged.empty()) {
    std::string list;
    for (size_t i = 0; i < unjudged.size() && i < 10; ++i) {
      list += (i ? ", " : "") + unjudged[i];
    }
    out.error(fmt::format(
        "no dpkg database (/var/lib/dpkg/info): {} setuid/setgid file{} could not be matched to "
        "a package ({}{})",
        unjudged.size(), unjudged.size() == 1 ? "" : "s", list,
        unjudged.size() > 10 ? ", ..." : ""));
  }
  if (idx->setid_total > idx->setid.size()) {
    out.error(fmt::format("only the first {} of {} setuid/setgid files were examined",
                          idx->setid.size(), idx->setid_total));
  }
  if (idx->unreadable_dirs > 0) out.error(idx->unreadable_note());
  out.pass(
      fmt::format("{} setuid/setgid file{} installed by Debian packages, {} with a matching "
                  "dpkg-statoverride entry",
                  packaged, packaged == 1 ? "" : "s", overridden));
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
