// SPDX-License-Identifier: Apache-2.0
// Fuzzes the passwd, shadow and group parsers with the same bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "scan/facts/accounts.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  sw::scan::Accounts accounts;
  std::vector<sw::Error> errors;
  sw::scan::parse_passwd(text, accounts, errors);
  sw::scan::parse_shadow(text, accounts, errors);
  sw::scan::parse_group(text, accounts, errors);
  for (const auto& a : accounts.accounts) (void)a.has_login_shell();
  return 0;
}
