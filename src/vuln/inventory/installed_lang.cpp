// SPDX-License-Identifier: Apache-2.0
// Installed language packages (what is on disk rather than what a lockfile asks for):
//  - Python: <dir>.dist-info/METADATA, the core metadata file (https://packaging.python.org/en/
//    latest/specifications/core-metadata/): RFC 822 style headers up to the first blank line;
//    `Name:` and `Version:` give the package (name kept as written). Hand-written header reader.
//  - npm: node_modules/<name>/package.json and node_modules/@scope/<name>/package.json (npm's
//    installed layout, https://docs.npmjs.com/cli/configuring-npm/folders); `name` and `version`
//    fields. package.json files deeper inside a package (test fixtures, sub-folders) are not
//    packages and are not matched. Line of the `"version"` key from a text scan.
#include <nlohmann/json.hpp>

#include "core/host.h"
#include "vuln/inventory/lang_lockfiles.h"
#include "vuln/inventory/lock_util.h"

namespace sw::vuln {

bool is_python_dist_metadata(std::string_view path) {
  return lockutil::base_name(path) == "METADATA" &&
         lockutil::base_name(lockutil::dir_name(path)).ends_with(".dist-info");
}

PackageList parse_python_dist_metadata(std::string_view text, const std::string& path) {
  PackageList out;
  Package pkg;
  pkg.ecosystem = "PyPI";
  pkg.path = path;
  int n = 0;
  int version_line = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = raw;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;  // end of the headers; the description follows
    if (line.front() == ' ' || line.front() == '\t') continue;  // folded continuation
    auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    auto key = line.substr(0, colon);
    auto value = std::string(trim(line.substr(colon + 1)));
    if (key == "Name" && pkg.name.empty()) {
      pkg.name = value;
      pkg.line = n;
    } else if (key == "Version" && pkg.version.empty()) {
      pkg.version = value;
      version_line = n;
    }
  }
  if (pkg.name.empty() || pkg.version.empty()) {
    out.errors.emplace_back(Errc::kParse, "METADATA without Name or Version header", path,
                            pkg.line ? pkg.line : version_line);
    return out;
  }
  if (version_line) pkg.line = version_line;
  out.packages.push_back(std::move(pkg));
  return out;
}

bool is_node_modules_package_json(std::string_view path) {
  if (lockutil::base_name(path) != "package.json") return false;
  auto dir = lockutil::dir_name(path);                          // .../node_modules/[@scope/]name
  auto parent = lockutil::dir_name(dir);                        // .../node_modules or .../@scope
  if (lockutil::base_name(dir).starts_with('.')) return false;  // .bin, .cache, ...
  if (lockutil::base_name(parent) == "node_modules") return true;
  return lockutil::base_name(parent).starts_with('@') &&
         lockutil::base_name(lockutil::dir_name(parent)) == "node_modules";
}

PackageList parse_node_modules_package_json(std::string_view text, const std::string& path) {
  using nlohmann::json;
  PackageList out;
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::parse_error& e) {
    out.errors.emplace_back(Errc::kParse, std::string("invalid JSON: ") + e.what(), path,
                            lockutil::line_at(text, e.byte > 0 ? e.byte - 1 : 0));
    return out;
  } catch (const std::exception& e) {
    out.errors.emplace_back(Errc::kParse, std::string("invalid JSON: ") + e.what(), path, 0);
    return out;
  }
  if (!doc.is_object()) {
    out.errors.emplace_back(Errc::kParse, "package.json is not a JSON object", path, 1);
    return out;
  }
  auto field = [&](const char* key) {
    auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string{};
  };
  Package pkg;
  pkg.ecosystem = "npm";
  pkg.name = field("name");
  pkg.version = field("version");
  pkg.path = path;
  if (pkg.name.empty() || pkg.version.empty()) {
    out.errors.emplace_back(Errc::kParse, "package.json without name or version", path, 1);
    return out;
  }
  auto pos = text.find("\"version\"");
  pkg.line = pos == std::string_view::npos ? 0 : lockutil::line_at(text, pos);
  out.packages.push_back(std::move(pkg));
  return out;
}

}  // namespace sw::vuln
