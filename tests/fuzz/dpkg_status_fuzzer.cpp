// SPDX-License-Identifier: Apache-2.0
// Fuzzes the dpkg status parser behind the packages fact.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vuln/inventory/dpkg_status.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto db = sw::vuln::parse_dpkg_status(text, "/var/lib/dpkg/status");
  for (const auto& p : db.packages) (void)p.files_present();
  return 0;
}
