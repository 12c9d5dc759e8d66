// SPDX-License-Identifier: Apache-2.0
// Report writers. Each renders a finalized Report (Report::finalize() called) to a stream.
//   text   grouped by responsible party, weakest link first; ANSI colour when `color` is set
//   json   "shieldwall/report/v1", documented in docs/report-json.md and docs/report.schema.json
//   sarif  SARIF 2.1.0, one rule per check, one result per finding
//   html   one self-contained file (inline CSS, no scripts, no external resources)
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "core/report.h"

namespace sw::report {

enum class Format { kText, kJson, kSarif, kHtml };

std::optional<Format> parse_format(std::string_view name);

struct TextOptions {
  bool color = false;
  bool verbose = false;  // list passed and not-applicable checks too
};

void write_text(const Report& report, std::ostream& out, const TextOptions& options = {});
void write_json(const Report& report, std::ostream& out);
void write_sarif(const Report& report, std::ostream& out);
void write_html(const Report& report, std::ostream& out);

// The JSON document of a report (what write_json prints).
nlohmann::json to_json(const Report& report);
nlohmann::json to_json(const Finding& finding);

}  // namespace sw::report
