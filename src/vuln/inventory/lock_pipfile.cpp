// SPDX-License-Identifier: Apache-2.0
// Pipfile.lock parser (JSON, https://github.com/pypa/pipfile#pipfilelock; read with nlohmann-json).
// Rules follow osv-scalibr's pipfilelock extractor: packages of `default` (production) and
// `develop` (group "dev"); the version is the `version` field without its "==" (an entry without
// one, e.g. an editable git checkout, is skipped); a package in both sections with the same
// version is reported once, as production. Lines come from a key scan of the text (lock_util.h):
// the first `"name": {` after the section's key.
#include <nlohmann/json.hpp>

#include "vuln/inventory/lang_lockfiles.h"
#include "vuln/inventory/lock_util.h"

namespace sw::vuln {

bool is_pipfile_lock(std::string_view path) { return lockutil::base_name(path) == "Pipfile.lock"; }

PackageList parse_pipfile_lock(std::string_view text, const std::string& path) {
  using json = nlohmann::ordered_json;  // keeps file order
  PackageList out;
  auto parsed = lockutil::parse_json_object(text, path, "Pipfile.lock", out.errors);
  if (!parsed) return out;
  const json& doc = *parsed;
  lockutil::JsonKeyLines lines(text);
  for (const char* section : {"default", "develop"}) {
    auto sit = doc.find(section);
    if (sit == doc.end() || !sit->is_object()) continue;
    int section_line = lines.find(section);
    for (const auto& [name, entry] : sit->items()) {
      int line = lines.find(name, section_line);
      if (!entry.is_object()) {
        out.errors.emplace_back(Errc::kParse, lockutil::not_object(name), path,
                                lines.find_any(name, section_line));
        continue;
      }
      auto vit = entry.find("version");
      if (vit == entry.end() || !vit->is_string()) continue;  // git / path / editable entries
      std::string version = vit->get<std::string>();
      if (version.starts_with("==="))
        version.erase(0, 3);
      else if (version.starts_with("=="))
        version.erase(0, 2);
      else {
        out.errors.emplace_back(Errc::kParse,
                                "version \"" + version + "\" is not pinned with ==", path, line);
        continue;
      }
      Package pkg;
      pkg.ecosystem = "PyPI";
      pkg.name = name;
      pkg.version = std::move(version);
      pkg.path = path;
      pkg.line = line;
      if (std::string_view(section) == "develop") pkg.groups.emplace_back("dev");
      lockutil::add_dedup(out, std::move(pkg));
    }
  }
  return out;
}

}  // namespace sw::vuln
