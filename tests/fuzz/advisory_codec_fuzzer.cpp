// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the store's advisory body decoder (vuln/store/codec.h): any bytes decode
// or fail cleanly, and whatever decodes re-encodes to a canonical form that round-trips exactly
// (the decoder accepts non-minimal varints a corrupted store could hold; the encoder never writes
// them, so the first re-encoding may differ from the input, the second may not). The same bytes
// go to the store's other reader of its own blobs, the name filter (vuln/store/name_filter.h).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "vuln/store/codec.h"
#include "vuln/store/name_filter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (auto filter = sw::vuln::NameFilter::from(bytes)) {
    (void)filter->may_contain("PyPI", bytes.substr(0, 16));
  }
  auto lean = sw::vuln::decode_advisory(bytes, sw::vuln::DecodeFields::kForMatching);
  auto a = sw::vuln::decode_advisory(bytes);
  if (static_cast<bool>(lean) != static_cast<bool>(a)) std::abort();
  if (!a) return 0;
  const std::string canonical = sw::vuln::encode_advisory(*a);
  auto again = sw::vuln::decode_advisory(canonical);
  if (!again || sw::vuln::encode_advisory(*again) != canonical) std::abort();
  return 0;
}
