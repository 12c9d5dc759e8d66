// SPDX-License-Identifier: Apache-2.0
// Fuzzes the systemd INI parser (unit files, journald.conf and their drop-ins).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scan/facts/systemd_units.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<sw::Error> errors;
  auto entries = sw::scan::parse_systemd_ini(text, "fuzz.conf", errors);
  (void)sw::scan::last_value(entries, "Journal", "Storage");
  return 0;
}
