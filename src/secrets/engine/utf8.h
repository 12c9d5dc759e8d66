// SPDX-License-Identifier: Apache-2.0
// Go's view of invalid UTF-8, for RE2. Go's regexp reads each byte of an invalid sequence as one
// U+FFFD code point (utf8.DecodeRuneInString: bad lead byte, truncated, overlong, surrogate or
// past U+10FFFF -> U+FFFD, width 1); RE2 in UTF-8 mode matches such a byte with nothing, not even
// `.`. So a fragment holding invalid UTF-8 is copied with each invalid byte replaced by the three
// bytes of U+FFFD, RE2 runs on the copy, and offsets are mapped back to the original bytes.
//
// Hand-written: a byte-exact replica of Go's decoding rules is needed (the same rules as
// entropy.cpp), which no library on the machine offers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sw::secrets::engine {

// Whether `text` is valid UTF-8 by Go's rules (fast path over ASCII).
bool valid_utf8(std::string_view text);

// The U+FFFD-substituted copy of a text and the mapping between its offsets and the original's.
class GoText {
 public:
  // Resets to `original`. When it is valid UTF-8 no copy is made and offsets are the identity.
  void assign(std::string_view original);

  std::string_view text() const { return copied_ ? std::string_view(buffer_) : original_; }
  bool copied() const { return copied_; }

  size_t to_copy(size_t original_offset) const;  // original -> copy offset
  size_t to_original(size_t copy_offset) const;  // copy -> original (inside U+FFFD: its byte)

 private:
  std::string_view original_;
  std::string buffer_;
  std::vector<size_t> invalid_;  // original offsets of the replaced bytes, ascending
  bool copied_ = false;
};

// Width in bytes of the code point at `pos` as Go steps over it (1 for an invalid byte).
size_t go_rune_width(std::string_view text, size_t pos);

}  // namespace sw::secrets::engine
