// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the /etc/login.defs parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scan/facts/login_defs.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto defs = sw::scan::parse_login_defs(text, "/etc/login.defs");
  (void)defs.number("UMASK");
  return 0;
}
