// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: gitleaks' .gitleaksignore lines and applying them.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "secrets/ignore.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  sw::secrets::IgnoreSet set = sw::secrets::parse_gitleaksignore(text, ".gitleaksignore");
  sw::secrets::SecretMatch m;
  m.rule_id = "jwt";
  m.secret = "eyJhbGciOiJIUzI1NiJ9.e30.x";
  m.path = "a/b.go";
  m.start_line = 17;
  m.commit = "418edf165dbb63d6f46993ae8f8818ffd87ea582";
  (void)sw::secrets::apply_ignores(set, {m}, "2026-06-01");
  return 0;
}
