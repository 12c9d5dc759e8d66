// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: the secret ignore file (TOML) and applying it to a few findings.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "secrets/ignore.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  sw::secrets::IgnoreSet set = sw::secrets::parse_ignore_file(text, "ignore.toml");
  sw::secrets::SecretMatch m;
  m.rule_id = "generic-api-key";
  m.secret = "Qw8Er7Ty6Ui5Op4";
  m.path = "tests/fixtures/app.env";
  m.start_line = 3;
  sw::secrets::SecretMatch in_git = m;
  in_git.commit = "0123456789abcdef0123456789abcdef01234567";
  (void)sw::secrets::apply_ignores(set, {m, in_git}, "2026-06-01");
  return 0;
}
