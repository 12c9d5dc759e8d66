// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the APT sources parsers (one-line and deb822).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "scan/facts/apt_sources.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<sw::Error> errors;
  (void)sw::scan::parse_sources_list(text, "/etc/apt/sources.list", errors);
  (void)sw::scan::parse_deb822_sources(text, "/etc/apt/sources.list.d/x.sources", errors);
  return 0;
}
