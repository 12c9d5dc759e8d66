// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the sysctl.d parser and the key conversions.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/glob.h"
#include "scan/facts/sysctl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<sw::Error> errors;
  auto parsed = sw::scan::parse_sysctl_conf(text, "/etc/sysctl.d/fuzz.conf", errors);
  for (const auto& a : parsed) {
    auto dotted = sw::scan::sysctl_dotted_key(a.key);
    if (sw::scan::sysctl_path_key(dotted).empty() != a.key.empty()) __builtin_trap();
    if (a.glob) (void)sw::glob_match(a.key, "net/ipv4/conf/all/rp_filter", true);
  }
  return 0;
}
