// SPDX-License-Identifier: Apache-2.0
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vuln/inventory/dpkg_status.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto db = sw::vuln::parse_dpkg_status(text, "status");
  for (const auto& p : db.packages) (void)p.installed();
  return 0;
}
