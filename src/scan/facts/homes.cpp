// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/homes.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/accounts.h"

namespace sw::scan {
namespace {

std::optional<uint32_t> personal_group(const Accounts& accounts, const Account& owner) {
  for (const auto& g : accounts.groups) {
    if (g.gid != owner.gid) continue;
    for (const auto& m : g.members) {
      if (m != owner.name) return std::nullopt;
    }
  }
  for (const auto& a : accounts.accounts) {
    if (a.gid == owner.gid && a.name != owner.name) return std::nullopt;
  }
  return owner.gid;
}

bool selected(const Accounts& accounts, const Account& a, const ScanOptions& opt) {
  if (!opt.all_homes) return a.uid == opt.home_uid;
  return accounts.is_human(a) || (a.uid == 0 && a.name == "root");
}

}  // namespace

std::string Home::file(std::string_view rel) const {
  std::string out = path == "/" ? std::string() : path;
  out += '/';
  out += rel;
  return out;
}

std::string Homes::user_label(uint32_t uid) const {
  auto it = user_names.find(uid);
  if (it == user_names.end()) return fmt::format("uid {}", uid);
  return fmt::format("{} (uid {})", it->second, uid);
}

std::string Homes::group_label(uint32_t gid) const {
  auto it = group_names.find(gid);
  if (it == group_names.end()) return fmt::format("gid {}", gid);
  return fmt::format("{} (gid {})", it->second, gid);
}

std::string Homes::summary() const {
  std::string out;
  for (const auto& h : homes) {
    out += out.empty() ? "homes read: " : ", ";
    out += h.path;
  }
  if (out.empty()) out = "no home directory to read";
  for (const auto& s : skipped) out += fmt::format("; skipped {}", s);
  return out;
}

std::string mode_string(uint32_t mode) { return fmt::format("{:04o}", mode & 07777); }

std::string foreign_writers(const Homes& homes, const Home& home, const FileStat& st) {
  std::vector<std::string> why;
  if (st.uid != home.uid && st.uid != 0) {
    why.push_back(fmt::format("owned by {}", homes.user_label(st.uid)));
  }
  if (st.mode & 0002) {
    why.push_back(fmt::format("mode {}: writable by every user", mode_string(st.mode)));
  } else if ((st.mode & 0020) && !(home.private_gid && *home.private_gid == st.gid)) {
    why.push_back(fmt::format("mode {}: writable by group {}", mode_string(st.mode),
                              homes.group_label(st.gid)));
  }
  std::string out;
  for (const auto& w : why) out += (out.empty() ? "" : ", ") + w;
  return out;
}

std::string foreign_readers(const Homes& homes, const Home& home, const FileStat& st) {
  if (st.mode & 0004) return fmt::format("mode {}: readable by every user", mode_string(st.mode));
  if ((st.mode & 0040) && !(home.private_gid && *home.private_gid == st.gid)) {
    return fmt::format("mode {}: readable by group {}", mode_string(st.mode),
                       homes.group_label(st.gid));
  }
  return {};
}

const Homes* homes_for_check(ScanContext& ctx, Outcome& out) {
  const auto& homes = ctx.fact<Homes>();
  if (!homes) {
    out.error(homes.error().to_string());
    return nullptr;
  }
  if (homes->homes.empty()) {
    out.not_applicable(homes->summary());
    return nullptr;
  }
  return &*homes;
}

HomeFile stat_home_file(const Host& host, const Home& home, std::string_view rel) {
  HomeFile f;
  f.path = home.file(rel);
  auto l = host.lstat(f.path);
  if (!l) {
    if (l.error().code() != Errc::kNotFound) f.error = l.error();
    return f;
  }
  f.symlink = l->type == FileType::kSymlink;
  auto s = f.symlink ? host.stat(f.path) : l;
  if (!s) {
    // A dangling link is no file to read.
    if (s.error().code() != Errc::kNotFound) f.error = s.error();
    return f;
  }
  f.exists = true;
  f.st = *s;
  return f;
}

HomeFile read_home_path(const Host& host, const Home& home, const std::string& path,
                        size_t max_bytes) {
  std::string rel = path;
  std::string prefix = home.file("");
  if (rel.rfind(prefix, 0) == 0) rel = rel.substr(prefix.size());
  HomeFile f = stat_home_file(host, home, rel);
  f.path = path;
  if (!f.exists || f.error) return f;
  if (f.st.type != FileType::kRegular) {
    f.error = Error(Errc::kUnsupported, "not a regular file, not read", f.path);
    return f;
  }
  if (f.symlink && f.st.uid != home.uid) {
    f.error = Error(Errc::kUnsupported,
                    fmt::format("symlink to a file of uid {}, not read", f.st.uid), f.path);
    return f;
  }
  auto text = host.read_file(f.path, max_bytes);
  if (!text) {
    f.error = text.error();
    return f;
  }
  f.text = std::move(*text);
  return f;
}

HomeFile read_home_file(const Host& host, const Home& home, std::string_view rel,
                        size_t max_bytes) {
  return read_home_path(host, home, home.file(rel), max_bytes);
}

Result<Homes> Homes::load(ScanContext& ctx) {
  const auto& accounts = ctx.fact<Accounts>();
  if (!accounts) return Unexpected(accounts.error());
  if (accounts->passwd_error) return Unexpected(*accounts->passwd_error);
  const Host& host = ctx.host();
  Homes out;
  for (const auto& a : accounts->accounts) out.user_names.emplace(a.uid, a.name);
  for (const auto& g : accounts->groups) out.group_names.emplace(g.gid, g.name);
  std::set<std::string> seen;
  for (const auto& a : accounts->accounts) {
    if (!selected(*accounts, a, ctx.options())) continue;
    std::string path = a.home;
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    if (path.empty() || path.front() != '/') {
      out.skipped.push_back(fmt::format("{}: home \"{}\" is not an absolute path", a.name, a.home));
      continue;
    }
    if (!seen.insert(path).second) {
      out.notes.push_back(
          fmt::format("{}: home {} is shared with an account read before", a.name, path));
      continue;
    }
    Home h;
    h.account = a.name;
    h.uid = a.uid;
    h.gid = a.gid;
    h.path = path;
    h.private_gid = personal_group(*accounts, a);
    auto l = host.lstat(path);
    if (!l) {
      out.skipped.push_back(l.error().code() == Errc::kNotFound
                                ? fmt::format("{}: home {} does not exist", a.name, path)
                                : fmt::format("{}: {}", a.name, l.error().to_string()));
      continue;
    }
    if (l->type == FileType::kSymlink) {
      h.symlink = true;
      if (auto t = host.read_link(path)) h.link_target = *t;
      out.notes.push_back(fmt::format("{}: home {} is a symlink to {} (followed inside the root)",
                                      a.name, path, h.link_target));
    }
    auto s = host.stat(path);
    if (!s) {
      out.skipped.push_back(
          fmt::format("{}: home {} cannot be followed: {}", a.name, path, s.error().message()));
      continue;
    }
    if (s->type != FileType::kDirectory) {
      out.skipped.push_back(fmt::format("{}: home {} is not a directory", a.name, path));
      continue;
    }
    h.st = *s;
    out.homes.push_back(std::move(h));
  }
  for (const auto& skip : out.skipped) ctx.note("home directory skipped: " + skip);
  for (const auto& n : out.notes) ctx.note(n);
  return out;
}

}  // namespace sw::scan
