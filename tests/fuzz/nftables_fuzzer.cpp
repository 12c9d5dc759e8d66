// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the nftables ruleset and iptables-save parsers.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "scan/facts/firewall.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<sw::Error> errors;
  (void)sw::scan::parse_nftables(text, "/etc/nftables.conf", errors);
  (void)sw::scan::parse_iptables_save(text, "/etc/iptables/rules.v4", errors);
  return 0;
}
