// SPDX-License-Identifier: Apache-2.0
// Runs the built shieldwall binary for end-to-end tests.
#pragma once

#include <string>
#include <vector>

namespace sw::test {

struct Run {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs SW_BINARY with `args` (no shell involved), stdin from /dev/null.
Run run_shieldwall(const std::vector<std::string>& args);
// The same with `input` as stdin (through a temporary file).
Run run_shieldwall_with_input(const std::vector<std::string>& args, const std::string& input);
// Runs any program with args (stdin from `stdin_path`); used for the schema validator.
Run run_program(const std::vector<std::string>& argv, const std::string& stdin_path = "/dev/null");

std::string read_text(const std::string& path);

}  // namespace sw::test
