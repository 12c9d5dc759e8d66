// SPDX-License-Identifier: Apache-2.0
// The subcommands. Each cmd_<name>.cpp adds its subcommand to the app and sets `exit_code` when
// it runs. The list is explicit (main.cpp), in the order `shieldwall --help` shows them.
#pragma once

#include <CLI/CLI.hpp>

namespace sw::cli {

// Exit codes (DESIGN.md): 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage or
// input error; 3 internal error.
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitInput = 2;
inline constexpr int kExitInternal = 3;

void add_scan(CLI::App& app, int& exit_code);
void add_explain(CLI::App& app, int& exit_code);
void add_checks(CLI::App& app, int& exit_code);
// `vuln` and its subcommands (cmd_vuln*.cpp): scanning options and action on `vuln` itself
// (cmd_vuln_scan.cpp), `vuln compare` (cmd_vuln_compare.cpp).
void add_vuln(CLI::App& app, int& exit_code);
void add_vuln_scan(CLI::App& vuln, int& exit_code);
void add_vuln_compare(CLI::App& vuln, int& exit_code);
// `db update|import|status` (cmd_db.cpp).
void add_db(CLI::App& app, int& exit_code);
// `secrets` (cmd_secrets.cpp).
void add_secrets(CLI::App& app, int& exit_code);
// `graph analyze|check|export` (cmd_graph.cpp).
void add_graph(CLI::App& app, int& exit_code);
// `password` and `password index` (cmd_password.cpp).
void add_password(CLI::App& app, int& exit_code);
// `phish` (cmd_phish.cpp).
void add_phish(CLI::App& app, int& exit_code);

}  // namespace sw::cli
