// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the store's advisory body decoder (vuln/store/codec.h): any bytes decode
// or fail cleanly, and whatever decodes re-encodes to the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "vuln/store/codec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto a = sw::vuln::decode_advisory(bytes);
  if (a && sw::vuln::encode_advisory(*a) != bytes) std::abort();
  return 0;
}
