// SPDX-License-Identifier: Apache-2.0
// toml++ helpers for the TOML lockfiles (poetry.lock, uv.lock): parse without letting an exception
// out, and visit each [[package]] table with its line. Internal to inventory/.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "core/toml_parse.h"
#include "vuln/inventory/package.h"

namespace sw::vuln::tomlutil {

// The document, or nullopt with a kParse error (file and line) added to `out`.
inline std::optional<toml::table> parse(std::string_view text, const std::string& path,
                                        PackageList& out) {
  auto doc = parse_toml(text, path, Errc::kParse, "invalid TOML: ");
  if (doc) return std::move(*doc);
  out.errors.push_back(doc.error());
  return std::nullopt;
}

// Calls fn(table, line) for every table of the top-level `package` array; a non-table element is
// reported and skipped.
template <typename Fn>
void for_each_package(const toml::table& root, const std::string& path, PackageList& out, Fn fn) {
  const auto* arr = root["package"].as_array();
  if (!arr) return;
  for (const auto& node : *arr) {
    int line = static_cast<int>(node.source().begin.line);
    const auto* t = node.as_table();
    if (!t) {
      out.errors.emplace_back(Errc::kParse, "`package` element is not a table", path, line);
      continue;
    }
    try {
      fn(*t, line);
    } catch (const std::exception& e) {
      out.errors.emplace_back(Errc::kParse, e.what(), path, line);
    }
  }
}

}  // namespace sw::vuln::tomlutil
