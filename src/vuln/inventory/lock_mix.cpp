// SPDX-License-Identifier: Apache-2.0
// mix.lock (Elixir's Mix; the Elixir map mix writes, one dependency per line):
//   "name": {:hex, :package, "version", "checksum", [:mix], [deps], "hexpm", "outer_checksum"},
//   "name": {:git, "url", "sha", [opts]},
// A :hex entry is the Hex package named by its second element (the key can be an alias) at its
// version; a :git entry is reported by its key with the commit and no version, as osv-scalibr's
// mixlock extractor does. Other SCMs (:path ...) are skipped. Ecosystem Hex. Hand-written: this
// is Elixir term syntax, read the way osv-scalibr and trivy read it (line by line).
#include <cctype>

#include "core/host.h"
#include "vuln/inventory/lock_formats_more.h"

namespace sw::vuln {
namespace {

// Reads a "quoted" string at `pos` (after blanks); advances past it.
bool read_string(std::string_view s, size_t& pos, std::string& out) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  if (pos >= s.size() || s[pos] != '"') return false;
  auto end = s.find('"', pos + 1);
  if (end == std::string_view::npos) return false;
  out = std::string(s.substr(pos + 1, end - pos - 1));
  pos = end + 1;
  return true;
}

// Reads an :atom at `pos` (after blanks); advances past it.
bool read_atom(std::string_view s, size_t& pos, std::string& out) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  if (pos >= s.size() || s[pos] != ':') return false;
  size_t end = pos + 1;
  while (end < s.size() && (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '_'))
    ++end;
  if (end == pos + 1) return false;
  out = std::string(s.substr(pos + 1, end - pos - 1));
  pos = end;
  return true;
}

bool expect(std::string_view s, size_t& pos, char c) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

}  // namespace

bool is_mix_lock(std::string_view path) { return lock_base_name(path) == "mix.lock"; }

PackageList parse_mix_lock(std::string_view text, const std::string& path) {
  PackageList out;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (line.empty() || line == "%{" || line == "}" || line.starts_with('#')) continue;
    size_t pos = 0;
    std::string key, scm, name, version;
    if (!read_string(line, pos, key) || !expect(line, pos, ':') || !expect(line, pos, '{') ||
        !read_atom(line, pos, scm) || !expect(line, pos, ',')) {
      out.errors.emplace_back(Errc::kParse, "not a \"name\": {:scm, ...} entry", path, n);
      continue;
    }
    Package p;
    p.ecosystem = "Hex";
    p.path = path;
    p.line = n;
    if (scm == "hex") {
      if (!read_atom(line, pos, name) || !expect(line, pos, ',') ||
          !read_string(line, pos, version) || version.empty()) {
        out.errors.emplace_back(Errc::kParse, "hex entry without :package and \"version\"", path,
                                n);
        continue;
      }
      p.name = name;
      p.version = version;
    } else if (scm == "git") {
      std::string url, sha;
      if (!read_string(line, pos, url) || !expect(line, pos, ',') || !read_string(line, pos, sha)) {
        out.errors.emplace_back(Errc::kParse, "git entry without \"url\" and \"revision\"", path,
                                n);
        continue;
      }
      p.name = key;
      p.commit = sha;
    } else {
      continue;  // :path and other sources: nothing an advisory can name
    }
    out.packages.push_back(std::move(p));
  }
  return out;
}

}  // namespace sw::vuln
