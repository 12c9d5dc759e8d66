// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the modprobe.d parser and the modules.dep reader.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scan/facts/modprobe.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<sw::Error> errors;
  auto parsed = sw::scan::parse_modprobe_conf(text, "/etc/modprobe.d/fuzz.conf", errors);
  for (const auto& d : parsed) {
    if (d.command == "install") (void)sw::scan::install_disables(d.args);
  }
  (void)sw::scan::parse_module_list(text);
  return 0;
}
