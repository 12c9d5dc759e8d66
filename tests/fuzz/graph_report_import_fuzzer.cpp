// SPDX-License-Identifier: Apache-2.0
// Fuzzes the import of shieldwall JSON reports as model findings (src/graph/import_report.h),
// into a model that declares a service, so that the package/service join runs too.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "graph/import_report.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)sw::graph::looks_like_report(text);
  sw::graph::Model model;
  sw::graph::Asset web;
  web.id = "web01";
  web.services.push_back(sw::graph::Service{"tcp/443", "apache2 2.4.49", false});
  model.assets.push_back(web);
  std::vector<sw::Error> errors;
  (void)sw::graph::import_report_text(text, "fuzz.json", model, errors);
  return 0;
}
