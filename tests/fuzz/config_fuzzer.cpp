// SPDX-License-Identifier: Apache-2.0
// Fuzzes shieldwall.toml loading (toml++ plus our walk over its tables).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto load = sw::parse_config(text, "fuzz.toml");
  sw::Finding f;
  f.check = "host.ssh.x";
  f.location.path = "/srv/a";
  (void)load.config.resolve(f);
  return 0;
}
