// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/package_files.h"

#include <charconv>

#include <fmt/format.h>

#include "core/host.h"
#include "scan/context.h"

namespace sw::scan {
namespace {

constexpr std::string_view kInfoDir = "/var/lib/dpkg/info";
constexpr std::string_view kMergeCandidates[] = {"/bin",   "/sbin",  "/lib",
                                                 "/lib32", "/lib64", "/libx32"};

std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    size_t b = line.find_first_not_of(" \t", i);
    if (b == std::string_view::npos) break;
    size_t e = line.find_first_of(" \t", b);
    if (e == std::string_view::npos) e = line.size();
    out.push_back(line.substr(b, e - b));
    i = e;
  }
  return out;
}

uint32_t intern(PackageFiles& out, std::string_view package) {
  if (!out.packages.empty() && out.packages.back() == package) {
    return static_cast<uint32_t>(out.packages.size() - 1);
  }
  out.packages.emplace_back(package);
  return static_cast<uint32_t>(out.packages.size() - 1);
}

}  // namespace

std::string canonical_package_path(std::string_view path, const std::vector<std::string>& merged) {
  for (const auto& dir : merged) {
    if (path.size() > dir.size() && path.starts_with(dir) && path[dir.size()] == '/') {
      return "/usr" + std::string(path);
    }
    if (path == dir) return "/usr" + std::string(path);
  }
  return std::string(path);
}

void parse_dpkg_list(std::string_view text, std::string_view package, PackageFiles& out,
                     std::vector<int>* bad) {
  uint32_t index = intern(out, package);
  int n = 0;
  for (auto line : split_lines(text)) {
    ++n;
    if (line.empty()) continue;
    if (line.front() != '/') {
      if (bad) bad->push_back(n);
      continue;
    }
    if (line == "/.") continue;  // every package lists the root itself
    out.owner.emplace(canonical_package_path(line, out.merged_dirs), index);
  }
}

std::vector<StatOverrideError> parse_statoverride(std::string_view text,
                                                  std::map<std::string, StatOverride>& out) {
  std::vector<StatOverrideError> errors;
  int n = 0;
  for (auto line : split_lines(text)) {
    ++n;
    auto t = trim(line);
    if (t.empty()) continue;  // no comments: "#0" is a numeric owner (dpkg's statdb)
    // The path is the rest of the line after three fields (dpkg allows no spaces in names but
    // a path may hold them).
    auto f = fields(t);
    if (f.size() < 4) {
      errors.push_back({n, fmt::format("{} fields, expected USER GROUP MODE PATH", f.size())});
      continue;
    }
    uint32_t mode = 0;
    auto [p, ec] = std::from_chars(f[2].data(), f[2].data() + f[2].size(), mode, 8);
    if (ec != std::errc() || p != f[2].data() + f[2].size() || mode > 07777) {
      errors.push_back({n, "mode is not an octal number up to 7777"});
      continue;
    }
    size_t path_at = static_cast<size_t>(f[3].data() - t.data());
    std::string_view path = t.substr(path_at);
    if (path.empty() || path.front() != '/') {
      errors.push_back({n, "path is not absolute"});
      continue;
    }
    out[std::string(path)] = StatOverride{std::string(f[0]), std::string(f[1]), mode, n};
  }
  return errors;
}

int apply_diversions(std::string_view text, PackageFiles& out) {
  auto lines = split_lines(text);
  size_t i = 0;
  for (; i + 3 <= lines.size(); i += 3) {
    std::string from = canonical_package_path(lines[i], out.merged_dirs);
    std::string to = canonical_package_path(lines[i + 1], out.merged_dirs);
    if (from.empty() || to.empty() || from.front() != '/' || to.front() != '/') continue;
    auto it = out.owner.find(from);
    if (it != out.owner.end()) out.owner.emplace(to, it->second);
  }
  int bad = 0;
  for (; i < lines.size(); ++i) {
    if (!lines[i].empty()) ++bad;
  }
  return bad;
}

const std::string* PackageFiles::package_of(std::string_view path) const {
  auto it = owner.find(std::string(path));
  if (it == owner.end()) return nullptr;
  return &packages[it->second];
}

const StatOverride* PackageFiles::override_of(std::string_view path) const {
  auto it = overrides.find(std::string(path));
  return it == overrides.end() ? nullptr : &it->second;
}

Result<PackageFiles> PackageFiles::load(ScanContext& ctx) {
  const Host& host = ctx.host();
  PackageFiles out;
  for (auto dir : kMergeCandidates) {
    auto st = host.lstat(dir);
    if (!st || st->type != FileType::kSymlink) continue;
    auto target = host.read_link(dir);
    if (target && (*target == "usr" + std::string(dir) || *target == "/usr" + std::string(dir))) {
      out.merged_dirs.emplace_back(dir);
    }
  }
  auto entries = host.list_dir(kInfoDir);
  if (!entries) return out;  // no dpkg database: have_dpkg stays false
  out.have_dpkg = true;
  for (const auto& e : *entries) {
    std::string_view name = e.name;
    if (!name.ends_with(".list")) continue;
    std::string path = fmt::format("{}/{}", kInfoDir, name);
    auto text = host.read_file(path);
    if (!text) {
      ctx.input_error(text.error());
      continue;
    }
    std::string_view package = name.substr(0, name.size() - 5);
    package = package.substr(0, package.find(':'));  // "libc6:amd64" -> "libc6"
    std::vector<int> bad;
    parse_dpkg_list(*text, package, out, &bad);
    for (int line : bad) {
      ctx.input_error(Error(Errc::kParse, "not an absolute path", path, line));
    }
  }
  if (auto text = host.read_file("/var/lib/dpkg/diversions")) {
    if (apply_diversions(*text, out) > 0) {
      ctx.input_error(Error(Errc::kParse, "incomplete last entry (expected 3 lines per diversion)",
                            "/var/lib/dpkg/diversions"));
    }
  }
  if (auto text = host.read_file("/var/lib/dpkg/statoverride")) {
    for (const auto& err : parse_statoverride(*text, out.overrides)) {
      ctx.input_error(Error(Errc::kParse, err.message, "/var/lib/dpkg/statoverride", err.line));
    }
  }
  return out;
}

}  // namespace sw::scan
