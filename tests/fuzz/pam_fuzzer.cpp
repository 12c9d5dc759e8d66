// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the PAM service file parser and the include flattening.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scan/facts/pam.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  sw::scan::Pam pam;
  // The same text as a service and as the file it may include (loops are cut by depth).
  pam.files.emplace("/etc/pam.d/login", sw::scan::parse_pam_file(text, "/etc/pam.d/login"));
  pam.files.emplace("/etc/pam.d/common-auth",
                    sw::scan::parse_pam_file(text, "/etc/pam.d/common-auth"));
  for (const auto& e : pam.stack("login")) {
    (void)e.arg_value("minlen");
    (void)e.has_arg("nullok");
  }
  return 0;
}
