// SPDX-License-Identifier: Apache-2.0
// Whether the first bytes of a file say it is binary, so the secret scanner skips it: a NUL byte
// in the first 8000 bytes (the test git's buffer_is_binary() and ripgrep apply), or the magic
// number of a compressed, image, audio/video, font, document or executable format whose header
// can be free of NUL bytes. Invalid UTF-8 alone does NOT make a file binary: it is scanned.
// Hand-written because the test is a few comparisons; libmagic would be a new dependency and
// classifies far more than this needs.
#pragma once

#include <cstddef>
#include <string_view>

namespace sw::secrets {

// How many leading bytes looks_binary() examines for a NUL (git's FIRST_FEW_BYTES).
inline constexpr size_t kBinarySniffBytes = 8000;

// `head` is the start of the file (any length; at most kBinarySniffBytes are examined for NULs).
bool looks_binary(std::string_view head);

}  // namespace sw::secrets
