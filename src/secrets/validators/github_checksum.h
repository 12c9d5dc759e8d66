// SPDX-License-Identifier: Apache-2.0
// Offline check of GitHub's token formats (github.blog, 2021-04-05, "Behind GitHub's new
// authentication token formats"): a prefix naming the kind (ghp_ personal, gho_ OAuth, ghu_
// user-to-server, ghs_ server-to-server, ghr_ refresh), 30 random base62 characters, then the
// CRC-32 of those 30 characters written in base62 (alphabet 0-9A-Za-z) and left-padded with '0'
// to 6 characters. The alphabet and the checksummed span were confirmed on a token published as a
// test example by noseyparker (see tests/secrets/validators_test.cpp).
//
// ghr_ tokens also exist in a 76-character form that carries no checksum we know of, and
// fine-grained personal tokens (github_pat_ + 22 + '_' + 59 base62/underscore characters) carry
// none that is documented: both are kUnknown when well-formed, kInvalid when they are not.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "secrets/validators.h"

namespace sw::secrets {

// The 6-character base62 checksum GitHub appends to `random` (the 30 characters after the prefix).
std::string github_token_checksum(std::string_view random);

Validity check_github_token(std::string_view secret);

}  // namespace sw::secrets
