// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the vulnerability ignore file (TOML).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vuln/ignore.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)sw::vuln::parse_ignore_file(text, "ignore.toml");
  return 0;
}
