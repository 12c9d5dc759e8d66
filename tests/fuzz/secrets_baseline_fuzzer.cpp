// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: baseline reports (gitleaks JSON, shieldwall JSON, SARIF) and comparing a
// finding against them.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "secrets/baseline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const sw::secrets::Baseline baseline = sw::secrets::parse_baseline(text, "baseline.json");
  sw::secrets::SecretMatch m;
  m.rule_id = "generic-api-key";
  m.secret = "Qw8Er7Ty6Ui5Op4";
  m.path = "src/app.py";
  m.start_line = m.end_line = 10;
  (void)baseline.contains(m);
  return 0;
}
