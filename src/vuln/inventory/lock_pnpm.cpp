// SPDX-License-Identifier: Apache-2.0
// pnpm-lock.yaml parser (https://github.com/pnpm/spec/tree/master/lockfile), read with yaml-cpp.
// Rules follow osv-scanner/osv-scalibr's pnpmlock extractor:
//  - every key of `packages` is a package; `name` / `version` fields, when present, win over what
//    the key says (file: and git dependencies carry them).
//  - lockfileVersion 5.x keys are dependency paths "/name/1.2.3", "/@scope/name/1.2.3_peer@1",
//    "registry.host/name/1.2.3" (the first segment is dropped); the version is the segment after
//    the name, cut at '_' (peer suffix), and must start with a digit (else: not a registry
//    package, skipped, e.g. "github.com/user/repo").
//  - lockfileVersion 6.x keys are "/name@1.2.3(peer@1)": the peer suffix "(...)" is dropped.
//  - lockfileVersion 9.x keys are "name@1.2.3" (packages and snapshots; we read `packages`).
//  - "file:" keys never encode a version: the entry needs `name` and `version`.
//  - commit: `resolution.commit`, or the hash of a codeload.github.com tarball.
//  - `dev: true` -> group "dev", `optional: true` -> "optional" (5.x/6.x; 9.x keeps no such flag
//    on packages, so its packages get no group).
#include <cctype>
#include <cstdlib>

#include <yaml-cpp/yaml.h>

#include "vuln/inventory/lang_lockfiles.h"
#include "vuln/inventory/lock_util.h"

namespace sw::vuln {
namespace {

std::string scalar(const YAML::Node& map, const char* key) {
  if (!map.IsMap()) return {};
  auto n = map[key];
  return n && n.IsScalar() ? n.Scalar() : std::string{};
}

bool starts_with_digit(std::string_view s) {
  return !s.empty() && std::isdigit(static_cast<unsigned char>(s[0]));
}

std::string_view strip_peers(std::string_view s) {
  auto paren = s.find('(');
  return paren == std::string_view::npos ? s : s.substr(0, paren);
}

// "name@1.2.3" with a possibly scoped name.
std::pair<std::string, std::string> split_name_at_version(std::string_view s) {
  auto at = s.find('@', 1);
  if (at == std::string_view::npos) return {std::string(s), {}};
  return {std::string(s.substr(0, at)), std::string(s.substr(at + 1))};
}

std::pair<std::string, std::string> name_version_from_key(std::string_view key,
                                                          double lock_version) {
  if (key.starts_with("file:")) return {};
  if (lock_version >= 9.0) {
    auto [name, version] = split_name_at_version(strip_peers(key));
    if (!starts_with_digit(version)) return {name, {}};  // "x@file:..", "x@https://.."
    return {name, version};
  }
  key = strip_peers(key);
  // Split on '/', dropping the first segment ("" for "/name/...", a host otherwise).
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    auto slash = key.find('/', start);
    parts.push_back(key.substr(start, slash == std::string_view::npos ? slash : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (parts.size() < 2) return {};
  size_t i = 1;
  std::string name;
  if (parts[i].starts_with('@') && i + 1 < parts.size()) {
    name = std::string(parts[i]) + "/" + std::string(parts[i + 1]);
    i += 2;
  } else {
    name = std::string(parts[i]);
    i += 1;
  }
  std::string version = i < parts.size() ? std::string(parts[i]) : std::string{};
  if (version.empty()) std::tie(name, version) = split_name_at_version(name);
  if (!starts_with_digit(version)) return {};
  if (auto u = version.find('_'); u != std::string::npos) version.resize(u);
  return {name, version};
}

std::string codeload_commit(std::string_view tarball) {
  constexpr std::string_view kPrefix = "https://codeload.github.com/";
  if (!tarball.starts_with(kPrefix)) return {};
  auto pos = tarball.rfind("/tar.gz/");
  if (pos == std::string_view::npos) return {};
  auto hash = tarball.substr(pos + 8);
  return lockutil::is_hex(hash) ? std::string(hash) : std::string{};
}

PackageList parse_doc(const YAML::Node& doc, const std::string& path) {
  PackageList out;
  double lock_version = 0;
  if (auto v = scalar(doc, "lockfileVersion"); !v.empty()) {
    lock_version = std::strtod(v.c_str(), nullptr);
  }
  auto packages = doc["packages"];
  if (!packages || packages.IsNull()) return out;
  if (!packages.IsMap()) {
    out.errors.emplace_back(Errc::kParse, "`packages` is not a mapping", path,
                            static_cast<int>(packages.Mark().line) + 1);
    return out;
  }
  for (const auto& kv : packages) {
    int line = static_cast<int>(kv.first.Mark().line) + 1;
    try {
      std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string{};
      const YAML::Node& entry = kv.second;
      if (!entry.IsMap() && !entry.IsNull()) {
        out.errors.emplace_back(Errc::kParse, lockutil::not_object(key), path, line);
        continue;
      }
      auto [name, version] = name_version_from_key(key, lock_version);
      if (auto n = scalar(entry, "name"); !n.empty()) name = n;
      if (auto v = scalar(entry, "version"); !v.empty()) version = v;
      if (name.empty() || version.empty()) continue;  // not from a registry, no version known
      Package pkg;
      pkg.ecosystem = "npm";
      pkg.name = std::move(name);
      pkg.version = std::move(version);
      pkg.path = path;
      pkg.line = line;
      if (entry.IsMap()) {
        if (auto res = entry["resolution"]; res && res.IsMap()) {
          pkg.commit = scalar(res, "commit");
          if (auto c = codeload_commit(scalar(res, "tarball")); !c.empty()) pkg.commit = c;
        }
        if (scalar(entry, "dev") == "true") pkg.groups.emplace_back("dev");
        if (scalar(entry, "optional") == "true") pkg.groups.emplace_back("optional");
      }
      out.packages.push_back(std::move(pkg));
    } catch (const YAML::Exception& e) {
      out.errors.emplace_back(Errc::kParse, "bad package entry: " + e.msg, path, line);
    }
  }
  return out;
}

}  // namespace

bool is_pnpm_lock(std::string_view path) { return lockutil::base_name(path) == "pnpm-lock.yaml"; }

PackageList parse_pnpm_lock(std::string_view text, const std::string& path) {
  return lockutil::parse_yaml_map(text, path, "pnpm-lock.yaml",
                                  [&](const YAML::Node& doc) { return parse_doc(doc, path); });
}

}  // namespace sw::vuln
