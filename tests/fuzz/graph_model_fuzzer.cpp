// SPDX-License-Identifier: Apache-2.0
// Fuzzes the shieldwall.graph/v1 model reader (src/graph/model_io.cpp and model_doc.cpp: JSON via
// nlohmann, YAML via yaml-cpp), then validate() and compile() on whatever was read, merged into a
// model that already holds a second copy of the same bytes read as the other format. Nothing may
// crash, hang or throw; the compiled graph must be self-consistent.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "graph/attack_graph.h"
#include "graph/model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  sw::graph::Model model;
  std::vector<sw::Error> errors;
  (void)sw::graph::load_model_text(text, "fuzz.json", model, errors);
  (void)sw::graph::load_model_text(text, "fuzz.yaml", model, errors);
  auto problems = sw::graph::validate(model);
  auto compiled = sw::graph::compile(model);
  const auto& g = compiled.graph;
  for (const auto& e : g.edges) {
    if (e.from >= g.nodes.size() || e.to >= g.nodes.size()) std::abort();
  }
  if (g.out_begin.size() != g.nodes.size() + 1) std::abort();
  (void)sw::graph::model_to_json(model).dump();
  return 0;
}
