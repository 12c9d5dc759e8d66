// SPDX-License-Identifier: Apache-2.0
// npm package-lock.json / npm-shrinkwrap.json parser (https://docs.npmjs.com/cli/configuring-npm/
// package-lock-json). Rules follow osv-scanner/osv-scalibr's packagelockjson extractor:
//  - lockfileVersion 2/3: the `packages` map (v2 also has `dependencies`, ignored then). Key "" is
//    the root project (skipped); `link: true` entries are symlinks to another entry (skipped). The
//    name is the `name` field when present (aliases "x": {"name": "real"}), else the key's last
//    path segment after "node_modules/" (with its @scope); keys outside node_modules (workspace
//    folders like "deps/etag") take their last segment. A commit is taken from `resolved`.
//  - lockfileVersion 1: the `dependencies` tree, nested `dependencies` included. `version` may be
//    "npm:real@1.2.3" (alias: name and version from it), "file:..." (local, no version) or a git
//    URL (the commit, no version).
//  - dev / optional / devOptional / peer flags become groups "dev" / "optional".
//  - an entry seen twice with the same name and version (or commit) is reported once.
// JSON is parsed with nlohmann-json; lines come from a key scan of the text (lock_util.h).
#include <algorithm>

#include <nlohmann/json.hpp>

#include "vuln/inventory/lang_lockfiles.h"
#include "vuln/inventory/lock_util.h"

namespace sw::vuln {
namespace {

using lockutil::JsonKeyLines;
using json = nlohmann::ordered_json;  // keeps file order

std::string str_field(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

bool bool_field(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_boolean() && it->get<bool>();
}

std::vector<std::string> groups_of(const json& obj) {
  std::vector<std::string> groups;
  if (bool_field(obj, "dev")) groups.emplace_back("dev");
  if (bool_field(obj, "optional")) groups.emplace_back("optional");
  if (bool_field(obj, "devOptional")) {
    groups.emplace_back("dev");
    groups.emplace_back("optional");
  }
  return groups;
}

// "node_modules/a/node_modules/@s/b" -> "@s/b"; "deps/etag" -> "etag".
std::string name_from_key(std::string_view key) {
  auto pos = key.rfind("node_modules/");
  std::string_view tail = pos == std::string_view::npos ? key : key.substr(pos + 13);
  if (pos == std::string_view::npos) {
    // Not under node_modules: last segment, keeping a scope directory.
    auto slash = tail.rfind('/');
    if (slash != std::string_view::npos) {
      auto prev = tail.substr(0, slash).rfind('/');
      auto scope = tail.substr(prev == std::string_view::npos ? 0 : prev + 1);
      if (!scope.starts_with('@'))
        tail = tail.substr(slash + 1);
      else
        tail = scope;
    }
  }
  return std::string(tail);
}

void parse_v2_packages(const json& packages, const std::string& path, const JsonKeyLines& lines,
                       PackageList& out) {
  for (const auto& [key, entry] : packages.items()) {
    if (key.empty()) continue;  // the root project
    int line = lines.find(key);
    if (!entry.is_object()) {
      out.errors.emplace_back(Errc::kParse, lockutil::not_object(key), path,
                              lines.find_any(key, 0));
      continue;
    }
    if (bool_field(entry, "link")) continue;  // points at another entry
    Package pkg;
    pkg.ecosystem = "npm";
    pkg.name = str_field(entry, "name");
    if (pkg.name.empty()) pkg.name = name_from_key(key);
    pkg.version = str_field(entry, "version");
    pkg.commit = lockutil::commit_from_url(str_field(entry, "resolved"));
    pkg.path = path;
    pkg.line = line;
    pkg.groups = groups_of(entry);
    if (pkg.name.empty()) {
      out.errors.emplace_back(Errc::kParse, "package entry without a name", path, line);
      continue;
    }
    lockutil::add_dedup(out, std::move(pkg));
  }
}

// Returns the last line used in this subtree, so that a following sibling is searched after it
// (nested entries with the same name come earlier in the text).
int parse_v1_dependencies(const json& deps, const std::string& path, const JsonKeyLines& lines,
                          int parent_line, int depth, PackageList& out) {
  int last = parent_line;
  if (depth > 200) {
    out.errors.emplace_back(Errc::kParse, "dependencies nested too deeply", path, parent_line);
    return last;
  }
  for (const auto& [key, entry] : deps.items()) {
    int line = lines.find(key, last + 1);
    if (!entry.is_object()) {
      out.errors.emplace_back(Errc::kParse, lockutil::not_object(key), path,
                              lines.find_any(key, last + 1));
      continue;
    }
    Package pkg;
    pkg.ecosystem = "npm";
    pkg.name = key;
    std::string version = str_field(entry, "version");
    if (version.starts_with("npm:")) {
      // Alias: "npm:real-name@1.2.3" (the real name may be scoped).
      auto at = version.rfind('@');
      if (at != std::string::npos && at > 4) {
        pkg.name = version.substr(4, at - 4);
        version = version.substr(at + 1);
      }
    }
    if (version.starts_with("file:") || version.starts_with("link:")) {
      version.clear();  // a local folder: no registry version
    } else if (auto commit = lockutil::commit_from_url(version); !commit.empty()) {
      pkg.commit = commit;
      version.clear();
    } else if (version.find(':') != std::string::npos || version.find('/') != std::string::npos) {
      version.clear();  // another URL form without a commit
    }
    pkg.version = std::move(version);
    pkg.path = path;
    pkg.line = line;
    pkg.groups = groups_of(entry);
    if (auto it = entry.find("dependencies"); it != entry.end() && it->is_object()) {
      last = std::max(last, parse_v1_dependencies(*it, path, lines, line, depth + 1, out));
    }
    last = std::max(last, line);
    lockutil::add_dedup(out, std::move(pkg));
  }
  return last;
}

}  // namespace

bool is_package_lock(std::string_view path) {
  auto base = lockutil::base_name(path);
  return base == "package-lock.json" || base == "npm-shrinkwrap.json";
}

PackageList parse_package_lock(std::string_view text, const std::string& path) {
  PackageList out;
  auto parsed = lockutil::parse_json_object(text, path, "package-lock", out.errors);
  if (!parsed) return out;
  const json& doc = *parsed;
  JsonKeyLines lines(text);
  try {
    if (auto it = doc.find("packages"); it != doc.end() && it->is_object()) {
      parse_v2_packages(*it, path, lines, out);
    } else if (auto dit = doc.find("dependencies"); dit != doc.end() && dit->is_object()) {
      parse_v1_dependencies(*dit, path, lines, 0, 0, out);
    }
  } catch (const std::exception& e) {
    out.errors.emplace_back(Errc::kParse, e.what(), path, 0);
  }
  return out;
}

}  // namespace sw::vuln
