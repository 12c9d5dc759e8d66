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
#include "cli/common.h"
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
  std::vector<std::string> paths;  // project paths: their lockfiles are checked too
  std::string data_dir;
  std::vector<std::string> ignore;
};

int run_scan(const ScanArgs& args) {
  bool input_problem = false;

  // Config: problems are reported, the bad parts skipped, and the scan still runs.
  std::string config_path;
  ConfigLoad loaded = load_config_reporting(args.config, config_path, input_problem);
  const Config& config = loaded.config;

  FailOn fail_on{config.fail_on.value_or(Severity::kLow), false};
  if (!parse_fail_on(args.fail_on, false, fail_on)) return kExitInput;

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
  options.data_dir = args.data_dir;
  options.paths = args.paths;
  options.ignore_files = args.ignore;
  for (const auto& p : args.paths) {
    if (!is_dir(p) && !is_file(p)) {
      fmt::print(stderr, "shieldwall: error: {}: no such file or directory\n", p);
      return kExitInput;
    }
  }
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

  if (int rc = write_report(report, {args.format, args.output, args.color, args.verbose});
      rc != kExitClean) {
    return rc;
  }

  if (input_problem) return kExitInput;
  auto worst = report.worst_severity();
  if (fail_on.severity && worst && *worst >= *fail_on.severity) return kExitFindings;
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
      ->type_name("GLOB")
      ->allow_extra_args(false);
  cmd->add_option("--skip", args->skip, "skip checks matching GLOB (repeatable)")
      ->type_name("GLOB")
      ->allow_extra_args(false);
  cmd->add_flag("--no-walk", args->no_walk,
                "do not walk the filesystem (file-permission checks "
                "that need it become not applicable)");
  cmd->add_flag("--all-homes", args->all_homes,
                "check every account's home (default when run as root or with --root)");
  cmd->add_option("--color", args->color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_flag("-v,--verbose", args->verbose, "list passed and not-applicable checks too");
  cmd->add_option("paths", args->paths,
                  "project directories whose lockfiles are checked for vulnerable dependencies")
      ->type_name("PATH");
  cmd->add_option("--data-dir", args->data_dir,
                  "advisory database directory (default: $XDG_DATA_HOME/shieldwall)")
      ->type_name("DIR");
  cmd->add_option("--ignore", args->ignore,
                  "vulnerability ignore file with [[ignore]] entries (repeatable)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  cmd->callback([args, &exit_code] { exit_code = run_scan(*args); });
}

}  // namespace sw::cli
