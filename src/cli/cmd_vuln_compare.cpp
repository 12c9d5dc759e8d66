// SPDX-License-Identifier: Apache-2.0
// `shieldwall vuln compare ECOSYSTEM A B` and `shieldwall vuln compare --stdin`: order two
// versions the way the ecosystem's own tool does (dpkg, rpm, apk, Maven...; src/vuln/versions).
// Prints `<`, `=` or `>`. With --stdin, reads `ECOSYSTEM<TAB>A<TAB>B` lines and writes one answer
// line per input line, in order: `?` for a line it cannot answer (unknown ecosystem, a version the
// scheme rejects, not three fields), with a message naming the line number on stderr; exit 2 at
// the end when any line was bad. tools/versions-conformance.py drives this mode.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "cli/commands.h"
#include "vuln/versions/scheme.h"

namespace sw::cli {
namespace {

struct CompareArgs {
  std::string ecosystem;
  std::string a;
  std::string b;
  bool from_stdin = false;
};

std::string_view answer(int c) { return c < 0 ? "<" : (c > 0 ? ">" : "="); }

// One comparison: the answer or an error message for a person.
bool compare_one(std::string_view ecosystem, std::string_view a, std::string_view b,
                 std::string& out, std::string& error) {
  const vuln::VersionScheme* scheme = vuln::scheme_for_ecosystem(ecosystem);
  if (scheme == nullptr) {
    error = fmt::format("unknown ecosystem '{}'", ecosystem);
    return false;
  }
  auto r = scheme->compare(a, b);
  if (!r) {
    error = fmt::format("{}: {}", ecosystem, r.error().message());
    return false;
  }
  out = answer(*r);
  return true;
}

int run_stdin() {
  std::string line;
  std::string out;
  std::string error;
  long number = 0;
  bool any_bad = false;
  std::ios::sync_with_stdio(false);
  while (std::getline(std::cin, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const size_t t1 = line.find('\t');
    const size_t t2 = t1 == std::string::npos ? t1 : line.find('\t', t1 + 1);
    bool ok = false;
    if (t2 == std::string::npos || line.find('\t', t2 + 1) != std::string::npos) {
      error = "expected ECOSYSTEM<TAB>A<TAB>B";
    } else {
      const std::string_view view(line);
      ok = compare_one(view.substr(0, t1), view.substr(t1 + 1, t2 - t1 - 1), view.substr(t2 + 1),
                       out, error);
    }
    if (ok) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      std::fputc('\n', stdout);
    } else {
      any_bad = true;
      std::fputs("?\n", stdout);
      std::fflush(stdout);
      fmt::print(stderr, "shieldwall: error: line {}: {}\n", number, error);
    }
  }
  std::fflush(stdout);
  return any_bad ? kExitInput : kExitClean;
}

}  // namespace

void add_vuln_compare(CLI::App& vuln, int& exit_code) {
  auto args = std::make_shared<CompareArgs>();
  CLI::App* cmd = vuln.add_subcommand(
      "compare", "Order two versions as the ecosystem's own tool does: prints <, = or >");
  cmd->add_option("ECOSYSTEM", args->ecosystem,
                  "OSV ecosystem, e.g. Debian, Ubuntu:22.04:LTS, Red Hat, Alpine, Maven");
  cmd->add_option("A", args->a, "first version");
  cmd->add_option("B", args->b, "second version");
  cmd->add_flag("--stdin", args->from_stdin,
                "read ECOSYSTEM<TAB>A<TAB>B lines from stdin, answer one line each");
  cmd->callback([args, cmd, &exit_code] {
    const size_t positionals = cmd->get_option("ECOSYSTEM")->count() +
                               cmd->get_option("A")->count() + cmd->get_option("B")->count();
    if (args->from_stdin) {
      if (positionals != 0) {
        fmt::print(stderr, "shieldwall: error: vuln compare: --stdin takes no arguments\n");
        exit_code = kExitInput;
        return;
      }
      exit_code = run_stdin();
      return;
    }
    if (positionals != 3) {
      fmt::print(stderr, "shieldwall: error: vuln compare: expected ECOSYSTEM A B (or --stdin)\n");
      exit_code = kExitInput;
      return;
    }
    std::string out;
    std::string error;
    if (!compare_one(args->ecosystem, args->a, args->b, out, error)) {
      fmt::print(stderr, "shieldwall: error: {}\n", error);
      exit_code = kExitInput;
      return;
    }
    fmt::print("{}\n", out);
  });
}

}  // namespace sw::cli
