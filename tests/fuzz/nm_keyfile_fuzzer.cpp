// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the NetworkManager keyfile (INI) parser.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "scan/facts/nm_connections.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<sw::Error> errors;
  (void)sw::scan::parse_nm_keyfile(text, "/etc/NetworkManager/system-connections/x", errors);
  return 0;
}
