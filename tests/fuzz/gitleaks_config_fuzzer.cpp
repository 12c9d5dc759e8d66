// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the gitleaks TOML rule loader (secrets/gitleaks_config.h): any bytes parse
// or fail cleanly; every rule that loads has an id and a regex or a path.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "secrets/gitleaks_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<sw::Error> errors;
  auto r = sw::secrets::parse_rules_toml(text, "fuzz.toml", errors);
  if (!r) return 0;
  for (const auto& rule : r->rules.rules) {
    if (rule.id.empty() || (rule.regex.empty() && rule.path.empty())) std::abort();
  }
  (void)sw::secrets::extend_rules(r->rules, r->rules, r->extend.disabled_rules);
  return 0;
}
