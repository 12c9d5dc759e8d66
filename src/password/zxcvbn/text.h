// SPDX-License-Identifier: Apache-2.0
// JavaScript string semantics for the zxcvbn port: UTF-8 <-> UTF-16 (JS strings are UTF-16 code
// units, and zxcvbn's positions, lengths and deltas are code units), String.prototype.toLowerCase
// (full Unicode case mapping, locale-independent: ICU's root-locale mapping, which V8 uses too) and
// the character classes of JS regular expressions (\s, the line terminators `.` does not match).
// Hand-written because no Debian library reproduces zxcvbn 4.4.2 faithfully (libzxcvbn 2.5 agrees
// on the score for only 72%).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sw::password::zxcvbn {

// Strict UTF-8 (no overlongs, no encoded surrogates, <= U+10FFFF) to UTF-16; nullopt if invalid.
std::optional<std::u16string> utf8_to_utf16(std::string_view utf8);
bool utf8_to_utf16(std::string_view utf8,
                   std::u16string& out);  // into out (cleared); false if invalid
// UTF-16 to UTF-8; a lone surrogate (a slice through an emoji) becomes U+FFFD.
std::string utf16_to_utf8(std::u16string_view s);
void append_utf8(std::string& out, std::u16string_view s);

bool is_ascii(std::u16string_view s);
// JS toLowerCase(), appended to `out` (ASCII fast path, ICU otherwise).
void js_to_lower(std::u16string_view s, std::u16string& out);
std::u16string js_to_lower(std::u16string_view s);

// JS regex \s (WhiteSpace and LineTerminator code units).
bool is_js_space(char16_t c);
// Code units that `.` does not match without the s flag.
inline bool is_line_terminator(char16_t c) {
  return c == u'\n' || c == u'\r' || c == 0x2028 || c == 0x2029;
}
inline bool is_digit(char16_t c) { return c >= u'0' && c <= u'9'; }
inline bool is_lower(char16_t c) { return c >= u'a' && c <= u'z'; }
inline bool is_upper(char16_t c) { return c >= u'A' && c <= u'Z'; }

}  // namespace sw::password::zxcvbn
