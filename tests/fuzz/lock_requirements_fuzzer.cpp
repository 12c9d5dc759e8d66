// SPDX-License-Identifier: Apache-2.0
// Fuzzes the pip requirements parser; includes (-r) resolve to a fixed small file so the include
// path is exercised without touching the filesystem.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "vuln/inventory/lang_lockfiles.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  sw::vuln::RequirementsReader read = [](const std::string& path) -> std::optional<std::string> {
    if (path.ends_with("inc.txt")) return std::string("six==1.16.0\n-r inc.txt\n");
    return std::nullopt;
  };
  auto list = sw::vuln::parse_requirements(text, "requirements.txt", read);
  for (const auto& e : list.errors) (void)e.to_string();
  return 0;
}
