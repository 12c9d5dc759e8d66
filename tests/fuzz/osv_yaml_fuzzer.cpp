// SPDX-License-Identifier: Apache-2.0
// Fuzzes the OSV YAML record reader (yaml-cpp + the shared field mapping).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vuln/osv/osv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto adv = sw::vuln::parse_osv_yaml(text, "fuzz.yaml");
  if (adv) (void)adv->affected.size();
  return 0;
}
