// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the APT configuration parser (apt.conf(5)).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "scan/facts/apt_conf.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<sw::Error> errors;
  sw::scan::AptConf conf;
  sw::scan::parse_apt_conf(text, "/etc/apt/apt.conf", conf, errors);
  (void)conf.get("APT::Periodic::Unattended-Upgrade");
  return 0;
}
