// SPDX-License-Identifier: Apache-2.0
// The first stage of reading a model file (../shared/specs/graph.md, 2.2): JSON or YAML bytes to
// one internal form, an nlohmann::json document plus the line of every item of the top-level
// arrays, so that one reader (model_io.cpp) serves both formats and errors can name lines.
// Internal to sw_graph.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/result.h"

namespace sw::graph::detail {

// Limits that keep hostile input from hanging or exhausting us.
inline constexpr std::size_t kMaxModelBytes = std::size_t{1} << 30;  // 1 GiB per file
inline constexpr std::size_t kMaxDepth = 64;                         // nesting of arrays/maps
inline constexpr std::size_t kMaxYamlDocuments = 4096;

struct ModelDoc {
  nlohmann::json root;  // the document (an object for a model; checked by the caller)
  int line = 0;         // where the document starts (1-based; 0 unknown)
  // Per top-level key: the line of the key, and the line of each item of its array value.
  std::map<std::string, int> key_lines;
  std::map<std::string, std::vector<int>> item_lines;

  int item_line(const std::string& key, std::size_t index) const;  // 0 when unknown
  int key_line(const std::string& key) const;                      // 0 when unknown
};

// True when the bytes should be read as YAML: by the name's extension (.yaml/.yml -> YAML,
// .json -> JSON), else by content (a first non-blank character other than '{' -> YAML).
bool is_yaml(std::string_view name, std::string_view text);

// One JSON document. Errors (malformed JSON, nesting deeper than kMaxDepth) name `origin` and,
// where known, the line.
Result<ModelDoc> parse_json_doc(std::string_view text, const std::string& origin);
// The pre-scan alone (item lines and the depth limit), `root` left null: for a reader that parses
// the JSON itself (model_io.cpp reads large files with simdjson).
Result<ModelDoc> scan_json_doc(std::string_view text, const std::string& origin);

// Every document of a YAML 1.2 stream (core schema: plain `null`/`~`/empty are null, true/false
// booleans, numbers numbers, everything else and all quoted scalars strings). Aliases are expanded
// within a budget proportional to the input; merge keys (`<<`) are applied.
Result<std::vector<ModelDoc>> parse_yaml_docs(std::string_view text, const std::string& origin);

}  // namespace sw::graph::detail
