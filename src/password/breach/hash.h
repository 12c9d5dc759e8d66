// SPDX-License-Identifier: Apache-2.0
// The two hashes Have I Been Pwned publishes Pwned Passwords in: SHA-1 of the UTF-8 bytes, and the
// NTLM hash (MD4 of the UTF-16LE encoding, what Windows stores). A Digest always has 20 bytes; an
// NTLM digest uses the first 16 and keeps the last 4 zero (digest_size() says how many count).
// Hashes of passwords are as sensitive as the passwords: callers never print a full one.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sw::password {

enum class HashKind : std::uint8_t { kSha1 = 0, kNtlm = 1 };

using Digest = std::array<std::uint8_t, 20>;

// 20 for SHA-1, 16 for NTLM.
constexpr std::size_t digest_size(HashKind kind) { return kind == HashKind::kSha1 ? 20 : 16; }
// "sha1" / "ntlm".
std::string_view hash_kind_name(HashKind kind);

Digest sha1(std::string_view bytes);
// MD4 over the UTF-16LE encoding of `utf8`. Invalid UTF-8 bytes become U+FFFD each (the password
// cannot have been typed on Windows as such, so any fixed choice is as good; this one is stable).
Digest ntlm(std::string_view utf8);
Digest hash_password(HashKind kind, std::string_view password);

// Upper-case hex of the digest_size(kind) significant bytes.
std::string to_hex(const Digest& digest, HashKind kind);
// Exactly 2 * digest_size(kind) hex digits, either case; nullopt otherwise.
std::optional<Digest> parse_hex(std::string_view hex, HashKind kind);

namespace detail {
// The hand-written MD4 (RFC 1320) used when OpenSSL's legacy provider cannot be loaded; exposed so
// the tests check it against the same vectors.
std::array<std::uint8_t, 16> md4_portable(std::string_view bytes);
// The UTF-16LE bytes NTLM hashes (see ntlm()).
std::string utf8_to_utf16le(std::string_view utf8);
}  // namespace detail

}  // namespace sw::password
