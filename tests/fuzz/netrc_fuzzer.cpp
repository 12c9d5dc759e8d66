// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the netrc parser (scan/facts/credential_files.h).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "scan/facts/credential_files.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)sw::scan::parse_netrc(text, "/fuzz");
  return 0;
}
