// SPDX-License-Identifier: Apache-2.0
// `shieldwall explain CHECK_ID`: what a check verifies, why it matters, how to fix it, whose part
// it is by default, and its references (awareness: anyone can read the reasoning).
#include <cstdio>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "core/glob.h"
#include "scan/check.h"

namespace sw::cli {

void add_explain(CLI::App& app, int& exit_code) {
  auto id = std::make_shared<std::string>();
  CLI::App* cmd =
      app.add_subcommand("explain", "Explain a check: why it matters and how to fix it");
  cmd->add_option("CHECK_ID", *id, "check id, e.g. host.ssh.permit_root_login")->required();
  cmd->callback([id, &exit_code] {
    auto check = scan::Registry::find(*id);
    if (!check) {
      std::string near;
      for (const auto& c : scan::Registry::all()) {
        if (c.info->id.find(*id) != std::string_view::npos) {
          near += fmt::format("\n  {}", c.info->id);
        }
      }
      fmt::print(stderr, "shieldwall: error: no check named '{}'{}{}\n", *id,
                 near.empty() ? "" : "; did you mean:", near);
      exit_code = kExitInput;
      return;
    }
    const scan::CheckInfo& info = *check->info;
    fmt::print("{}\n  {}\n\n", info.id, info.title);
    fmt::print("Family:      {}\nSeverity:    {}\nWhose part:  {}\n\n", info.family,
               severity_name(info.severity), role_name(info.role));
    fmt::print("Why it matters\n  {}\n\nHow to fix it\n  {}\n", info.why, info.fix);
    auto refs = scan::references_of(info);
    if (!refs.empty()) {
      fmt::print("\nReferences\n");
      for (const auto& r : refs) fmt::print("  {}\n", r);
    }
  });
}

void add_checks(CLI::App& app, int& exit_code) {
  auto family = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("text");
  CLI::App* cmd = app.add_subcommand("checks", "List the host checks `scan` runs");
  cmd->add_option("--family", *family, "only this family (ssh, accounts, network, ...)");
  cmd->add_option("-f,--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([family, format, &exit_code] {
    int n = 0;
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : scan::Registry::all()) {
      const scan::CheckInfo& i = *c.info;
      if (!family->empty() && i.family != *family) continue;
      ++n;
      if (*format == "json") {
        list.push_back({{"id", i.id},
                        {"title", i.title},
                        {"family", i.family},
                        {"severity", severity_name(i.severity)},
                        {"role", role_name(i.role)},
                        {"cis", i.cis},
                        {"lynis", i.lynis},
                        {"references", scan::references_of(i)}});
        continue;
      }
      fmt::print("{:<48} {:<9} {:<10} {}\n", i.id, severity_name(i.severity), role_name(i.role),
                 i.title);
    }
    if (*format == "json") fmt::print("{}\n", list.dump(2));
    if (n == 0 && !family->empty()) {
      fmt::print(stderr, "shieldwall: error: no checks in family '{}'\n", *family);
      exit_code = kExitInput;
    }
  });
}

}  // namespace sw::cli
