// SPDX-License-Identifier: Apache-2.0
// Fuzzes the vsftpd, proftpd, snmpd and GRUB password parsers.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scan/facts/service_configs.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<sw::Error> errors;
  (void)sw::scan::vsftpd_bool(text, "anonymous_enable", "/etc/vsftpd.conf", errors);
  (void)sw::scan::parse_proftpd(text);
  (void)sw::scan::parse_snmpd(text, "/etc/snmp/snmpd.conf", errors);
  (void)sw::scan::parse_grub_passwords(text);
  return 0;
}
