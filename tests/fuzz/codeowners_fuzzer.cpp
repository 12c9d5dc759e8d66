// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: CODEOWNERS parsing and matching.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/codeowners.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const sw::CodeOwners owners = sw::parse_codeowners(text, "CODEOWNERS");
  for (std::string_view path : {"a", "src/app/main.js", "docs/x/y.md", ".github/CODEOWNERS"}) {
    if (const auto* rule = owners.match(path)) (void)sw::responsible_for(*rule);
  }
  return 0;
}
