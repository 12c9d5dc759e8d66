// SPDX-License-Identifier: Apache-2.0
// Fuzzes the CISA KEV catalog reader and its detector.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vuln/osv/osv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)sw::vuln::looks_like_kev(text);
  auto cat = sw::vuln::parse_kev(text, "fuzz.json");
  if (cat) (void)cat->entries.size();
  return 0;
}
