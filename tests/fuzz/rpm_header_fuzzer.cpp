// SPDX-License-Identifier: Apache-2.0
// Fuzzes the RPM header parser (the blobs of the rpmdb's Packages table).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vuln/inventory/rpmdb.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view blob(reinterpret_cast<const char*>(data), size);
  auto pkg = sw::vuln::parse_rpm_header(blob);
  if (pkg) {
    (void)pkg->evr();
    (void)pkg->source_name();
  }
  (void)sw::vuln::detect_rpmdb_format(blob);
  return 0;
}
