// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the pwquality.conf parser.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scan/facts/pwquality.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  sw::scan::PwQuality q;
  sw::scan::parse_pwquality_conf(text, "/etc/security/pwquality.conf", q);
  return 0;
}
