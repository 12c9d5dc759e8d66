// SPDX-License-Identifier: Apache-2.0
// Small helpers shared by the importers that turn other tools' output into model items
// (import_sharphound.cpp, import_report.cpp): the id syntax of the model (spec 2.2, "Field
// rules": `[A-Za-z0-9._:/-]+`), reading a whole file with a size bound, and "add an item unless
// one with that id is already there".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace sw::graph::import {

// True when `id` is a valid model id.
bool valid_id(std::string_view id);

// `raw` made a valid id: every character outside [A-Za-z0-9._:/-] becomes '_'; empty gives "_".
// Deterministic, so the same SID or host name always gives the same id.
std::string make_id(std::string_view raw);

// Reads a whole regular file of at most `max_bytes` bytes. Errors name the path.
Result<std::string> read_whole(const std::string& path, std::size_t max_bytes);

// Index of the item with this id in `items`, or -1. Linear; callers keep their own maps for bulk.
template <class T>
std::ptrdiff_t index_of(const std::vector<T>& items, std::string_view id) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id) return static_cast<std::ptrdiff_t>(i);
  }
  return -1;
}

// 1 GiB: the largest single input file an importer reads into memory.
inline constexpr std::size_t kMaxImportBytes = std::size_t{1} << 30;

}  // namespace sw::graph::import
