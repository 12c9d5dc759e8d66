// SPDX-License-Identifier: Apache-2.0
// shieldwall: find what is weak, say who must fix it and why, weakest link first.
#include <cstdio>
#include <exception>

#include <fmt/format.h>

#include "cli/commands.h"

int main(int argc, char** argv) {
  int exit_code = sw::cli::kExitClean;
  try {
    CLI::App app{"shieldwall: find what is weak, say who must fix it and why, weakest link first",
                 "shieldwall"};
    app.set_version_flag("--version", std::string("shieldwall ") + SW_VERSION);
    app.require_subcommand(1);
    sw::cli::add_scan(app, exit_code);
    sw::cli::add_explain(app, exit_code);
    sw::cli::add_checks(app, exit_code);
    sw::cli::add_vuln(app, exit_code);
    sw::cli::add_db(app, exit_code);
    sw::cli::add_secrets(app, exit_code);
    sw::cli::add_graph(app, exit_code);
    sw::cli::add_password(app, exit_code);
    sw::cli::add_phish(app, exit_code);
    try {
      app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
      return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
      return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
      return app.exit(e);
    } catch (const CLI::ParseError& e) {
      fmt::print(stderr, "shieldwall: error: {}\n", e.what());
      return sw::cli::kExitInput;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "shieldwall: internal error: %s\n", e.what());
    return sw::cli::kExitInternal;
  } catch (...) {
    std::fprintf(stderr, "shieldwall: internal error\n");
    return sw::cli::kExitInternal;
  }
  return exit_code;
}
