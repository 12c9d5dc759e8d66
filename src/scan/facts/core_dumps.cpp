// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/core_dumps.h"

#include "core/host.h"
#include "scan/context.h"
#include "scan/facts/conf_dirs.h"

namespace sw::scan {
namespace {

constexpr size_t kMaxConf = 4u << 20;

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

bool sets_hard(const LimitEntry& e) { return e.type == "hard" || e.type == "-"; }

}  // namespace

std::vector<LimitEntry> parse_limits_conf(std::string_view text, const std::string& path,
                                          std::vector<Error>& errors) {
  std::vector<LimitEntry> out;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = raw;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    auto w = words(line);
    if (w.size() != 4) {
      errors.emplace_back(Errc::kParse,
                          std::to_string(w.size()) + " fields, expected DOMAIN TYPE ITEM VALUE",
                          path, n);
      continue;
    }
    if (w[1] != "soft" && w[1] != "hard" && w[1] != "-") {
      errors.emplace_back(Errc::kParse, "type must be soft, hard or -", path, n);
      continue;
    }
    out.push_back(LimitEntry{std::string(w[0]), std::string(w[1]), std::string(w[2]),
                             std::string(w[3]), path, n});
  }
  return out;
}

std::vector<IniSetting> parse_coredump_conf(std::string_view text, const std::string& path,
                                            std::vector<Error>& errors) {
  std::vector<IniSetting> out;
  bool in_section = false;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == '[') {
      if (line.back() != ']') {
        errors.emplace_back(Errc::kParse, "unterminated section header", path, n);
        in_section = false;
        continue;
      }
      in_section = line == "[Coredump]";
      continue;
    }
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) {
      errors.emplace_back(Errc::kParse, "not an assignment (no '='), ignored", path, n);
      continue;
    }
    if (!in_section) continue;
    out.push_back(IniSetting{std::string(trim(line.substr(0, eq))),
                             std::string(trim(line.substr(eq + 1))), path, n});
  }
  return out;
}

const LimitEntry* CoreDumps::wildcard_hard_core() const {
  const LimitEntry* hit = nullptr;
  for (const auto& e : limits) {
    if (e.domain == "*" && e.item == "core" && sets_hard(e)) hit = &e;
  }
  return hit;
}

std::vector<const LimitEntry*> CoreDumps::nonzero_specific_hard_core() const {
  // The last line per domain wins.
  std::map<std::string, const LimitEntry*> last;
  for (const auto& e : limits) {
    if (e.domain != "*" && e.item == "core" && sets_hard(e)) last[e.domain] = &e;
  }
  std::vector<const LimitEntry*> out;
  for (const auto& [domain, e] : last) {
    if (e->value != "0") out.push_back(e);
  }
  return out;
}

Result<CoreDumps> CoreDumps::load(ScanContext& ctx) {
  const Host& host = ctx.host();
  CoreDumps out;
  std::vector<std::string> files;
  if (host.exists("/etc/security/limits.conf")) files.emplace_back("/etc/security/limits.conf");
  for (auto& f : host.list_files("/etc/security/limits.d", ".conf")) files.push_back(f);
  for (const auto& f : files) {
    auto text = host.read_file(f, kMaxConf);
    if (!text) {
      ctx.input_error(text.error());
      continue;
    }
    out.limits_files.push_back(f);
    std::vector<Error> errors;
    for (auto& e : parse_limits_conf(*text, f, errors)) out.limits.push_back(std::move(e));
    for (const auto& e : errors) ctx.input_error(e);
  }

  out.coredump_installed = host.exists("/lib/systemd/systemd-coredump") ||
                           host.exists("/usr/lib/systemd/systemd-coredump");
  if (!out.coredump_installed) return out;
  std::vector<std::string> conf;
  if (host.exists("/etc/systemd/coredump.conf")) conf.emplace_back("/etc/systemd/coredump.conf");
  for (auto& path : merge_conf_dirs(
           host,
           {"/etc/systemd/coredump.conf.d", "/run/systemd/coredump.conf.d",
            "/usr/local/lib/systemd/coredump.conf.d", "/usr/lib/systemd/coredump.conf.d"},
           ".conf")) {
    conf.push_back(std::move(path));
  }
  for (const auto& f : conf) {
    auto text = host.read_file(f, kMaxConf);
    if (!text) {
      ctx.input_error(text.error());
      continue;
    }
    out.coredump_files.push_back(f);
    std::vector<Error> errors;
    for (auto& s : parse_coredump_conf(*text, f, errors)) out.coredump[s.key] = std::move(s);
    for (const auto& e : errors) ctx.input_error(e);
  }
  return out;
}

}  // namespace sw::scan
