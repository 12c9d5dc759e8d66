// SPDX-License-Identifier: Apache-2.0
// Fuzzes the SharpHound JSON import (src/graph/import_sharphound.h): one document, then finish()
// into an empty model (stubs, implicit memberships, fix texts). The .zip path is left out: libzip
// is fuzzed upstream, and a zip bomb would only show the 1 GiB member bound as an OOM here.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "graph/import_sharphound.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)sw::graph::looks_like_sharphound(text);
  std::vector<sw::Error> errors;
  sw::graph::SharpHoundImporter imp;
  (void)imp.add_text(text, "fuzz.json", errors);
  sw::graph::Model model;
  (void)imp.finish(model, errors);
  return 0;
}
