// SPDX-License-Identifier: Apache-2.0
// Small text helpers shared by the lockfile parsers (inventory/lock_*.cpp): byte offset -> line,
// and locating a JSON member in the raw text so a package from a JSON document gets the line
// of its entry (the JSON libraries we link do not report positions).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sw::vuln {

// 1-based line of byte `offset` in `text`.
int line_at(std::string_view text, size_t offset);

// Offset of the next `"key"` (followed by optional blanks and ':') at or after `from` whose value
// is the JSON string `value` (compared unescaped for plain ASCII names); npos when none.
size_t find_json_member(std::string_view text, size_t from, std::string_view key,
                        std::string_view value);

// Offset of the next `"key"` followed by optional blanks and ':' at or after `from`; npos when
// none.
size_t find_json_key(std::string_view text, size_t from, std::string_view key);

}  // namespace sw::vuln
