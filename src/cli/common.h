// SPDX-License-Identifier: Apache-2.0
// What the report-producing commands share: config lookup, --fail-on, and writing the report in
// the chosen format.
#pragma once

#include <optional>
#include <string>

#include "core/config.h"
#include "core/report.h"
#include "core/severity.h"

namespace sw::cli {

std::string iso_now();  // "2026-11-27T17:05:27Z"
bool is_file(const std::string& path);
bool is_dir(const std::string& path);

// --config, else ./shieldwall.toml, else $XDG_CONFIG_HOME (or
// ~/.config)/shieldwall/shieldwall.toml, else /etc/shieldwall/shieldwall.toml. Empty when none
// exists.
std::string find_config(const std::string& given);

// Loads the config found by find_config(given); every problem is printed (file:line) and sets
// `input_problem`; the good parts are used.
ConfigLoad load_config_reporting(const std::string& given, std::string& path, bool& input_problem);

// The --fail-on gate: a severity, "none", or (when `allow_kev`) "kev" = any actively exploited
// vulnerability. False (and a message printed) for anything else.
struct FailOn {
  std::optional<Severity> severity;
  bool kev = false;
};
bool parse_fail_on(const std::string& text, bool allow_kev, FailOn& out);

struct WriteOptions {
  std::string format = "text";  // text, json, sarif, html
  std::string output;           // file; empty = stdout
  std::string color = "auto";
  bool verbose = false;
};
// Writes the report; returns kExitClean, or kExitInput / kExitInternal after printing why.
int write_report(const Report& report, const WriteOptions& options);

}  // namespace sw::cli
