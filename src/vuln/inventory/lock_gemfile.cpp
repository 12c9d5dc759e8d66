// SPDX-License-Identifier: Apache-2.0
// Gemfile.lock / gems.locked (Bundler's lockfile; bundler/lib/bundler/lockfile_parser.rb):
// source sections GEM, GIT, PATH and PLUGIN SOURCE start at column 0 and list their gems under
// "  specs:" as 4-space-indented `name (version[-platform])` lines (6-space lines are that gem's
// dependencies). As Bundler's NAME_VERSION pattern does (version `[^-]*`, platform after the first
// '-'), the platform suffix is stripped: "nokogiri (1.13.3-x86_64-linux)" is nokogiri 1.13.3.
// Gems of GIT sections carry the section's `revision:` as commit. Gems from PATH and GIT sections
// are listed too, as osv-scalibr's gemfilelock extractor does. Ecosystem RubyGems.
// Hand-written: the format is line-based and there is no C++ Bundler parser.
#include "core/host.h"
#include "vuln/inventory/lock_formats_more.h"

namespace sw::vuln {
namespace {

size_t indent_of(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i;
}

bool is_source_section(std::string_view s) {
  return s == "GEM" || s == "GIT" || s == "PATH" || s == "PLUGIN SOURCE";
}

}  // namespace

bool is_gemfile_lock(std::string_view path) {
  auto base = lock_base_name(path);
  return base == "Gemfile.lock" || base == "gems.locked";
}

PackageList parse_gemfile_lock(std::string_view text, const std::string& path) {
  PackageList out;
  bool in_source = false;
  bool in_specs = false;
  std::string revision;
  size_t first_of_section = 0;  // index of the section's first package
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    std::string_view line = raw;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty()) continue;
    size_t indent = indent_of(line);
    if (indent == 0) {
      in_source = is_source_section(line);
      in_specs = false;
      revision.clear();
      first_of_section = out.packages.size();
      continue;
    }
    if (!in_source) continue;
    if (indent == 2) {
      auto body = line.substr(2);
      in_specs = body == "specs:";
      if (body.starts_with("revision: ")) {
        revision = std::string(trim(body.substr(10)));
        // The revision may follow the specs in hand-edited files: apply to the section's gems.
        for (size_t i = first_of_section; i < out.packages.size(); ++i) {
          out.packages[i].commit = revision;
        }
      }
      continue;
    }
    if (!in_specs || indent != 4) continue;  // 6 spaces: a dependency of the previous gem
    auto body = line.substr(4);
    auto open = body.find(" (");
    if (open == std::string_view::npos || !body.ends_with(')') || open == 0) {
      out.errors.emplace_back(Errc::kParse, "gem spec is not \"name (version)\"", path, n);
      continue;
    }
    auto version = body.substr(open + 2, body.size() - open - 3);
    version = version.substr(0, version.find('-'));  // drop the platform suffix
    if (version.empty()) {
      out.errors.emplace_back(Errc::kParse, "gem spec without a version", path, n);
      continue;
    }
    Package p;
    p.ecosystem = "RubyGems";
    p.name = std::string(body.substr(0, open));
    p.version = std::string(version);
    p.commit = revision;
    p.path = path;
    p.line = n;
    out.packages.push_back(std::move(p));
  }
  return out;
}

}  // namespace sw::vuln
