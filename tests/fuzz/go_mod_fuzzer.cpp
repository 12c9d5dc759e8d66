// SPDX-License-Identifier: Apache-2.0
// Fuzzes the go.mod parser (inventory/lock_formats_more.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vuln/inventory/lock_formats_more.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto list = sw::vuln::parse_go_mod(text, "go.mod");
  for (const auto& p : list.packages) (void)p.name.size();
  return 0;
}
