// SPDX-License-Identifier: Apache-2.0
// Text helpers for the lockfile parsers (see lockfile_text.h).
#include "vuln/inventory/lockfile_text.h"

#include <algorithm>
#include <cctype>

namespace sw::vuln {
namespace {

size_t skip_blanks(std::string_view text, size_t pos) {
  while (pos < text.size() && std::isspace(static_cast<unsigned char>(text[pos]))) ++pos;
  return pos;
}

}  // namespace

int line_at(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

size_t find_json_key(std::string_view text, size_t from, std::string_view key) {
  std::string quoted = "\"" + std::string(key) + "\"";
  while (from < text.size()) {
    auto pos = text.find(quoted, from);
    if (pos == std::string_view::npos) return pos;
    auto after = skip_blanks(text, pos + quoted.size());
    if (after < text.size() && text[after] == ':') return pos;
    from = pos + 1;
  }
  return std::string_view::npos;
}

size_t find_json_member(std::string_view text, size_t from, std::string_view key,
                        std::string_view value) {
  std::string quoted = "\"" + std::string(value) + "\"";
  while (from < text.size()) {
    auto pos = find_json_key(text, from, key);
    if (pos == std::string_view::npos) return pos;
    auto colon = text.find(':', pos + key.size() + 2);
    auto v = skip_blanks(text, colon + 1);
    if (text.substr(v, quoted.size()) == quoted) return pos;
    from = pos + 1;
  }
  return std::string_view::npos;
}

}  // namespace sw::vuln
