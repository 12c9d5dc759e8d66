// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the limits.conf and coredump.conf parsers.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scan/facts/core_dumps.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<sw::Error> errors;
  (void)sw::scan::parse_limits_conf(text, "/etc/security/limits.conf", errors);
  (void)sw::scan::parse_coredump_conf(text, "/etc/systemd/coredump.conf", errors);
  return 0;
}
