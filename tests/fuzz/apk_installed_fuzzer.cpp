// SPDX-License-Identifier: Apache-2.0
// Fuzzes the Alpine apk installed-database parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vuln/inventory/apk_installed.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto db = sw::vuln::parse_apk_installed(text, "/lib/apk/db/installed");
  for (const auto& p : db.packages) {
    if (p.name.empty() || p.version.empty() || p.origin.empty()) __builtin_trap();
  }
  return 0;
}
