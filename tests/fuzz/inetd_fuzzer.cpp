// SPDX-License-Identifier: Apache-2.0
// Fuzzes the inetd.conf and xinetd configuration parsers.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scan/facts/inetd.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<sw::Error> errors;
  for (const auto& s : sw::scan::parse_inetd_conf(text, "/etc/inetd.conf", errors)) {
    (void)s.mentions("telnet");
  }
  (void)sw::scan::parse_xinetd(text, "/etc/xinetd.conf", errors);
  return 0;
}
