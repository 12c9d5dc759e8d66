// SPDX-License-Identifier: Apache-2.0
// `shieldwall secrets [PATH...]`: leaked credentials in files (PATH, default `.`; `-` reads
// stdin), in a repository's history (`--git [REPO]`), or in the changes staged for the next commit
// (`--staged`, for a pre-commit hook). Rules: shieldwall's own defaults, or a gitleaks-format file
// (`--rules FILE`, else a `.gitleaks.toml` at the root of what is scanned, as gitleaks finds it).
// Findings go through the ignore files and the baseline, then out as shieldwall's report (text,
// json, sarif, html: owners first) or in gitleaks' formats (gitleaks-json, csv, junit,
// gitleaks-sarif) for pipelines built around gitleaks. Secrets are redacted unless
// --show-secrets. Exit 1 when anything is found (at or above --fail-on, default: any).
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/common.h"
#include "core/codeowners.h"
#include "core/host.h"
#include "report/writers.h"
#include "scan/facts/vulnerabilities.h"
#include "secrets/baseline.h"
#include "secrets/default_rules.h"
#include "secrets/engine.h"
#include "secrets/engine/hs_cache.h"
#include "secrets/files.h"
#include "secrets/findings.h"
#include "secrets/formats.h"
#include "secrets/git_history.h"
#include "secrets/gitleaks_config.h"
#include "secrets/ignore.h"

namespace sw::cli {
namespace {

namespace fs = std::filesystem;

struct SecretsArgs {
  std::vector<std::string> paths;
  bool git = false;
  bool staged = false;
  bool unstaged = false;
  std::string since;
  std::string branch;
  std::string log_opts;
  size_t max_commits = 0;
  std::string rules;
  std::vector<std::string> ignore;
  std::string baseline;
  bool show_secrets = false;
  bool redact = true;  // gitleaks' --redact, the default here
  int threads = 0;
  double max_file_mb = 100;
  bool gitignore = false;
  bool follow_symlinks = false;
  bool no_cache = false;
  std::string config;
  std::string fail_on;
  WriteOptions write;
};

bool is_gitleaks_format(const std::string& f) {
  return f == "gitleaks-json" || f == "csv" || f == "junit" || f == "gitleaks-sarif";
}

// Where a repository or directory scan is rooted: ignore files, .gitleaks.toml and CODEOWNERS
// are looked up there.
std::string base_dir(const SecretsArgs& args, const std::string& repo_root) {
  if (!repo_root.empty()) return repo_root;
  for (const auto& p : args.paths) {
    if (p != "-" && is_dir(p)) return p;
  }
  return ".";
}

int run_secrets(SecretsArgs args) {
  const auto started = std::chrono::steady_clock::now();
  bool input_problem = false;
  auto problem = [&](const std::string& message) {
    fmt::print(stderr, "shieldwall: error: {}\n", message);
    input_problem = true;
  };
  std::string config_path;
  ConfigLoad loaded = load_config_reporting(args.config, config_path, input_problem);
  const Config& config = loaded.config;
  FailOn fail_on{Severity::kInfo, false};  // any finding fails, as gitleaks exits 1 on a leak
  if (!args.fail_on.empty() && !parse_fail_on(args.fail_on, false, fail_on)) return kExitInput;
  const bool git_mode = args.git || args.staged || args.unstaged;
  if (git_mode && args.paths.size() > 1) {
    fmt::print(stderr, "shieldwall: error: --git/--staged take one repository path\n");
    return kExitInput;
  }
  if (args.paths.empty()) args.paths.push_back(".");
  if (git_mode && args.paths.front() == "-") {
    fmt::print(stderr, "shieldwall: error: stdin (-) cannot be combined with --git or --staged\n");
    return kExitInput;
  }
  if (!git_mode) {
    for (const auto& p : args.paths) {
      if (p != "-" && !is_dir(p) && !is_file(p)) {
        std::error_code ec;
        if (!fs::is_symlink(p, ec)) {
          fmt::print(stderr, "shieldwall: error: {}: no such file or directory\n", p);
          return kExitInput;
        }
      }
    }
  }

  std::string repo_root;
  if (git_mode) {
    auto root = secrets::git_repository_root(args.paths.front());
    if (!root) {
      fmt::print(stderr, "shieldwall: error: {}\n", root.error().to_string());
      return kExitInput;
    }
    repo_root = *root;
  }
  const std::string base = base_dir(args, repo_root);

  // Rules.
  std::vector<Error> rule_errors;
  std::string rules_path = args.rules;
  if (rules_path.empty() && is_file((fs::path(base) / ".gitleaks.toml").string())) {
    rules_path = (fs::path(base) / ".gitleaks.toml").string();
  }
  Result<secrets::RuleSet> rules =
      rules_path.empty()
          ? secrets::default_rules()
          : secrets::load_rules_file(rules_path, secrets::default_rules, rule_errors);
  if (!rules) {
    fmt::print(stderr, "shieldwall: error: {}\n", rules.error().to_string());
    return kExitInput;
  }
  secrets::CompileOptions compile_options;
  if (!args.no_cache) compile_options.cache_dir = secrets::engine::default_hs_cache_dir();
  auto scanner = secrets::Scanner::compile(std::move(*rules), &rule_errors, compile_options);
  for (const auto& e : rule_errors) problem(e.to_string());
  if (!scanner) {
    fmt::print(stderr, "shieldwall: error: {}\n", scanner.error().to_string());
    return kExitInput;
  }
  const secrets::Scanner& engine = **scanner;
  secrets::WorkerFactory factory = [&engine] { return engine.make_worker(); };
  auto skip = [&engine](std::string_view p) { return engine.path_allowed(p); };

  Report report;
  report.tool_version = SW_VERSION;
  report.command = "secrets";
  report.started_at = iso_now();
  report.host = Host("/").hostname();
  report.root = git_mode ? repo_root : base;

  // Scan.
  std::vector<secrets::SecretMatch> matches;
  CheckRecord record;
  record.family = "secrets";
  if (git_mode) {
    secrets::GitScanOptions go;
    go.repo_path = args.paths.front();
    go.since = args.since;
    go.branch = args.branch;
    go.max_commits = args.max_commits;
    go.staged = args.staged;
    go.unstaged = args.unstaged;
    go.threads = args.threads;
    go.skip_path = skip;
    if (!args.log_opts.empty()) {
      if (auto r = secrets::parse_log_opts(args.log_opts, go, std::time(nullptr)); !r) {
        fmt::print(stderr, "shieldwall: error: --log-opts: {}\n", r.error().message());
        return kExitInput;
      }
    }
    auto result = secrets::scan_git(go, factory);
    if (!result) {
      fmt::print(stderr, "shieldwall: error: {}\n", result.error().to_string());
      return kExitInput;
    }
    for (const auto& e : result->errors) problem(e.to_string());
    matches = std::move(result->matches);
    record.id = args.staged || args.unstaged ? "secrets.git_changes" : "secrets.git_history";
    record.title = args.staged || args.unstaged ? "No secrets in uncommitted changes"
                                                : "No secrets in the repository's history";
    record.detail =
        args.staged || args.unstaged
            ? fmt::format("{} change hunks, {:.1f} MB", result->fragments,
                          static_cast<double>(result->bytes) / 1e6)
            : fmt::format("{} commits, {} hunks, {:.1f} MB of added lines{}", result->commits,
                          result->fragments, static_cast<double>(result->bytes) / 1e6,
                          result->shallow ? " (shallow clone: older history absent)" : "");
    if (result->binary_skipped + result->large_skipped > 0) {
      report.notes.push_back(fmt::format("{} binary and {} oversized files not scanned",
                                         result->binary_skipped, result->large_skipped));
    }
  } else {
    uint64_t files = 0, bytes = 0;
    std::vector<std::string> roots;
    for (const auto& p : args.paths) {
      if (p != "-") roots.push_back(p);
    }
    if (std::find(args.paths.begin(), args.paths.end(), "-") != args.paths.end()) {
      auto result = secrets::scan_stream(STDIN_FILENO, "-", factory);
      if (!result) {
        problem(result.error().to_string());
      } else {
        for (const auto& e : result->errors) problem(e.to_string());
        files += 1;
        bytes += result->bytes;
        for (auto& m : result->matches) matches.push_back(std::move(m));
      }
    }
    if (!roots.empty()) {
      secrets::FileScanOptions fo;
      fo.threads = args.threads;
      fo.max_file_size =
          args.max_file_mb <= 0 ? 0 : static_cast<uint64_t>(args.max_file_mb * 1048576.0);
      fo.respect_gitignore = args.gitignore;
      fo.follow_symlinks = args.follow_symlinks;
      fo.skip_path = skip;
      auto result = secrets::scan_files(roots, fo, factory);
      if (!result) {
        fmt::print(stderr, "shieldwall: error: {}\n", result.error().to_string());
        return kExitInput;
      }
      for (const auto& e : result->errors) problem(e.to_string());
      files += result->files;
      bytes += result->bytes;
      for (auto& m : result->matches) matches.push_back(std::move(m));
      if (!result->skipped.empty()) {
        report.notes.push_back(fmt::format("{} files not scanned{}", result->skipped.size(),
                                           args.write.verbose ? ":" : " (-v lists them)"));
        if (args.write.verbose) {
          for (const auto& s : result->skipped) {
            report.notes.push_back(fmt::format("  {}: {}", s.path, s.reason));
          }
        }
      }
      if (result->ignored > 0) {
        report.notes.push_back(fmt::format("{} paths left out by .gitignore", result->ignored));
      }
    }
    record.id = "secrets.files";
    record.title = "No secrets in files";
    record.detail = fmt::format("{} files, {:.1f} MB", files, static_cast<double>(bytes) / 1e6);
  }

  // Ignore files and baseline.
  secrets::IgnoreSet ignores;
  std::vector<std::string> ignore_files = args.ignore;
  if (ignore_files.empty()) {
    for (auto name : {secrets::kIgnoreFileName, secrets::kGitleaksIgnoreFileName}) {
      std::string p = (fs::path(base) / std::string(name)).string();
      if (is_file(p)) ignore_files.push_back(p);
    }
  }
  for (const auto& f : ignore_files) {
    if (!is_file(f)) {
      problem(fmt::format("{}: cannot read ignore file", f));
      continue;
    }
    const bool gitleaks_style = fs::path(f).filename() == secrets::kGitleaksIgnoreFileName ||
                                fs::path(f).extension() != ".toml";
    ignores.merge(gitleaks_style ? secrets::load_gitleaksignore(f) : secrets::load_ignore_file(f));
  }
  for (const auto& e : ignores.errors) problem(e.to_string());
  auto outcome = secrets::apply_ignores(ignores, std::move(matches), scan::today_utc());
  report.notes.insert(report.notes.end(), outcome.notes.begin(), outcome.notes.end());
  if (!outcome.ignored.empty()) {
    report.notes.push_back(fmt::format("{} findings ignored by {}", outcome.ignored.size(),
                                       fmt::join(ignore_files, ", ")));
  }
  std::vector<secrets::SecretMatch> kept = std::move(outcome.kept);
  if (!args.baseline.empty()) {
    secrets::Baseline baseline = secrets::load_baseline(args.baseline);
    for (const auto& e : baseline.errors) problem(e.to_string());
    const size_t before = kept.size();
    kept = secrets::new_findings(baseline, std::move(kept));
    report.notes.push_back(
        fmt::format("{} findings already in the baseline {}", before - kept.size(), args.baseline));
  }

  // Output.
  const bool show = args.show_secrets;
  if (is_gitleaks_format(args.write.format)) {
    secrets::FormatOptions fo;
    fo.show_secrets = show;
    fo.tool_version = SW_VERSION;
    fo.rules = &engine.rules();
    auto format =
        secrets::parse_secret_format(args.write.format == "gitleaks-json"    ? "json"
                                     : args.write.format == "gitleaks-sarif" ? "sarif"
                                                                             : args.write.format);
    std::ofstream file;
    if (!args.write.output.empty()) {
      file.open(args.write.output, std::ios::binary | std::ios::trunc);
      if (!file) {
        fmt::print(stderr, "shieldwall: error: {}: cannot write\n", args.write.output);
        return kExitInput;
      }
    }
    std::ostream& out = args.write.output.empty() ? std::cout : file;
    secrets::write_secrets(*format, kept, out, fo);
    out.flush();
    for (const auto& n : report.notes) fmt::print(stderr, "shieldwall: {}\n", n);
  } else {
    CodeOwnersIndex owners;
    secrets::FindingOptions opts;
    opts.default_role = Role::kDeveloper;
    opts.codeowners = &owners;
    opts.root = git_mode ? repo_root : base;
    opts.host = report.host;
    std::vector<Finding> findings = secrets::to_findings(kept, engine.rules(), opts);
    for (size_t i = 0; i < findings.size(); ++i) {
      Finding& f = findings[i];
      // --show-secrets: the evidence carries the secret as found (the user asked for it).
      if (show && i < kept.size()) f.evidence = kept[i].secret;
      f.responsible = config.resolve(f);
      report.findings.push_back(std::move(f));
    }
    for (const auto& e : owners.take_errors()) report.errors.push_back(e.to_string());
  }
  record.status = kept.empty() ? CheckStatus::kPass : CheckStatus::kFail;
  report.checks.push_back(record);
  if (!config_path.empty()) {
    report.notes.push_back(fmt::format("ownership rules from {}", config_path));
  }
  report.notes.push_back(
      fmt::format("{} rules{}", engine.rules().rules.size(),
                  rules_path.empty() ? " (shieldwall's defaults)" : " from " + rules_path));
  report.duration_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  report.finalize();
  for (const auto& e : report.errors) problem(e);
  if (!is_gitleaks_format(args.write.format)) {
    if (int rc = write_report(report, args.write); rc != kExitClean) return rc;
  }
  if (input_problem) return kExitInput;
  if (kept.empty() || !fail_on.severity) return kExitClean;
  if (is_gitleaks_format(args.write.format)) return kExitFindings;
  auto worst = report.worst_severity();
  return worst && *worst >= *fail_on.severity ? kExitFindings : kExitClean;
}

}  // namespace

void add_secrets(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SecretsArgs>();
  CLI::App* cmd = app.add_subcommand(
      "secrets", "leaked credentials in files, git history, staged changes or stdin");
  cmd->add_option("paths", args->paths,
                  "files or directories to scan (default: the current directory; - reads stdin); "
                  "with --git or --staged, the repository")
      ->type_name("PATH");
  cmd->add_flag("--git", args->git, "scan the repository's history (every commit of every ref)");
  cmd->add_flag("--staged", args->staged, "scan the changes staged for the next commit");
  cmd->add_flag("--unstaged", args->unstaged, "scan uncommitted changes to tracked files");
  cmd->add_option("--since", args->since, "with --git: only commits not reachable from REV")
      ->type_name("REV");
  cmd->add_option("--branch", args->branch, "with --git: only REF and its history")
      ->type_name("REF");
  cmd->add_option("--log-opts", args->log_opts,
                  "with --git: git log options as gitleaks takes them (e.g. \"--all A..B\")")
      ->type_name("OPTS");
  cmd->add_option("--max-commits", args->max_commits, "with --git: at most N commits")
      ->type_name("N");
  cmd->add_option("--rules", args->rules,
                  "rule file in gitleaks' TOML format (default: ./.gitleaks.toml of the scanned "
                  "root, else shieldwall's rules; `[extend] useDefault = true` adds them)")
      ->type_name("FILE");
  cmd->add_option("--ignore", args->ignore,
                  "ignore file: shieldwall-secrets-ignore.toml ([[ignore]] with reason, owner, "
                  "expires) or .gitleaksignore lines (default: both, at the scanned root)")
      ->type_name("FILE")
      ->allow_extra_args(false);
  cmd->add_option("--baseline", args->baseline,
                  "report only findings not in this earlier report (shieldwall JSON/SARIF or "
                  "gitleaks JSON)")
      ->type_name("REPORT");
  cmd->add_flag("--show-secrets", args->show_secrets, "print secrets in full (default: redacted)");
  cmd->add_flag("--redact,!--no-redact", args->redact,
                "redact secrets (the default; --no-redact is --show-secrets)");
  cmd->add_option("--threads", args->threads, "worker threads (default: one per core)")
      ->type_name("N");
  cmd->add_option("--max-file-size", args->max_file_mb,
                  "skip files larger than MB megabytes (default 100; 0 = no limit)")
      ->type_name("MB");
  cmd->add_flag("--gitignore", args->gitignore, "leave out what .gitignore ignores");
  cmd->add_flag("--follow-symlinks", args->follow_symlinks, "enter symlinked directories");
  cmd->add_flag("--no-cache", args->no_cache,
                "compile the rules afresh; do not read or write the compiled-rules cache "
                "($SHIELDWALL_CACHE_DIR, else ~/.cache/shieldwall)");
  cmd->add_option("-c,--config", args->config, "config file (ownership rules)")->type_name("FILE");
  cmd->add_option("--fail-on", args->fail_on,
                  "exit 1 when a finding is at or above SEVERITY (default: any finding; 'none')")
      ->type_name("SEVERITY");
  cmd->add_option("-f,--format", args->write.format,
                  "text, json, sarif, html, or gitleaks' gitleaks-json, csv, junit, gitleaks-sarif")
      ->check(CLI::IsMember(
          {"text", "json", "sarif", "html", "gitleaks-json", "csv", "junit", "gitleaks-sarif"}));
  cmd->add_option("-o,--output", args->write.output, "write the report to FILE")->type_name("FILE");
  cmd->add_option("--color", args->write.color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_flag("-v,--verbose", args->write.verbose, "list the files not scanned, and why");
  cmd->callback([args, &exit_code] {
    SecretsArgs a = *args;
    if (!a.redact) a.show_secrets = true;
    exit_code = run_secrets(std::move(a));
  });
}

}  // namespace sw::cli
