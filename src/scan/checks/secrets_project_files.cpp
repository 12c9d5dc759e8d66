// SPDX-License-Identifier: Apache-2.0
// host.secrets.project_files: no leaked credential in the files under the paths given to
// `shieldwall scan PATH...` (a project checkout, a deployment directory). The same engine, rules,
// words and finding ids as `shieldwall secrets PATH` (scan/facts/secret_scan.h); findings go to
// the file's code owners (CODEOWNERS), else the ownership config, else the developer. A project's
// own `.gitleaks.toml` is not read here (that is `shieldwall secrets`' job); .gitignore'd files
// are scanned, because a secret in an ignored .env file is still on this disk.
#include <string>

#include <fmt/format.h>

#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/secret_scan.h"
#include "secrets/files.h"

namespace {

constexpr sw::scan::CheckInfo kInfo{
    .id = "host.secrets.project_files",
    .title = "No leaked credential in the project files",
    .family = "secrets",
    .severity = sw::Severity::kHigh,
    .role = sw::Role::kDeveloper,
    .why =
        "A credential written into a project file is read by everyone who can read the "
        "repository, its history, its backups and its build logs, and attackers search public "
        "and leaked code for exactly these strings.",
    .fix =
        "Rotate the credential at its service first (removing it from the file does not undo the "
        "leak), then load it at run time from a secret manager or environment variable, and add "
        "`shieldwall secrets --staged` as a pre-commit hook.",
    .refs = "CWE-798 CWE-312"};

void run(sw::scan::ScanContext& ctx, sw::scan::Outcome& out) {
  const auto& paths = ctx.options().paths;
  if (paths.empty()) {
    out.not_applicable(
        "no project path given (`shieldwall scan PATH...` checks the files under PATH for "
        "leaked secrets)");
    return;
  }
  const auto& engine = ctx.fact<sw::scan::SecretScanner>();
  if (!engine) {
    out.error(fmt::format("the secret rules could not be compiled: {}", engine.error().message()));
    return;
  }
  const sw::secrets::Scanner& scanner = *engine->scanner;
  sw::secrets::FileScanOptions options;
  options.relative_paths = false;
  options.skip_path = [&scanner](std::string_view p) { return scanner.path_allowed(p); };
  sw::secrets::WorkerFactory factory = [&scanner] { return scanner.make_worker(); };
  auto result = sw::secrets::scan_files(paths, options, factory);
  if (!result) {
    out.error(result.error().to_string());
    return;
  }
  for (const auto& e : result->errors) ctx.input_error(e);
  if (result->files == 0) {
    out.not_applicable(fmt::format("no text file to scan under {}", fmt::join(paths, ", ")));
    return;
  }
  if (result->matches.empty()) {
    out.pass(fmt::format("{} file(s), {:.1f} MB under {}: no leaked secret", result->files,
                         static_cast<double>(result->bytes) / 1e6, fmt::join(paths, ", ")));
    return;
  }
  sw::CodeOwnersIndex owners;
  for (auto& issue :
       sw::scan::secret_issues(result->matches, scanner, sw::Role::kDeveloper, "", &owners, "")) {
    out.fail(std::move(issue));
  }
  for (const auto& e : owners.take_errors()) ctx.input_error(e);
}

}  // namespace

SW_REGISTER_CHECK(kInfo, run);
