// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the store's advisory body decoder (vuln/store/codec.h): any bytes decode
// or fail cleanly, and whatever decodes re-encodes to a canonical form that round-trips exactly
// (the decoder accepts non-minimal varints a corrupted store could hold; the encoder never writes
// them, so the first re-encoding may differ from the input, the second may not).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "vuln/store/codec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto a = sw::vuln::decode_advisory(bytes);
  if (!a) return 0;
  const std::string canonical = sw::vuln::encode_advisory(*a);
  auto again = sw::vuln::decode_advisory(canonical);
  if (!again || sw::vuln::encode_advisory(*again) != canonical) std::abort();
  return 0;
}
