// SPDX-License-Identifier: Apache-2.0
// uv.lock parser (TOML, read with toml++; https://docs.astral.sh/uv/concepts/projects/layout/
// #the-lockfile). Rules follow osv-scalibr's uvlock extractor: every [[package]] is a package,
// except the project itself and other local projects (`source = { virtual = ... }` or
// `{ editable = ... }`), which are not published; a git source's commit comes from the URL
// fragment ("git = 'https://...#<sha>'"). Dependency groups are not derived (uv records them only
// as edges from the root package), so packages get no group.
#include <toml++/toml.h>

#include "vuln/inventory/lang_lockfiles.h"
#include "vuln/inventory/lock_util.h"
#include "vuln/inventory/toml_util.h"

namespace sw::vuln {

bool is_uv_lock(std::string_view path) { return lockutil::base_name(path) == "uv.lock"; }

PackageList parse_uv_lock(std::string_view text, const std::string& path) {
  PackageList out;
  auto root = tomlutil::parse(text, path, out);
  if (!root) return out;
  tomlutil::for_each_package(*root, path, out, [&](const toml::table& t, int line) {
    const auto* source = t["source"].as_table();
    if (source && (source->contains("virtual") || source->contains("editable"))) return;
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
    if (source) pkg.commit = lockutil::commit_from_url((*source)["git"].value_or(std::string{}));
    out.packages.push_back(std::move(pkg));
  });
  return out;
}

}  // namespace sw::vuln
