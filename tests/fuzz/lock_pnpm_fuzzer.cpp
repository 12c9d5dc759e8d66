// SPDX-License-Identifier: Apache-2.0
// Fuzzes the pnpm-lock.yaml parser (parse_pnpm_lock).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vuln/inventory/lang_lockfiles.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto list = sw::vuln::parse_pnpm_lock(text, "pnpm-lock.yaml");
  for (const auto& e : list.errors) (void)e.to_string();
  return 0;
}
