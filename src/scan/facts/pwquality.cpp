// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/pwquality.h"

#include <cctype>

#include "core/host.h"
#include "scan/context.h"

namespace sw::scan {

const PwSetting* PwQuality::find(std::string_view name) const {
  auto it = settings.find(std::string(name));
  return it == settings.end() ? nullptr : &it->second;
}

void parse_pwquality_conf(std::string_view text, const std::string& path, PwQuality& into) {
  into.files.push_back(path);
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = raw;
    size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    std::string_view name = line;
    std::string_view value;
    size_t eq = line.find('=');
    if (eq != std::string_view::npos) {
      name = trim(line.substr(0, eq));
      value = trim(line.substr(eq + 1));
    }
    if (name.empty() || name.find_first_of(" \t") != std::string_view::npos) {
      into.parse_errors.emplace_back(Errc::kParse, "malformed setting (expected name = value)",
                                     path, n);
      continue;
    }
    std::string key(name);
    for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    into.settings[key] = PwSetting{std::string(value), path, n};
  }
}

Result<PwQuality> PwQuality::load(ScanContext& ctx) {
  const Host& host = ctx.host();
  PwQuality out;
  std::vector<std::string> paths = host.list_files("/etc/security/pwquality.conf.d", ".conf");
  paths.emplace_back("/etc/security/pwquality.conf");
  for (const auto& p : paths) {
    auto text = host.read_file(p, 1 << 20);
    if (!text) {
      if (text.error().code() != Errc::kNotFound) ctx.input_error(text.error());
      continue;
    }
    parse_pwquality_conf(*text, p, out);
  }
  for (const auto& e : out.parse_errors) ctx.input_error(e);
  return out;
}

}  // namespace sw::scan
