// SPDX-License-Identifier: Apache-2.0
// CRC-32 as zlib, PNG and Ethernet define it (IEEE 802.3: reflected polynomial 0xEDB88320,
// initial value and final XOR 0xFFFFFFFF; crc32("123456789") = 0xCBF43926). GitHub's token
// checksums use it.
//
// Hand-written, table-driven: sw_secrets does not link zlib (libgit2 uses it privately) and
// OpenSSL 3 has no CRC-32, so a 30-line function beats adding a dependency for it.
#pragma once

#include <cstdint>
#include <string_view>

namespace sw::secrets {

std::uint32_t crc32_ieee(std::string_view data);

}  // namespace sw::secrets
