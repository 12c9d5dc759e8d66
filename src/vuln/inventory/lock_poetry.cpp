// SPDX-License-Identifier: Apache-2.0
// poetry.lock parser (TOML, read with toml++; format: https://python-poetry.org/docs/basic-usage/
// #installing-with-poetrylock). Rules follow osv-scalibr's poetrylock extractor: every
// [[package]] with a name and version is a package; `category = "dev"` (poetry < 1.2) or a
// `groups` list without "main" (poetry 2) -> group "dev" / the group names; `optional = true` ->
// "optional"; a git source's `resolved_reference` is the commit. Names are kept as written.
#include <toml++/toml.h>

#include "vuln/inventory/lang_lockfiles.h"
#include "vuln/inventory/lock_util.h"
#include "vuln/inventory/toml_util.h"

namespace sw::vuln {

bool is_poetry_lock(std::string_view path) { return lockutil::base_name(path) == "poetry.lock"; }

PackageList parse_poetry_lock(std::string_view text, const std::string& path) {
  PackageList out;
  auto root = tomlutil::parse(text, path, out);
  if (!root) return out;
  tomlutil::for_each_package(*root, path, out, [&](const toml::table& t, int line) {
    Package pkg;
    pkg.ecosystem = "PyPI";
    pkg.name = t["name"].value_or(std::string{});
    pkg.version = t["version"].value_or(std::string{});
    pkg.path = path;
    pkg.line = line;
    if (pkg.name.empty() || pkg.version.empty()) {
      out.errors.emplace_back(Errc::kParse, "[[package]] without name or version", path, line);
      return;
    }
    if (t["category"].value_or(std::string{}) == "dev") pkg.groups.emplace_back("dev");
    if (const auto* groups = t["groups"].as_array()) {
      bool main = false;
      std::vector<std::string> names;
      for (const auto& g : *groups) {
        auto s = g.value_or(std::string{});
        if (s == "main")
          main = true;
        else if (!s.empty())
          names.push_back(s);
      }
      if (!main) pkg.groups = names;
    }
    if (t["optional"].value_or(false)) pkg.groups.emplace_back("optional");
    if (const auto* source = t["source"].as_table()) {
      if ((*source)["type"].value_or(std::string{}) == "git") {
        pkg.commit = (*source)["resolved_reference"].value_or(std::string{});
      }
    }
    out.packages.push_back(std::move(pkg));
  });
  return out;
}

}  // namespace sw::vuln
