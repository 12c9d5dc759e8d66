// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the private key classifier and the public key parsers
// (scan/facts/openssh_key.h): PEM/OpenSSH/PKCS#8/PuTTY text, and raw SSH public key blobs.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "scan/facts/openssh_key.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)sw::scan::classify_private_key(text);
  (void)sw::scan::parse_public_key_line(text);
  (void)sw::scan::parse_public_key_blob(std::span<const uint8_t>(data, size));
  (void)sw::scan::base64_decode(text);
  return 0;
}
