// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the language lockfile parsers (internal to inventory/): file-name tests,
// commit extraction from VCS URLs, and line lookup for JSON keys (the JSON libraries we use do
// not report source positions, so the parsers find an entry's line by scanning the text for the
// key as it is written: `"<key>" : {`).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "vuln/inventory/package.h"

namespace sw::vuln::lockutil {

// The last path component ("a/b/yarn.lock" -> "yarn.lock").
std::string_view base_name(std::string_view path);
// The directory part without the trailing '/' ("a/b/c" -> "a/b", "c" -> "").
std::string_view dir_name(std::string_view path);

// A 40-hex git commit (or a shorter hex id of >= 7 digits when `allow_short`) at the end of a
// resolved URL: after '#', '#commit=', '#commit:', '/tar.gz/', '?ref=' or a final '/'. Empty when
// none.
std::string commit_from_url(std::string_view url);
bool is_hex(std::string_view s);

// "entry \"KEY\" is not an object" (for error messages).
std::string not_object(std::string_view key);

// 1-based line of byte `offset` in `text`.
int line_at(std::string_view text, size_t offset);

// Parses a lockfile that must be one JSON object (file order kept). On failure appends one error
// naming `path` and the line ("invalid JSON: ...", or "<what> is not a JSON object") and returns
// nullopt.
std::optional<nlohmann::ordered_json> parse_json_object(std::string_view text,
                                                        const std::string& path,
                                                        std::string_view what,
                                                        std::vector<Error>& errors);

// Loads a lockfile that must be one YAML mapping and hands it to `parse`. An empty document gives
// an empty list; anything else that is not a mapping, and every yaml-cpp exception (from the
// parser or from `parse`'s reads of the tree), becomes one error naming `path` and the line.
PackageList parse_yaml_map(std::string_view text, const std::string& path, std::string_view what,
                           const std::function<PackageList(const YAML::Node&)>& parse);

// Every `"<key>"` followed by ':' and then '{' in a JSON text, with its line, in text order.
class JsonKeyLines {
 public:
  explicit JsonKeyLines(std::string_view text);
  // Line of the first object-valued key `key` on or after line `after`; 0 when not found.
  int find(std::string_view key, int after = 0) const;
  // Same for a key with any value (used to place errors about non-object entries).
  int find_any(std::string_view key, int after = 0) const;

 private:
  std::map<std::string, std::vector<int>, std::less<>> lines_;
  std::map<std::string, std::vector<int>, std::less<>> any_lines_;
};

// Appends a package, or merges its groups into an earlier one with the same name and version
// (or commit): a package reachable both as dev and prod is production (no groups).
void add_dedup(PackageList& out, Package pkg);

}  // namespace sw::vuln::lockutil
