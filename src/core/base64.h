// SPDX-License-Identifier: Apache-2.0
// Base64 decoding, one for the whole program (secret validators, SSH keys, phishing links): the
// standard alphabet (RFC 4648 section 4, PEM and OpenSSH bodies, whitespace ignored) and the
// URL-safe one (section 5, JWTs, no padding). Decoding itself is OpenSSL's EVP_DecodeBlock; this
// only maps the URL alphabet, restores the padding OpenSSL requires and removes the bytes it
// returns for that padding.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sw {

// Standard alphabet; ASCII whitespace anywhere is skipped; '=' padding optional at the end.
// nullopt on any other character or an impossible length.
std::optional<std::string> base64_decode_std(std::string_view text);

// URL-safe alphabet ('-' and '_'), no whitespace; '=' padding tolerated at the end.
std::optional<std::string> base64_decode_url(std::string_view text);

}  // namespace sw
