// SPDX-License-Identifier: Apache-2.0
// Sorting model inputs by content and merging them in a fixed order (see inputs.h).
#include "graph/inputs.h"

#include <exception>
#include <filesystem>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "graph/import_report.h"
#include "graph/import_sharphound.h"
#include "graph/import_util.h"

namespace sw::graph {
namespace {

bool is_zip(std::string_view bytes) {
  return bytes.size() >= 4 && bytes.substr(0, 4) == "PK\x03\x04";
}

struct Pending {
  std::string path;
  std::string bytes;  // empty for directories (the importer lists them itself)
  bool directory = false;
};

}  // namespace

InputSummary load_inputs(const std::vector<std::string>& paths, Model& model,
                         std::vector<Error>& errors) {
  InputSummary summary;
  std::vector<Pending> models, sharphound, reports;
  try {
    for (const std::string& path : paths) {
      std::error_code ec;
      if (std::filesystem::is_directory(path, ec)) {
        sharphound.push_back(Pending{path, {}, true});
        continue;
      }
      auto bytes = import::read_whole(path, import::kMaxImportBytes);
      if (!bytes) {
        errors.push_back(bytes.error());
        continue;
      }
      if (is_zip(*bytes) || looks_like_sharphound(*bytes)) {
        sharphound.push_back(Pending{path, std::move(*bytes), false});
      } else if (looks_like_report(*bytes)) {
        reports.push_back(Pending{path, std::move(*bytes), false});
      } else {
        models.push_back(Pending{path, std::move(*bytes), false});
      }
    }

    for (const Pending& p : models) {
      summary.files.push_back(InputFile{p.path, InputKind::kModel});
      if (auto r = load_model_text(p.bytes, p.path, model, errors); !r) {
        errors.push_back(r.error());
      }
    }
    if (!sharphound.empty()) {
      SharpHoundImporter importer;
      for (const Pending& p : sharphound) {
        summary.files.push_back(InputFile{p.path, InputKind::kSharpHound});
        Result<void> r = p.directory       ? importer.add_path(p.path, errors)
                         : is_zip(p.bytes) ? importer.add_zip(p.bytes, p.path, errors)
                                           : importer.add_text(p.bytes, p.path, errors);
        if (!r) errors.push_back(r.error());
      }
      SharpHoundStats stats = importer.finish(model, errors);
      summary.sharphound_objects = stats.users + stats.computers + stats.groups + stats.domains;
    }
    for (const Pending& p : reports) {
      summary.files.push_back(InputFile{p.path, InputKind::kReport});
      auto r = import_report_text(p.bytes, p.path, model, errors);
      if (!r) {
        errors.push_back(r.error());
      } else {
        summary.report_findings += r->findings;
      }
    }
  } catch (const std::exception& e) {  // bad_alloc; the loaders catch their own exceptions
    errors.emplace_back(Errc::kInternal, fmt::format("loading the model failed: {}", e.what()));
  }
  return summary;
}

}  // namespace sw::graph
