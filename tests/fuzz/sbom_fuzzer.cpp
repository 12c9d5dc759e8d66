// SPDX-License-Identifier: Apache-2.0
// Fuzzes the CycloneDX / SPDX SBOM parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vuln/inventory/sbom.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)sw::vuln::looks_like_sbom(text);
  auto list = sw::vuln::parse_sbom(text, "sbom.json");
  for (const auto& p : list.packages) (void)p.name.size();
  return 0;
}
