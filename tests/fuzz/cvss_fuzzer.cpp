// SPDX-License-Identifier: Apache-2.0
// Fuzzes the CVSS vector parser and scorer (v2.0, v3.0, v3.1, v4.0): any input either fails with
// an error or yields a score within 0..10.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "vuln/cvss/cvss.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto score = sw::vuln::cvss_score(text);
  if (score) {
    if (!(score->base >= 0.0 && score->base <= 10.0)) std::abort();
    if (score->temporal && !(*score->temporal >= 0.0 && *score->temporal <= 10.0)) std::abort();
    if (score->environmental && !(*score->environmental >= 0.0 && *score->environmental <= 10.0)) {
      std::abort();
    }
  }
  return 0;
}
