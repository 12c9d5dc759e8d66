// SPDX-License-Identifier: Apache-2.0
// `shieldwall scan`: audit this machine (or --root DIR) and report what is weak, whose part it is,
// weakest link first.
#include "cli/commands.h"

namespace sw::cli {

void add_scan(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("scan", "Audit this machine (or a mounted root)");
  cmd->callback([&exit_code] { exit_code = kExitInternal; });
}

}  // namespace sw::cli
