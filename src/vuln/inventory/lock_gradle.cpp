// SPDX-License-Identifier: Apache-2.0
// Gradle dependency lock files (docs.gradle.org/current/userguide/dependency_locking.html):
// gradle.lockfile and buildscript-gradle.lockfile, one `group:artifact:version=conf1,conf2` line
// per locked module, `#` comments, and the `empty=conf,...` line listing configurations without
// dependencies. Reported as "group:artifact" in ecosystem Maven (Gradle resolves from Maven
// repositories). A line of another shape is reported and skipped. Hand-written: line format.
#include "core/host.h"
#include "vuln/inventory/lock_formats_more.h"

namespace sw::vuln {

bool is_gradle_lockfile(std::string_view path) {
  auto base = lock_base_name(path);
  return base == "gradle.lockfile" || base == "buildscript-gradle.lockfile";
}

PackageList parse_gradle_lockfile(std::string_view text, const std::string& path) {
  PackageList out;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (line.empty() || line.starts_with('#') || line.starts_with("empty=")) continue;
    auto eq = line.find('=');
    auto coords = line.substr(0, eq);
    auto c1 = coords.find(':');
    auto c2 = c1 == std::string_view::npos ? c1 : coords.find(':', c1 + 1);
    if (c2 == std::string_view::npos || coords.find(':', c2 + 1) != std::string_view::npos ||
        c1 == 0 || c2 == c1 + 1 || c2 + 1 == coords.size()) {
      out.errors.emplace_back(Errc::kParse, "not a \"group:artifact:version=configurations\" line",
                              path, n);
      continue;
    }
    Package p;
    p.ecosystem = "Maven";
    p.name = std::string(coords.substr(0, c2));
    p.version = std::string(trim(coords.substr(c2 + 1)));
    p.path = path;
    p.line = n;
    out.packages.push_back(std::move(p));
  }
  return out;
}

}  // namespace sw::vuln
