// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the RFC 3339 reader (vuln/store/clock.h), which reads `modified` stamps of
// downloaded advisories and the store's own timestamps.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vuln/store/clock.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)sw::vuln::parse_rfc3339(text);
  size_t half = size / 2;
  (void)sw::vuln::compare_modified(text.substr(0, half), text.substr(half));
  return 0;
}
