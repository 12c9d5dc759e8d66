// SPDX-License-Identifier: Apache-2.0
// SHA-1 comes from OpenSSL. MD4 (for NTLM) lives in OpenSSL 3's "legacy" provider, which a system
// may not ship or may disable in its openssl.cnf; we load it into a private library context (the
// process-wide default context stays untouched) and fall back to a hand-written RFC 1320 MD4 when
// that fails. MD4 is broken as a hash but it is what NTLM is; we only reproduce it.
#include "password/breach/hash.h"

#include <cstring>
#include <mutex>

#include <openssl/evp.h>
#include <openssl/provider.h>
#include <openssl/sha.h>

#include "password/secret_string.h"

namespace sw::password {

std::string_view hash_kind_name(HashKind kind) { return kind == HashKind::kSha1 ? "sha1" : "ntlm"; }

Digest sha1(std::string_view bytes) {
  Digest d{};
  SHA1(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), d.data());
  return d;
}

namespace detail {

namespace {

std::uint32_t rotl(std::uint32_t x, int s) { return (x << s) | (x >> (32 - s)); }

void md4_block(std::uint32_t state[4], const std::uint8_t* block) {
  std::uint32_t x[16];
  for (int word_idx = 0; word_idx < 16; ++word_idx) {
    const std::uint8_t* p = block + 4 * word_idx;
    x[word_idx] = std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 |
                  std::uint32_t{p[3]} << 24;
  }
  std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
  auto f = [](std::uint32_t u, std::uint32_t v, std::uint32_t w) { return (u & v) | (~u & w); };
  auto g = [](std::uint32_t u, std::uint32_t v, std::uint32_t w) {
    return (u & v) | (u & w) | (v & w);
  };
  auto h = [](std::uint32_t u, std::uint32_t v, std::uint32_t w) { return u ^ v ^ w; };
  static constexpr int kR1[4] = {3, 7, 11, 19};
  for (int i = 0; i < 16; ++i) {
    std::uint32_t t = rotl(a + f(b, c, d) + x[i], kR1[i % 4]);
    a = d, d = c, c = b, b = t;
  }
  static constexpr int kR2[4] = {3, 5, 9, 13};
  static constexpr int kOrder2[16] = {0, 4, 8, 12, 1, 5, 9, 13, 2, 6, 10, 14, 3, 7, 11, 15};
  for (int i = 0; i < 16; ++i) {
    std::uint32_t t = rotl(a + g(b, c, d) + x[kOrder2[i]] + 0x5A827999u, kR2[i % 4]);
    a = d, d = c, c = b, b = t;
  }
  static constexpr int kR3[4] = {3, 9, 11, 15};
  static constexpr int kOrder3[16] = {0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15};
  for (int i = 0; i < 16; ++i) {
    std::uint32_t t = rotl(a + h(b, c, d) + x[kOrder3[i]] + 0x6ED9EBA1u, kR3[i % 4]);
    a = d, d = c, c = b, b = t;
  }
  state[0] += a, state[1] += b, state[2] += c, state[3] += d;
  wipe(x, sizeof x);
}

}  // namespace

std::array<std::uint8_t, 16> md4_portable(std::string_view bytes) {
  std::uint32_t state[4] = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u};
  const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data());
  std::size_t n = bytes.size();
  while (n >= 64) {
    md4_block(state, p);
    p += 64, n -= 64;
  }
  std::uint8_t tail[128] = {};
  std::memcpy(tail, p, n);
  tail[n] = 0x80;
  const std::size_t tail_len = n + 9 <= 64 ? 64 : 128;
  const std::uint64_t bits = static_cast<std::uint64_t>(bytes.size()) * 8;
  for (int byte_idx = 0; byte_idx < 8; ++byte_idx) {
    tail[tail_len - 8 + byte_idx] = static_cast<std::uint8_t>(bits >> (8 * byte_idx));
  }
  for (std::size_t off = 0; off < tail_len; off += 64) md4_block(state, tail + off);
  wipe(tail, sizeof tail);
  std::array<std::uint8_t, 16> out{};
  for (int word_idx = 0; word_idx < 4; ++word_idx) {
    for (int byte_idx = 0; byte_idx < 4; ++byte_idx) {
      out[4 * word_idx + byte_idx] = static_cast<std::uint8_t>(state[word_idx] >> (8 * byte_idx));
    }
  }
  return out;
}

std::string utf8_to_utf16le(std::string_view s) {
  std::string out;
  out.reserve(s.size() * 2);
  auto put = [&out](std::uint32_t unit) {
    out.push_back(static_cast<char>(unit & 0xFF));
    out.push_back(static_cast<char>(unit >> 8));
  };
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<std::uint8_t>(s[i]);
    std::uint32_t cp = 0xFFFD;
    std::size_t len = 1;
    auto cont = [&](std::size_t k) {
      return i + k < s.size() && (static_cast<std::uint8_t>(s[i + k]) & 0xC0) == 0x80;
    };
    auto bits = [&](std::size_t k) { return static_cast<std::uint32_t>(s[i + k]) & 0x3F; };
    if (b0 < 0x80) {
      cp = b0;
    } else if (b0 >= 0xC2 && b0 < 0xE0 && cont(1)) {
      cp = (b0 & 0x1Fu) << 6 | bits(1), len = 2;
    } else if (b0 >= 0xE0 && b0 < 0xF0 && cont(1) && cont(2)) {
      const std::uint32_t v = (b0 & 0x0Fu) << 12 | bits(1) << 6 | bits(2);
      if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) cp = v, len = 3;
    } else if (b0 >= 0xF0 && b0 < 0xF5 && cont(1) && cont(2) && cont(3)) {
      const std::uint32_t v = (b0 & 0x07u) << 18 | bits(1) << 12 | bits(2) << 6 | bits(3);
      if (v >= 0x10000 && v <= 0x10FFFF) cp = v, len = 4;
    }
    if (cp >= 0x10000) {
      put(0xD800 + ((cp - 0x10000) >> 10));
      put(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      put(cp);
    }
    i += len;
  }
  return out;
}

}  // namespace detail

namespace {

// MD4 from OpenSSL's legacy provider in a private library context, or nullptr when unavailable.
// Loaded once; the context and the fetched EVP_MD live for the whole process (never freed: other
// threads may be hashing at exit).
const EVP_MD* legacy_md4() {
  static const EVP_MD* md = [] {
    OSSL_LIB_CTX* ctx = OSSL_LIB_CTX_new();
    if (ctx == nullptr) return static_cast<EVP_MD*>(nullptr);
    if (OSSL_PROVIDER_load(ctx, "legacy") == nullptr ||
        OSSL_PROVIDER_load(ctx, "default") == nullptr) {
      return static_cast<EVP_MD*>(nullptr);
    }
    return EVP_MD_fetch(ctx, "MD4", nullptr);
  }();
  return md;
}

}  // namespace

Digest ntlm(std::string_view utf8) {
  std::string utf16 = detail::utf8_to_utf16le(utf8);
  Digest d{};
  unsigned int len = 0;
  const EVP_MD* md = legacy_md4();
  if (md == nullptr || EVP_Digest(utf16.data(), utf16.size(), d.data(), &len, md, nullptr) != 1 ||
      len != 16) {
    const auto portable = detail::md4_portable(utf16);
    d.fill(0);
    std::memcpy(d.data(), portable.data(), portable.size());
  }
  wipe(utf16);
  return d;
}

Digest hash_password(HashKind kind, std::string_view password) {
  return kind == HashKind::kSha1 ? sha1(password) : ntlm(password);
}

std::string to_hex(const Digest& digest, HashKind kind) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(2 * digest_size(kind));
  for (std::size_t i = 0; i < digest_size(kind); ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 0xF]);
  }
  return out;
}

std::optional<Digest> parse_hex(std::string_view hex, HashKind kind) {
  if (hex.size() != 2 * digest_size(kind)) return std::nullopt;
  Digest d{};
  for (std::size_t i = 0; i < hex.size(); ++i) {
    const char c = hex[i];
    int v = 0;
    if (c >= '0' && c <= '9') {
      v = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      v = c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
      v = c - 'A' + 10;
    } else {
      return std::nullopt;
    }
    d[i / 2] = static_cast<std::uint8_t>(d[i / 2] << 4 | v);
  }
  return d;
}

}  // namespace sw::password
