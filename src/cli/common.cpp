// SPDX-License-Identifier: Apache-2.0
#include "cli/common.h"

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/commands.h"
#include "report/writers.h"

namespace sw::cli {

std::string iso_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1,
                     tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

bool is_file(const std::string& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool is_dir(const std::string& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string find_config(const std::string& given) {
  if (!given.empty()) return given;
  if (is_file("shieldwall.toml")) return "shieldwall.toml";
  std::string xdg;
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x) {
    xdg = x;
  } else if (const char* home = std::getenv("HOME"); home && *home) {
    xdg = std::string(home) + "/.config";
  }
  if (!xdg.empty() && is_file(xdg + "/shieldwall/shieldwall.toml")) {
    return xdg + "/shieldwall/shieldwall.toml";
  }
  if (is_file("/etc/shieldwall/shieldwall.toml")) return "/etc/shieldwall/shieldwall.toml";
  return {};
}

ConfigLoad load_config_reporting(const std::string& given, std::string& path, bool& input_problem) {
  ConfigLoad loaded;
  path = find_config(given);
  if (!path.empty()) loaded = load_config(path);
  for (const auto& e : loaded.errors) {
    fmt::print(stderr, "shieldwall: error: {}\n", e.to_string());
    input_problem = true;
  }
  return loaded;
}

bool parse_fail_on(const std::string& text, bool allow_kev, FailOn& out) {
  if (text.empty()) return true;
  if (text == "none") {
    out.severity.reset();
    out.kev = false;
    return true;
  }
  if (allow_kev && text == "kev") {
    out.severity.reset();
    out.kev = true;
    return true;
  }
  if (auto s = parse_severity(text)) {
    out.severity = *s;
    return true;
  }
  fmt::print(stderr,
             "shieldwall: error: unknown --fail-on '{}' (info, low, medium, high, "
             "critical, {}none)\n",
             text, allow_kev ? "kev, " : "");
  return false;
}

int write_report(const Report& report, const WriteOptions& options) {
  auto format = report::parse_format(options.format);
  if (!format) {
    fmt::print(stderr, "shieldwall: error: unknown --format '{}' (text, json, sarif, html)\n",
               options.format);
    return kExitInput;
  }
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!options.output.empty()) {
    file.open(options.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      fmt::print(stderr, "shieldwall: error: cannot write {}\n", options.output);
      return kExitInput;
    }
    out = &file;
  }
  const bool color =
      options.color == "always" || (options.color == "auto" && options.output.empty() &&
                                    ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr);
  switch (*format) {
    case report::Format::kText:
      report::write_text(report, *out, {.color = color, .verbose = options.verbose});
      break;
    case report::Format::kJson:
      report::write_json(report, *out);
      break;
    case report::Format::kSarif:
      report::write_sarif(report, *out);
      break;
    case report::Format::kHtml:
      report::write_html(report, *out);
      break;
  }
  out->flush();
  if (!*out) {
    fmt::print(stderr, "shieldwall: error: writing the report failed\n");
    return kExitInternal;
  }
  return kExitClean;
}

}  // namespace sw::cli
