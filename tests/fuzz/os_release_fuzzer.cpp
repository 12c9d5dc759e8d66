// SPDX-License-Identifier: Apache-2.0
// Fuzzes the os-release(5) parser and the OSV ecosystem mapping of what it parsed.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "vuln/inventory/os_release.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = sw::vuln::parse_os_release(text, "/etc/os-release");
  std::string note;
  (void)sw::vuln::osv_ecosystem_for(parsed.release, &note);
  return 0;
}
