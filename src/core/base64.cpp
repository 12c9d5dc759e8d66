// SPDX-License-Identifier: Apache-2.0
// Base64 over OpenSSL's EVP_DecodeBlock (see base64.h).
#include "core/base64.h"

#include <vector>

#include <openssl/evp.h>

namespace sw {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

bool is_std_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/';
}

// `clean` holds only alphabet characters (no padding). Adds the padding EVP_DecodeBlock needs.
std::optional<std::string> decode_clean(std::string clean) {
  const std::size_t rem = clean.size() % 4;
  if (rem == 1) return std::nullopt;
  const std::size_t pad = rem == 0 ? 0 : 4 - rem;
  clean.append(pad, '=');
  if (clean.empty()) return std::string();
  std::vector<unsigned char> out(clean.size() / 4 * 3 + 1);
  const int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(clean.data()),
                                static_cast<int>(clean.size()));
  if (n < 0 || static_cast<std::size_t>(n) < pad) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(out.data()), static_cast<std::size_t>(n) - pad);
}

}  // namespace

std::optional<std::string> base64_decode_std(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  std::size_t padding = 0;
  for (const char c : text) {
    if (is_space(c)) continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    if (padding != 0 || !is_std_char(c)) return std::nullopt;  // data after padding, or bad char
    clean.push_back(c);
  }
  if (padding > 2 || (padding != 0 && clean.empty())) return std::nullopt;
  return decode_clean(std::move(clean));
}

std::optional<std::string> base64_decode_url(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  std::size_t padding = 0;
  for (const char c : text) {
    if (c == '=') {
      ++padding;
      continue;
    }
    if (padding != 0) return std::nullopt;
    if (c == '-') {
      clean.push_back('+');
    } else if (c == '_') {
      clean.push_back('/');
    } else if (c == '+' || c == '/' || !is_std_char(c)) {
      return std::nullopt;
    } else {
      clean.push_back(c);
    }
  }
  if (padding > 2 || (padding != 0 && clean.empty())) return std::nullopt;
  return decode_clean(std::move(clean));
}

}  // namespace sw
