// SPDX-License-Identifier: Apache-2.0
// `shieldwall vuln`: vulnerable packages (OS package databases and lockfiles against OSV
// advisories and CISA KEV). This file creates the command; its subcommands live in
// cmd_vuln_<name>.cpp.
#include "cli/commands.h"

namespace sw::cli {

void add_vuln(CLI::App& app, int& exit_code) {
  CLI::App* vuln = app.add_subcommand(
      "vuln", "vulnerable packages: OS packages and lockfiles against OSV advisories and CISA KEV");
  add_vuln_scan(*vuln, exit_code);
  add_vuln_compare(*vuln, exit_code);
}

}  // namespace sw::cli
