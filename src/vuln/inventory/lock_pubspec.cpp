// SPDX-License-Identifier: Apache-2.0
// pubspec.lock (Dart pub; dart.dev/tools/pub/glossary#lockfile): the `packages` map, each with
// `version`, `source` (hosted, git, path, sdk) and `dependency` ("direct main", "direct dev",
// "transitive"). Every package is listed, as osv-scalibr's pubspec extractor does; a git package
// carries `description.resolved-ref` as commit; "direct dev" gives group "dev". Ecosystem Pub.
// Parsed with yaml-cpp (its exceptions are caught here).
#include <yaml-cpp/yaml.h>

#include "vuln/inventory/lock_formats_more.h"
#include "vuln/inventory/lock_util.h"

namespace sw::vuln {

bool is_pubspec_lock(std::string_view path) { return lock_base_name(path) == "pubspec.lock"; }

PackageList parse_pubspec_lock(std::string_view text, const std::string& path) {
  return lockutil::parse_yaml_map(text, path, "pubspec.lock", [&](const YAML::Node& doc) {
    PackageList out;
    YAML::Node packages = doc["packages"];
    if (!packages || packages.IsNull()) return out;
    if (!packages.IsMap()) {
      out.errors.emplace_back(Errc::kParse, "\"packages\" is not a map", path,
                              packages.Mark().line + 1);
      return out;
    }
    for (const auto& kv : packages) {
      int line = kv.first.Mark().line + 1;
      const YAML::Node& entry = kv.second;
      std::string name = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
      if (name.empty() || !entry.IsMap() || !entry["version"] || !entry["version"].IsScalar()) {
        out.errors.emplace_back(Errc::kParse, "package without a name and version", path, line);
        continue;
      }
      Package p;
      p.ecosystem = "Pub";
      p.name = name;
      p.version = entry["version"].Scalar();
      p.path = path;
      p.line = line;
      auto scalar = [](const YAML::Node& node) {
        return node && node.IsScalar() ? node.Scalar() : std::string();
      };
      if (scalar(entry["source"]) == "git") {
        const YAML::Node description = entry["description"];
        if (description.IsMap()) p.commit = scalar(description["resolved-ref"]);
      }
      if (scalar(entry["dependency"]) == "direct dev") p.groups.emplace_back("dev");
      out.packages.push_back(std::move(p));
    }
    return out;
  });
}

}  // namespace sw::vuln
