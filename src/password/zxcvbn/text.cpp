// SPDX-License-Identifier: Apache-2.0
// JavaScript string semantics for the zxcvbn port (see text.h). Hand-written because no Debian
// library reproduces zxcvbn 4.4.2 faithfully (libzxcvbn 2.5 agrees on the score for only 72%).
#include "password/zxcvbn/text.h"

#include <cstdint>

#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include "core/utf8.h"

namespace sw::password::zxcvbn {

std::optional<std::u16string> utf8_to_utf16(std::string_view utf8) {
  std::u16string out;
  if (!utf8_to_utf16(utf8, out)) return std::nullopt;
  return out;
}

bool utf8_to_utf16(std::string_view utf8, std::u16string& out) {
  out.clear();
  out.reserve(utf8.size());
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const auto* end = p + utf8.size();
  while (p < end) {
    unsigned char b0 = *p;
    if (b0 < 0x80) {
      out.push_back(static_cast<char16_t>(b0));
      ++p;
      continue;
    }
    std::uint32_t cp = 0;
    int extra = 0;
    std::uint32_t min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      cp = b0 & 0x1Fu;
      extra = 1;
      min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      cp = b0 & 0x0Fu;
      extra = 2;
      min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      cp = b0 & 0x07u;
      extra = 3;
      min = 0x10000;
    } else {
      return false;
    }
    if (end - p <= extra) return false;
    for (int k = 1; k <= extra; ++k) {
      unsigned char b = p[k];
      if ((b & 0xC0u) != 0x80u) return false;
      cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += extra + 1;
    if (cp < 0x10000) {
      out.push_back(static_cast<char16_t>(cp));
    } else {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    }
  }
  return true;
}

void append_utf8(std::string& out, std::u16string_view s) {
  for (std::size_t k = 0; k < s.size(); ++k) {
    std::uint32_t cp = s[k];
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
      continue;
    }
    if (cp >= 0xD800 && cp <= 0xDBFF && k + 1 < s.size() && s[k + 1] >= 0xDC00 &&
        s[k + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (s[k + 1] - 0xDC00u);
      ++k;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    sw::append_utf8(out, cp);
  }
}

std::string utf16_to_utf8(std::u16string_view s) {
  std::string out;
  out.reserve(s.size());
  append_utf8(out, s);
  return out;
}

bool is_ascii(std::u16string_view s) {
  for (char16_t c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

void js_to_lower(std::u16string_view s, std::u16string& out) {
  if (is_ascii(s)) {
    std::size_t base = out.size();
    out.append(s);
    for (std::size_t k = base; k < out.size(); ++k) {
      if (is_upper(out[k])) out[k] = static_cast<char16_t>(out[k] + 32);
    }
    return;
  }
  std::size_t base = out.size();
  std::size_t cap = s.size() + 16;
  for (int attempt = 0; attempt < 2; ++attempt) {
    out.resize(base + cap);
    UErrorCode status = U_ZERO_ERROR;
    int32_t len = u_strToLower(out.data() + base, static_cast<int32_t>(cap), s.data(),
                               static_cast<int32_t>(s.size()), "", &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      cap = static_cast<std::size_t>(len);
      continue;
    }
    if (U_FAILURE(status)) break;
    out.resize(base + static_cast<std::size_t>(len));
    return;
  }
  out.resize(base);  // not reached for valid lengths; keep the input unchanged then
  out.append(s);
}

std::u16string js_to_lower(std::u16string_view s) {
  std::u16string out;
  out.reserve(s.size());
  js_to_lower(s, out);
  return out;
}

bool is_js_space(char16_t c) {
  switch (c) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

}  // namespace sw::password::zxcvbn
