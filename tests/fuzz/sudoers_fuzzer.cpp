// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the sudoers parser and the alias expansion.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scan/facts/sudoers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  sw::scan::Sudoers s;
  sw::scan::parse_sudoers(text, "/etc/sudoers", s, [](const sw::scan::SudoInclude&) {});
  for (const auto& spec : s.specs) {
    (void)s.expand("User_Alias", spec.users);
    (void)s.authenticate_by_default(spec.users);
    for (const auto& p : spec.privileges) {
      for (const auto& c : p.commands) (void)s.is_all_commands(c.cmnd);
    }
  }
  return 0;
}
