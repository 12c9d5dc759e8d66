// SPDX-License-Identifier: Apache-2.0
// renv.lock (rstudio.github.io/renv/articles/lockfile.html): the `Packages` object, each entry's
// `Package` and `Version`. Only packages installed from the CRAN repository (`Repository: "CRAN"`)
// are listed, as osv-scalibr's renvlock extractor does: Bioconductor, GitHub and other sources are
// not in OSV's CRAN ecosystem. Parsed with nlohmann-json; lines found from each entry's key.
// Ecosystem CRAN.
#include <string>

#include <nlohmann/json.hpp>

#include "vuln/inventory/lock_formats_more.h"
#include "vuln/inventory/lock_util.h"
#include "vuln/inventory/lockfile_text.h"

namespace sw::vuln {

bool is_renv_lock(std::string_view path) { return lock_base_name(path) == "renv.lock"; }

PackageList parse_renv_lock(std::string_view text, const std::string& path) {
  PackageList out;
  auto parsed = lockutil::parse_json_object(text, path, "renv.lock", out.errors);
  if (!parsed) return out;
  const nlohmann::ordered_json& doc = *parsed;
  auto packages = doc.find("Packages");
  if (packages == doc.end()) return out;
  size_t cursor = find_json_key(text, 0, "Packages");
  if (cursor == std::string_view::npos) cursor = 0;
  if (!packages->is_object()) {
    out.errors.emplace_back(Errc::kParse, "\"Packages\" is not an object", path,
                            line_at(text, cursor));
    return out;
  }
  for (const auto& item : packages->items()) {
    // Not a structured binding: clang 14 cannot capture one in the lambda below.
    const auto& key = item.key();
    const auto& entry = item.value();
    int line = 0;
    if (auto pos = find_json_key(text, cursor, key); pos != std::string_view::npos) {
      line = line_at(text, pos);
      cursor = pos + 1;
    }
    auto str = [&](const char* field) {
      auto it = entry.is_object() ? entry.find(field) : entry.end();
      return entry.is_object() && it != entry.end() && it->is_string() ? it->get<std::string>()
                                                                       : std::string();
    };
    std::string name = str("Package"), version = str("Version");
    if (name.empty() || version.empty()) {
      out.errors.emplace_back(Errc::kParse, "package without Package and Version", path, line);
      continue;
    }
    if (str("Repository") != "CRAN") continue;
    Package p;
    p.ecosystem = "CRAN";
    p.name = name;
    p.version = version;
    p.path = path;
    p.line = line;
    out.packages.push_back(std::move(p));
  }
  return out;
}

}  // namespace sw::vuln
