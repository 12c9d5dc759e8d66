// SPDX-License-Identifier: Apache-2.0
// `shieldwall vuln [PATH...] [--root DIR] [--sbom FILE]`: the packages of projects (lockfiles and
// manifests under PATH, default the current directory), of a filesystem's OS package database, or
// of an SBOM, matched against the advisory store. Findings come from the same pipeline and check
// ids as `shieldwall scan` (host.updates.vulnerable_dependencies / _packages), so the ids agree.
#include <chrono>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/common.h"
#include "core/codeowners.h"
#include "core/host.h"
#include "scan/check.h"
#include "scan/facts/vulnerabilities.h"
#include "scan/runner.h"
#include "vuln/inventory/os_packages.h"
#include "vuln/inventory/sbom.h"
#include "vuln/inventory/walk.h"

namespace sw::cli {
namespace {

struct VulnArgs {
  std::vector<std::string> paths;
  std::string root;
  std::vector<std::string> sboms;
  std::string data_dir;
  std::vector<std::string> ignore;
  std::string config;
  std::string fail_on;
  WriteOptions write;
};

// One inventory source and how its findings are made.
struct Source {
  std::string check;  // scan check whose CheckInfo the findings carry
  Role role;
  bool codeowners;
  vuln::PackageList list;
};

std::optional<std::string> read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int run_vuln(const VulnArgs& args) {
  const auto started = std::chrono::steady_clock::now();
  bool input_problem = false;
  std::string config_path;
  ConfigLoad loaded = load_config_reporting(args.config, config_path, input_problem);
  const Config& config = loaded.config;
  FailOn fail_on{config.fail_on.value_or(Severity::kLow), false};
  if (!parse_fail_on(args.fail_on, true, fail_on)) return kExitInput;

  Report report;
  report.tool_version = SW_VERSION;
  report.command = "vuln";
  report.started_at = iso_now();
  report.root = args.root.empty() ? "/" : args.root;

  // Inventory.
  std::vector<Source> sources;
  if (!args.root.empty()) {
    if (!is_dir(args.root)) {
      fmt::print(stderr, "shieldwall: error: --root {}: not an existing directory\n", args.root);
      return kExitInput;
    }
    Host host(args.root);
    report.host = host.hostname();
    vuln::OsInventory inv = vuln::os_packages(host);
    if (inv.packages.packages.empty() && !inv.reason.empty()) {
      report.notes.push_back(fmt::format("{}: {}", args.root, inv.reason));
    } else if (inv.ecosystem.empty()) {
      report.errors.push_back(
          fmt::format("{}: cannot tell which advisories apply: {}", args.root, inv.ecosystem_note));
    }
    sources.push_back(
        {"host.updates.vulnerable_packages", Role::kAdmin, false, std::move(inv.packages)});
  }
  for (const auto& sbom : args.sboms) {
    auto text = read_all(sbom);
    if (!text) {
      report.errors.push_back(fmt::format("{}: cannot read", sbom));
      continue;
    }
    sources.push_back({"host.updates.vulnerable_dependencies", Role::kDeveloper, false,
                       vuln::parse_sbom(*text, sbom)});
  }
  std::vector<std::string> paths = args.paths;
  if (paths.empty() && args.root.empty() && args.sboms.empty()) paths.push_back(".");
  if (!paths.empty()) {
    for (const auto& p : paths) {
      if (!is_dir(p) && !is_file(p)) {
        fmt::print(stderr, "shieldwall: error: {}: no such file or directory\n", p);
        return kExitInput;
      }
    }
    sources.push_back({"host.updates.vulnerable_dependencies", Role::kDeveloper, true,
                       vuln::find_packages(paths, vuln::WalkOptions{})});
  }
  if (report.host.empty()) report.host = Host("/").hostname();

  // Advisories.
  scan::AdvisoryDb db = scan::AdvisoryDb::open(args.data_dir);
  if (!db.problem.empty()) {
    fmt::print(stderr, "shieldwall: error: {}\n", db.problem);
    return kExitInput;
  }
  if (db.age_days > scan::kStaleDays) {
    report.notes.push_back(fmt::format(
        "the advisory database was built {} ({:.0f} days ago): run `shieldwall db update`",
        db.status.built_at, db.age_days));
  }

  const std::string today = scan::today_utc();
  std::vector<std::string> ignore_files = args.ignore;
  if (args.ignore.empty() && is_file("shieldwall-ignore.toml")) {
    ignore_files.push_back("shieldwall-ignore.toml");
  }
  CodeOwnersIndex owners;
  size_t total = 0;
  for (auto& source : sources) {
    for (const auto& e : source.list.errors) report.errors.push_back(e.to_string());
    total += source.list.packages.size();
    scan::VulnRun run = scan::run_vuln_match(source.list.packages, db, ignore_files, today);
    for (const auto& e : run.errors) report.errors.push_back(e.to_string());
    report.notes.insert(report.notes.end(), run.notes.begin(), run.notes.end());

    auto registered = scan::Registry::find(source.check);
    if (!registered) {
      report.errors.push_back(fmt::format("internal: check {} is not registered", source.check));
      continue;
    }
    scan::Outcome out;
    scan::report_upgrades(run, out, source.role, source.codeowners ? &owners : nullptr);
    for (const auto& issue : out.issues()) {
      report.findings.push_back(scan::make_finding(*registered->info, issue, report.host, config));
    }
    for (size_t i = 0; i < run.match.packages.size(); ++i) {
      const auto& pr = run.match.packages[i];
      PackageRecord rec{pr.package.ecosystem,
                        pr.package.name,
                        pr.package.version,
                        pr.package.path,
                        pr.package.line,
                        {},
                        {},
                        {},
                        pr.problem};
      for (const auto& hit : pr.hits) {
        rec.advisories.push_back(hit.advisory.id);
        if (hit.ignored) rec.ignored.push_back(hit.advisory.id);
      }
      for (const auto& up : run.match.upgrades) {
        if (up.package == i) rec.fixed_in = up.to;
      }
      report.packages.push_back(std::move(rec));
    }
    CheckRecord record;
    record.id = source.check;
    record.title = std::string(registered->info->title);
    record.family = std::string(registered->info->family);
    record.status = out.issues().empty() ? CheckStatus::kPass : CheckStatus::kFail;
    record.detail = out.issues().empty() ? scan::clean_summary(run, db) : "";
    if (out.issues().empty() && !run.match.packages.empty() &&
        run.match.unchecked == run.match.packages.size()) {
      // Nothing could be checked: that is not a clean result.
      record.status = CheckStatus::kError;
      record.detail = fmt::format("none of the {} packages could be checked: {}",
                                  run.match.packages.size(), run.match.packages.front().problem);
      report.errors.push_back(record.detail);
    }
    report.checks.push_back(std::move(record));
    if (fail_on.kev) {
      for (const auto& up : run.match.upgrades) {
        if (up.kev > 0) fail_on.severity = Severity::kInfo;  // any finding then fails
      }
    }
  }
  for (const auto& e : owners.take_errors()) report.errors.push_back(e.to_string());
  if (!config_path.empty()) {
    report.notes.push_back(fmt::format("ownership rules from {}", config_path));
  }
  report.notes.push_back(fmt::format("{} packages from {} source{}; {} advisories in {}", total,
                                     sources.size(), sources.size() == 1 ? "" : "s",
                                     db.status.advisories, db.data_dir));
  report.duration_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  report.finalize();
  for (const auto& e : report.errors) {
    fmt::print(stderr, "shieldwall: error: {}\n", e);
    input_problem = true;
  }
  if (int rc = write_report(report, args.write); rc != kExitClean) return rc;
  if (input_problem) return kExitInput;
  auto worst = report.worst_severity();
  if (fail_on.severity && worst && *worst >= *fail_on.severity) return kExitFindings;
  return kExitClean;
}

}  // namespace

void add_vuln_scan(CLI::App& vuln, int& exit_code) {
  auto args = std::make_shared<VulnArgs>();
  vuln.add_option("paths", args->paths,
                  "directories or lockfiles to check (default: the current directory)")
      ->type_name("PATH");
  vuln.add_option("--root", args->root, "check the OS packages of the filesystem mounted at DIR")
      ->type_name("DIR");
  vuln.add_option("--sbom", args->sboms, "check the packages of a CycloneDX or SPDX JSON SBOM")
      ->type_name("FILE")
      ->allow_extra_args(false);
  vuln.add_option("--data-dir", args->data_dir,
                  "advisory database directory (default: $XDG_DATA_HOME/shieldwall)")
      ->type_name("DIR");
  vuln.add_option("--ignore", args->ignore,
                  "ignore file with [[ignore]] entries (default: ./shieldwall-ignore.toml)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  vuln.add_option("-c,--config", args->config, "config file (ownership rules)")->type_name("FILE");
  vuln.add_option("--fail-on", args->fail_on,
                  "exit 1 when a finding is at or above SEVERITY, or with 'kev' when any is "
                  "actively exploited (default low; 'none')")
      ->type_name("SEVERITY|kev");
  vuln.add_option("-f,--format", args->write.format, "text, json, sarif or html")
      ->check(CLI::IsMember({"text", "json", "sarif", "html"}));
  vuln.add_option("-o,--output", args->write.output, "write the report to FILE")->type_name("FILE");
  vuln.add_option("--color", args->write.color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  vuln.add_flag("-v,--verbose", args->write.verbose, "list passed checks too");
  vuln.callback([args, &exit_code, &vuln] {
    for (const auto* sub : vuln.get_subcommands()) {
      if (sub->parsed()) return;  // `vuln compare` ran instead
    }
    exit_code = run_vuln(*args);
  });
}

}  // namespace sw::cli
