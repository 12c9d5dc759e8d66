// SPDX-License-Identifier: Apache-2.0
// `shieldwall scan`: audit this machine (or --root DIR) and report what is weak, whose part it is,
// weakest link first.
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/scan_prefetch.h"
#include "core/config.h"
#include "core/host.h"
#include "report/writers.h"
#include "scan/context.h"
#include "scan/facts/environment.h"
#include "scan/runner.h"

namespace sw::cli {
namespace {

struct ScanArgs {
  std::string root = "/";
  std::string format = "text";
  std::string output;
  std::string fail_on;
  std::string config;
  std::string color = "auto";
  std::vector<std::string> only;
  std::vector<std::string> skip;
  bool no_walk = false;
  bool all_homes = false;
  bool verbose = false;
};

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

// --config, else ./shieldwall.toml, else $XDG_CONFIG_HOME (or
// ~/.config)/shieldwall/shieldwall.toml, else /etc/shieldwall/shieldwall.toml. Empty when none
// exists.
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

int run_scan(const ScanArgs& args) {
  auto format = report::parse_format(args.format);
  if (!format) {
    fmt::print(stderr, "shieldwall: error: unknown --format '{}' (text, json, sarif, html)\n",
               args.format);
    return kExitInput;
  }
  bool input_problem = false;

  // Config: problems are reported, the bad parts skipped, and the scan still runs.
  ConfigLoad loaded;
  std::string config_path = find_config(args.config);
  if (!config_path.empty()) loaded = load_config(config_path);
  for (const auto& e : loaded.errors) {
    fmt::print(stderr, "shieldwall: error: {}\n", e.to_string());
    input_problem = true;
  }
  const Config& config = loaded.config;

  std::optional<Severity> fail_on = config.fail_on.value_or(Severity::kLow);
  if (!args.fail_on.empty()) {
    if (args.fail_on == "none") {
      fail_on.reset();
    } else if (auto s = parse_severity(args.fail_on)) {
      fail_on = *s;
    } else {
      fmt::print(stderr,
                 "shieldwall: error: unknown --fail-on '{}' (info, low, medium, high, critical, "
                 "none)\n",
                 args.fail_on);
      return kExitInput;
    }
  }

  struct stat st {};
  if (::stat(args.root.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    fmt::print(stderr, "shieldwall: error: --root {}: not an existing directory\n", args.root);
    return kExitInput;
  }

  auto started = std::chrono::steady_clock::now();
  Host host(args.root);
  scan::ScanOptions options;
  options.walk = !args.no_walk;
  options.all_homes = args.all_homes || ::geteuid() == 0 || !host.is_system_root();
  options.home_uid = ::getuid();
  scan::ScanContext ctx(host, options);

  Report report;
  report.tool_version = SW_VERSION;
  report.command = "scan";
  report.host = host.hostname();
  report.root = host.root();
  report.started_at = iso_now();
  if (const auto& env = ctx.fact<scan::Environment>()) report.environment = env->tags();

  auto checks = scan::select_checks({args.only, args.skip}, config);
  if (checks.empty()) {
    fmt::print(stderr, "shieldwall: error: no check matches the --only/--skip selection\n");
    return kExitInput;
  }

  // Slow facts (the filesystem walk) load on a second thread while the other checks run.
  std::vector<std::jthread> prefetchers;
  for (auto& job : scan_prefetch_jobs(options)) {
    prefetchers.emplace_back([job, &ctx] { job(ctx); });
  }

  const bool tty = ::isatty(STDERR_FILENO) != 0;
  scan::ProgressFn progress;
  if (tty) {
    progress = [started](size_t i, size_t n, std::string_view id) {
      auto elapsed = std::chrono::steady_clock::now() - started;
      if (elapsed < std::chrono::seconds(1)) return;
      fmt::print(stderr, "\r\x1b[2K[{}/{}] {}", i + 1, n, id);
    };
  }
  scan::run_checks(ctx, checks, config, report, progress);
  prefetchers.clear();
  if (tty) fmt::print(stderr, "\r\x1b[2K");

  if (!config_path.empty()) {
    report.notes.push_back(fmt::format("ownership rules from {}", config_path));
  }
  report.duration_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  report.finalize();

  for (const auto& e : report.errors) {
    fmt::print(stderr, "shieldwall: error: {}\n", e);
    input_problem = true;
  }

  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!args.output.empty()) {
    file.open(args.output, std::ios::binary | std::ios::trunc);
    if (!file) {
      fmt::print(stderr, "shieldwall: error: cannot write {}\n", args.output);
      return kExitInput;
    }
    out = &file;
  }
  bool color =
      args.color == "always" || (args.color == "auto" && args.output.empty() &&
                                 ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr);
  switch (*format) {
    case report::Format::kText:
      report::write_text(report, *out, {.color = color, .verbose = args.verbose});
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

  if (input_problem) return kExitInput;
  auto worst = report.worst_severity();
  if (fail_on && worst && *worst >= *fail_on) return kExitFindings;
  return kExitClean;
}

}  // namespace

void add_scan(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ScanArgs>();
  CLI::App* cmd = app.add_subcommand(
      "scan",
      "Audit this machine (or a mounted root): what is weak, why, how to fix it, whose part");
  cmd->add_option("--root", args->root, "audit the filesystem mounted at DIR instead of /")
      ->type_name("DIR");
  cmd->add_option("-f,--format", args->format, "text, json, sarif or html")
      ->check(CLI::IsMember({"text", "json", "sarif", "html"}));
  cmd->add_option("-o,--output", args->output, "write the report to FILE")->type_name("FILE");
  cmd->add_option("--fail-on", args->fail_on,
                  "exit 1 when a finding is at or above this severity (default low; 'none')")
      ->type_name("SEVERITY");
  cmd->add_option("-c,--config", args->config,
                  "config file (default: ./shieldwall.toml, "
                  "~/.config/shieldwall/, /etc/shieldwall/)")
      ->type_name("FILE");
  cmd->add_option("--only", args->only, "run only checks matching GLOB (repeatable)")
      ->type_name("GLOB");
  cmd->add_option("--skip", args->skip, "skip checks matching GLOB (repeatable)")
      ->type_name("GLOB");
  cmd->add_flag("--no-walk", args->no_walk,
                "do not walk the filesystem (file-permission checks "
                "that need it become not applicable)");
  cmd->add_flag("--all-homes", args->all_homes,
                "check every account's home (default when run as root or with --root)");
  cmd->add_option("--color", args->color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_flag("-v,--verbose", args->verbose, "list passed and not-applicable checks too");
  cmd->callback([args, &exit_code] { exit_code = run_scan(*args); });
}

}  // namespace sw::cli
