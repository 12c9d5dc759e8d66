// SPDX-License-Identifier: Apache-2.0
// The inputs of `shieldwall graph analyze|check|export MODEL...` assembled into one Model
// (../shared/specs/graph.md, 2.2 "A model can be assembled from several files" and 2.6 "Where the
// model data comes from"). Each path is sorted by its content, not its name:
//   - a directory, a zip archive, or JSON that looks like SharpHound data -> SharpHound import;
//   - JSON with "schema": "shieldwall/report/v1" (scan, vuln, secrets --format json) -> report
//     import (findings on the report's host);
//   - anything else -> a shieldwall.graph/v1 model file (JSON or YAML).
// Order of merging: the model files first, in the order given (they are what people wrote by
// hand, and they win over imports: both importers keep an item whose id is already there), then
// the SharpHound data (finished in one go: stubs and implicit memberships need all of it), then
// the reports (their vulns join the services the model files declared). Hand-written: it is only
// the dispatch between the loaders of model_io, import_sharphound and import_report.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/error.h"
#include "graph/model.h"

namespace sw::graph {

enum class InputKind { kModel, kSharpHound, kReport };

struct InputFile {
  std::string path;
  InputKind kind = InputKind::kModel;
};

struct InputSummary {
  std::vector<InputFile> files;  // as sorted, in the order they were merged
  std::size_t sharphound_objects = 0;
  std::size_t report_findings = 0;
};

// Loads every path into `model`. Every problem (a file that cannot be read or parsed, a bad item,
// a conflicting id) is appended to `errors` as one Error naming the file, the line where known,
// and the item; what can be read is kept. Never throws.
InputSummary load_inputs(const std::vector<std::string>& paths, Model& model,
                         std::vector<Error>& errors);

}  // namespace sw::graph
