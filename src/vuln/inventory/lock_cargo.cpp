// SPDX-License-Identifier: Apache-2.0
// Cargo.lock (all lockfile versions 1-4): every [[package]] table with name and version
// (doc.rust-lang.org/cargo/guide/cargo-toml-vs-cargo-lock.html; cargo's
// src/cargo/core/resolver/encode.rs). Parsed with toml++. As osv-scalibr's cargolock extractor
// (extractor/filesystem/language/rust/cargolock) does, packages without `source` (the workspace's
// own path crates) are listed too; a `git+URL#SHA` source gives the commit. Ecosystem crates.io.
#include <cctype>

#include <toml++/toml.h>

#include "core/host.h"
#include "vuln/inventory/lock_formats_more.h"
#include "vuln/inventory/toml_util.h"

namespace sw::vuln {
namespace {

// toml++ 3.3.0 (Debian 12) asserts -- and in release builds assumes -- that a table header's
// "[" is followed by a key character ("[@" aborts a debug build; undefined behaviour otherwise).
// Such a line is invalid TOML: report it ourselves before handing the text to toml++. (A
// multi-line string holding such a line would be rejected too; Cargo.lock never has one.)
int bad_table_header_line(std::string_view text) {
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (!line.starts_with('[')) continue;
    size_t i = line.starts_with("[[") ? 2 : 1;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) return n;
    char c = line[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '"' ||
          c == '\'' || static_cast<unsigned char>(c) >= 0x80)) {
      return n;
    }
  }
  return 0;
}

}  // namespace

std::string_view lock_base_name(std::string_view path) {
  auto slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool is_cargo_lock(std::string_view path) { return lock_base_name(path) == "Cargo.lock"; }

PackageList parse_cargo_lock(std::string_view text, const std::string& path) {
  PackageList out;
  if (int line = bad_table_header_line(text); line != 0) {
    out.errors.emplace_back(Errc::kParse, "table header without a key", path, line);
    return out;
  }
  auto parsed = tomlutil::parse(text, path, out);
  if (!parsed) return out;
  const toml::table& doc = *parsed;
  const toml::node* packages = doc.get("package");
  if (packages == nullptr) return out;
  const toml::array* array = packages->as_array();
  if (array == nullptr) {
    out.errors.emplace_back(Errc::kParse, "\"package\" is not an array of tables", path,
                            static_cast<int>(packages->source().begin.line));
    return out;
  }
  for (const auto& node : *array) {
    int line = static_cast<int>(node.source().begin.line);
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      out.errors.emplace_back(Errc::kParse, "[[package]] entry is not a table", path, line);
      continue;
    }
    auto name = (*table)["name"].value<std::string>();
    auto version = (*table)["version"].value<std::string>();
    if (!name || name->empty() || !version || version->empty()) {
      out.errors.emplace_back(Errc::kParse, "[[package]] without a string name and version", path,
                              line);
      continue;
    }
    Package p;
    p.ecosystem = "crates.io";
    p.name = *name;
    p.version = *version;
    p.path = path;
    p.line = line;
    if (auto source = (*table)["source"].value<std::string>();
        source && source->starts_with("git+")) {
      auto hash = source->rfind('#');
      if (hash != std::string::npos) p.commit = source->substr(hash + 1);
    }
    out.packages.push_back(std::move(p));
  }
  return out;
}

}  // namespace sw::vuln
