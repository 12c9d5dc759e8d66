// SPDX-License-Identifier: Apache-2.0
// Fuzzes purl parsing and the purl -> OSV mapping.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vuln/inventory/purl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto purl = sw::vuln::parse_purl(text);
  if (purl) (void)sw::vuln::purl_to_osv(*purl);
  return 0;
}
