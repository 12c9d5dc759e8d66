// SPDX-License-Identifier: Apache-2.0
// Go-compatible UTF-8 validation and U+FFFD substitution (see utf8.h).
#include "secrets/engine/utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace sw::secrets::engine {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

bool is_cont(std::string_view s, size_t k) {
  return k < s.size() && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80;
}

// Length of the valid sequence at `i` (whose first byte is >= 0x80), or 0 if Go would read an
// invalid byte there.
size_t valid_sequence(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 >= 0xC2 && b0 <= 0xDF) return is_cont(s, i + 1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!is_cont(s, i + 1) || !is_cont(s, i + 2)) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b0 == 0xE0 && b1 < 0xA0) return 0;  // overlong
    if (b0 == 0xED && b1 > 0x9F) return 0;  // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!is_cont(s, i + 1) || !is_cont(s, i + 2) || !is_cont(s, i + 3)) return 0;
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (b0 == 0xF0 && b1 < 0x90) return 0;  // overlong
    if (b0 == 0xF4 && b1 > 0x8F) return 0;  // past U+10FFFF
    return 4;
  }
  return 0;
}

// Offset of the first byte >= 0x80 at or after `i`.
size_t skip_ascii(std::string_view s, size_t i) {
  const size_t n = s.size();
  while (i + 8 <= n) {
    uint64_t word = 0;
    std::memcpy(&word, s.data() + i, 8);
    if ((word & 0x8080808080808080ULL) != 0) break;
    i += 8;
  }
  while (i < n && static_cast<unsigned char>(s[i]) < 0x80) ++i;
  return i;
}

}  // namespace

bool valid_utf8(std::string_view text) {
  size_t i = 0;
  while (true) {
    i = skip_ascii(text, i);
    if (i >= text.size()) return true;
    const size_t len = valid_sequence(text, i);
    if (len == 0) return false;
    i += len;
  }
}

size_t go_rune_width(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  if (static_cast<unsigned char>(text[pos]) < 0x80) return 1;
  const size_t len = valid_sequence(text, pos);
  return len == 0 ? 1 : len;
}

void GoText::assign(std::string_view original) {
  original_ = original;
  invalid_.clear();
  copied_ = false;
  size_t i = 0;
  while (true) {
    i = skip_ascii(original, i);
    if (i >= original.size()) break;
    const size_t len = valid_sequence(original, i);
    if (len == 0) {
      invalid_.push_back(i);
      ++i;
    } else {
      i += len;
    }
  }
  if (invalid_.empty()) return;
  copied_ = true;
  buffer_.clear();
  buffer_.reserve(original.size() + 2 * invalid_.size());
  size_t from = 0;
  for (size_t bad : invalid_) {
    buffer_.append(original.substr(from, bad - from));
    buffer_.append(kReplacement);
    from = bad + 1;
  }
  buffer_.append(original.substr(from));
}

size_t GoText::to_copy(size_t original_offset) const {
  if (!copied_) return original_offset;
  const auto before = static_cast<size_t>(
      std::lower_bound(invalid_.begin(), invalid_.end(), original_offset) - invalid_.begin());
  return original_offset + 2 * before;
}

size_t GoText::to_original(size_t copy_offset) const {
  if (!copied_) return copy_offset;
  // The k-th replaced byte starts at invalid_[k] + 2k in the copy; find how many start before.
  size_t lo = 0;
  size_t hi = invalid_.size();
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    if (invalid_[mid] + 2 * mid < copy_offset) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  // `lo` replacements start before copy_offset; if copy_offset is inside the last one, clamp.
  if (lo > 0) {
    const size_t start = invalid_[lo - 1] + 2 * (lo - 1);
    if (copy_offset < start + 3) return invalid_[lo - 1] + (copy_offset > start ? 1 : 0);
  }
  return copy_offset - 2 * lo;
}

}  // namespace sw::secrets::engine
