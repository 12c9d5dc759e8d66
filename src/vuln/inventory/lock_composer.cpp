// SPDX-License-Identifier: Apache-2.0
// composer.lock
// (getcomposer.org/doc/01-basic-usage.md#commit-your-composer-lock-file-to-version-control): the
// `packages` array (production) and `packages-dev` array (group "dev"), each entry's `name`
// ("vendor/package") and `version`. Versions are kept as written, leading "v" included
// ("v1.27.0"), as osv-scalibr and trivy report them: Packagist's comparison (Composer's
// VersionParser::normalize) ignores that "v", so the version scheme, not the inventory, drops it.
// Parsed with nlohmann-json; lines found by locating each entry's "name" member in the text.
// Ecosystem Packagist.
#include <string>

#include <nlohmann/json.hpp>

#include "vuln/inventory/lock_formats_more.h"
#include "vuln/inventory/lock_util.h"
#include "vuln/inventory/lockfile_text.h"

namespace sw::vuln {

bool is_composer_lock(std::string_view path) { return lock_base_name(path) == "composer.lock"; }

PackageList parse_composer_lock(std::string_view text, const std::string& path) {
  PackageList out;
  auto parsed = lockutil::parse_json_object(text, path, "composer.lock", out.errors);
  if (!parsed) return out;
  const nlohmann::ordered_json& doc = *parsed;
  size_t cursor = 0;
  for (const char* key : {"packages", "packages-dev"}) {
    auto it = doc.find(key);
    if (it == doc.end() || it->is_null()) continue;
    size_t section = find_json_key(text, 0, key);
    if (section != std::string_view::npos) cursor = section;
    if (!it->is_array()) {
      out.errors.emplace_back(Errc::kParse, std::string(key) + " is not an array", path,
                              section == std::string_view::npos ? 0 : line_at(text, section));
      continue;
    }
    for (const auto& entry : *it) {
      const auto* name = entry.is_object() && entry.contains("name") ? &entry["name"] : nullptr;
      const auto* version =
          entry.is_object() && entry.contains("version") ? &entry["version"] : nullptr;
      if (name == nullptr || !name->is_string() || version == nullptr || !version->is_string() ||
          name->get_ref<const std::string&>().empty()) {
        out.errors.emplace_back(Errc::kParse,
                                std::string(key) + " entry without a string name and version", path,
                                line_at(text, cursor));
        continue;
      }
      Package p;
      p.ecosystem = "Packagist";
      p.name = name->get<std::string>();
      p.version = version->get<std::string>();
      p.path = path;
      auto pos = find_json_member(text, cursor, "name", p.name);
      if (pos != std::string_view::npos) {
        cursor = pos + 1;
        p.line = line_at(text, pos);
      }
      if (std::string_view(key) == "packages-dev") p.groups.emplace_back("dev");
      out.packages.push_back(std::move(p));
    }
  }
  return out;
}

}  // namespace sw::vuln
