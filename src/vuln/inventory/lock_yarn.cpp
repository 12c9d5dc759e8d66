// SPDX-License-Identifier: Apache-2.0
// yarn.lock parser: classic (yarn 1, "# yarn lockfile v1", its own indented syntax, parsed by hand
// here since no library reads it) and berry (yarn 2+, a YAML document with a `__metadata` key,
// parsed with yaml-cpp). Rules follow osv-scanner/osv-scalibr's yarnlock extractor:
//  - classic: one package per entry; the name is that of the first specifier ("a@^1, a@^2:"),
//    or the real name of an alias ("x@npm:real@^1"); version from `version`; a commit from the
//    `resolved` URL (fragment, codeload tarball, ?ref=).
//  - berry: the name comes from `resolution` ("name@npm:1.2.3"), the version from `version`, a
//    commit from "#commit=" in the resolution; the root workspace ("@workspace:.") is skipped,
//    other workspaces are kept (as osv-scalibr does: they have version 0.0.0-use.local).
//  - local (file:/link:) packages are kept with their declared version (osv-scalibr does so;
//    trivy drops them).
#include <yaml-cpp/yaml.h>

#include "core/host.h"
#include "vuln/inventory/lang_lockfiles.h"
#include "vuln/inventory/lock_util.h"

namespace sw::vuln {
namespace {

std::string unquote(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
  return std::string(s);
}

// "@scope/name@range" -> "@scope/name"; "x@npm:@s/real@^1" -> "@s/real".
std::string name_from_specifier(std::string_view spec) {
  auto at = spec.find('@', 1);
  if (at == std::string_view::npos) return std::string(spec);
  auto name = spec.substr(0, at);
  auto rest = spec.substr(at + 1);
  if (rest.starts_with("npm:")) {
    rest = rest.substr(4);
    auto real_at = rest.find('@', 1);
    if (real_at != std::string_view::npos) return std::string(rest.substr(0, real_at));
    if (!rest.empty() && !std::isdigit(static_cast<unsigned char>(rest[0]))) {
      return std::string(rest);
    }
  }
  return std::string(name);
}

PackageList parse_classic(std::string_view text, const std::string& path) {
  PackageList out;
  Package cur;
  bool in_entry = false;
  auto flush = [&] {
    if (!in_entry) return;
    in_entry = false;
    if (cur.version.empty()) {
      out.errors.emplace_back(Errc::kParse, "entry \"" + cur.name + "\" has no version", path,
                              cur.line);
    } else {
      out.packages.push_back(std::move(cur));
    }
    cur = Package{};
  };
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = raw;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto t = trim(line);
    if (t.empty() || t.starts_with('#')) continue;
    if (line.front() != ' ' && line.front() != '\t') {
      flush();
      if (!t.ends_with(':')) {
        out.errors.emplace_back(Errc::kParse, "expected \"specifier:\" at the start of an entry",
                                path, n);
        continue;
      }
      auto specs = t.substr(0, t.size() - 1);
      auto first = specs.substr(0, specs.find(", "));
      auto name = name_from_specifier(unquote(first));
      if (name.empty()) {
        out.errors.emplace_back(Errc::kParse, "entry without a package name", path, n);
        continue;
      }
      in_entry = true;
      cur.ecosystem = "npm";
      cur.name = std::move(name);
      cur.path = path;
      cur.line = n;
      continue;
    }
    if (!in_entry) continue;
    // Fields of the entry are indented by two spaces; deeper lines are dependency lists.
    if (line.size() > 2 && line[0] == ' ' && line[1] == ' ' && line[2] != ' ') {
      auto sp = t.find(' ');
      if (sp == std::string_view::npos) continue;
      auto key = unquote(t.substr(0, sp));  // keys may be quoted: "version" "1.0.0"
      auto value = unquote(t.substr(sp + 1));
      if (key == "version")
        cur.version = value;
      else if (key == "resolved")
        cur.commit = lockutil::commit_from_url(value);
    }
  }
  flush();
  return out;
}

PackageList parse_berry(const YAML::Node& doc, const std::string& path) {
  PackageList out;
  for (const auto& kv : doc) {
    int line = static_cast<int>(kv.first.Mark().line) + 1;
    std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string{};
    if (key == "__metadata") continue;
    if (!kv.second.IsMap()) {
      out.errors.emplace_back(Errc::kParse, lockutil::not_object(key), path, line);
      continue;
    }
    std::string resolution, version;
    if (auto r = kv.second["resolution"]; r && r.IsScalar()) resolution = r.Scalar();
    if (auto v = kv.second["version"]; v && v.IsScalar()) version = v.Scalar();
    if (resolution.ends_with("@workspace:.")) continue;  // the project itself
    std::string spec = resolution.empty() ? key.substr(0, key.find(", ")) : resolution;
    Package pkg;
    pkg.ecosystem = "npm";
    pkg.name = name_from_specifier(spec);
    pkg.version = std::move(version);
    pkg.commit = lockutil::commit_from_url(resolution);
    pkg.path = path;
    pkg.line = line;
    if (pkg.name.empty() || pkg.version.empty()) {
      out.errors.emplace_back(Errc::kParse, "entry \"" + key + "\" lacks a name or version", path,
                              line);
      continue;
    }
    out.packages.push_back(std::move(pkg));
  }
  return out;
}

bool is_berry(std::string_view text) {
  for (auto line : split_lines(text)) {
    if (line.starts_with("__metadata:")) return true;
    if (line.starts_with("# yarn lockfile v1")) return false;
  }
  return false;
}

}  // namespace

bool is_yarn_lock(std::string_view path) { return lockutil::base_name(path) == "yarn.lock"; }

PackageList parse_yarn_lock(std::string_view text, const std::string& path) {
  if (!is_berry(text)) return parse_classic(text, path);
  return lockutil::parse_yaml_map(text, path, "yarn.lock (berry)",
                                  [&](const YAML::Node& doc) { return parse_berry(doc, path); });
}

}  // namespace sw::vuln
