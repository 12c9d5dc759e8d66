// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/systemd_units.h"

#include <algorithm>

#include <fmt/format.h>

#include "scan/context.h"

namespace sw::scan {
namespace {

bool is_dev_null_link(const Host& host, const std::string& path) {
  auto st = host.lstat(path);
  if (!st) return false;
  if (st->type == FileType::kSymlink) {
    auto target = host.read_link(path);
    return target && *target == "/dev/null";
  }
  return st->type == FileType::kRegular && st->size == 0;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

const std::vector<std::string>& unit_search_path() {
  static const std::vector<std::string> kPath = {"/etc/systemd/system", "/run/systemd/system",
                                                 "/usr/local/lib/systemd/system",
                                                 "/usr/lib/systemd/system", "/lib/systemd/system"};
  return kPath;
}

std::vector<IniEntry> parse_systemd_ini(std::string_view text, const std::string& path,
                                        std::vector<Error>& errors) {
  std::vector<IniEntry> out;
  std::string section;
  auto lines = split_lines(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    int line_no = static_cast<int>(i) + 1;
    std::string_view line = trim(lines[i]);
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    // Continuation: a trailing backslash joins the next line (comment lines inside are skipped).
    std::string joined(line);
    while (!joined.empty() && joined.back() == '\\' && i + 1 < lines.size()) {
      joined.pop_back();
      ++i;
      std::string_view next = trim(lines[i]);
      if (!next.empty() && (next.front() == '#' || next.front() == ';')) continue;
      joined += ' ';
      joined += next;
    }
    if (!joined.empty() && joined.back() == '\\') joined.pop_back();
    std::string_view l = trim(joined);
    if (l.empty()) continue;
    if (l.front() == '[') {
      if (l.back() != ']' || l.size() < 3) {
        errors.emplace_back(Errc::kParse, "malformed section header", path, line_no);
        section.clear();
        continue;
      }
      section = std::string(l.substr(1, l.size() - 2));
      continue;
    }
    auto eq = l.find('=');
    if (eq == std::string_view::npos || trim(l.substr(0, eq)).empty()) {
      errors.emplace_back(Errc::kParse, "line is not 'Key=Value'", path, line_no);
      continue;
    }
    out.push_back(IniEntry{section, std::string(trim(l.substr(0, eq))),
                           std::string(trim(l.substr(eq + 1))), path, line_no});
  }
  return out;
}

const IniEntry* last_value(const std::vector<IniEntry>& entries, std::string_view section,
                           std::string_view key) {
  const IniEntry* found = nullptr;
  for (const auto& e : entries) {
    if (e.section == section && e.key == key) found = &e;
  }
  return found;
}

std::vector<IniEntry> read_systemd_config(ScanContext& ctx,
                                          const std::vector<std::string>& main_candidates,
                                          const std::vector<std::string>& dropin_dirs,
                                          std::optional<Error>* read_error) {
  const Host& host = ctx.host();
  std::vector<IniEntry> out;
  auto parse_into = [&](const std::string& path) {
    auto text = host.read_file(path, 1 << 20);
    if (!text) {
      if (text.error().code() != Errc::kNotFound && read_error && !*read_error) {
        *read_error = text.error();
      }
      return;
    }
    std::vector<Error> errors;
    auto entries = parse_systemd_ini(*text, path, errors);
    for (const auto& e : errors) ctx.input_error(e);
    out.insert(out.end(), std::make_move_iterator(entries.begin()),
               std::make_move_iterator(entries.end()));
  };
  for (const auto& m : main_candidates) {
    if (host.lstat(m)) {
      if (!is_dev_null_link(host, m)) parse_into(m);
      break;
    }
  }
  // file name -> path of the highest-priority directory holding it ("" when masked).
  std::map<std::string, std::string> chosen;
  for (const auto& dir : dropin_dirs) {
    // list_dir, not list_files: a masking link to /dev/null has no target inside the root.
    auto entries = host.list_dir(dir);
    if (!entries) continue;
    for (const auto& e : *entries) {
      if (!e.name.ends_with(".conf") || chosen.count(e.name)) continue;
      std::string path = dir + "/" + e.name;
      chosen[e.name] = is_dev_null_link(host, path) ? std::string() : path;
    }
  }
  for (const auto& [name, path] : chosen) {  // std::map: sorted by file name
    if (!path.empty()) parse_into(path);
  }
  return out;
}

UnitStatus SystemdUnits::unit(std::string_view name, std::string_view process) const {
  UnitStatus s;
  s.name = std::string(name);
  std::string key(name);
  if (auto it = unit_files.find(key); it != unit_files.end()) {
    s.installed = true;
    s.path = it->second;
  }
  if (auto it = wanted.find(key); it != wanted.end()) {
    s.enabled = true;
    s.enabled_by = it->second;
  }
  // A SysV script stands in for a unit only when no unit file of that name exists.
  std::string script = key;
  if (script.ends_with(".service")) script.resize(script.size() - 8);
  if (!s.installed) {
    if (auto it = sysv_scripts.find(script); it != sysv_scripts.end()) {
      s.installed = true;
      s.path = it->second;
      if (auto en = sysv_enabled.find(script); en != sysv_enabled.end()) {
        s.enabled = true;
        s.enabled_by = en->second;
      }
    }
  }
  if (masked.count(key)) {
    s.masked = true;
    s.enabled = false;
  }
  if (live) {
    if (invocations.count(key) || (!process.empty() && process_names.count(std::string(process)))) {
      s.active = true;
    } else if (systemd_running) {
      s.active = false;
    } else if (!process.empty() && !process_names.empty()) {
      s.active = false;
    }
  }
  return s;
}

Result<SystemdUnits> SystemdUnits::load(ScanContext& ctx) {
  const Host& host = ctx.host();
  SystemdUnits u;
  u.live = host.live();
  for (const auto& dir : unit_search_path()) {
    auto entries = host.list_dir(dir);
    if (!entries) continue;
    for (const auto& e : *entries) {
      std::string path = dir + "/" + e.name;
      bool is_dir = e.type == FileType::kDirectory;
      if (e.type == FileType::kUnknown) {
        auto st = host.stat(path);
        is_dir = st && st->type == FileType::kDirectory;
      }
      if (is_dir) {
        if (e.name.ends_with(".wants") || e.name.ends_with(".requires")) {
          if (auto links = host.list_dir(path)) {
            for (const auto& l : *links) u.wanted.emplace(l.name, path + "/" + l.name);
          }
        }
        continue;
      }
      if ((dir == "/etc/systemd/system" || dir == "/run/systemd/system") &&
          is_dev_null_link(host, path)) {
        u.masked.emplace(e.name, path);
        continue;
      }
      if (e.name.find('.') != std::string::npos) u.unit_files.emplace(e.name, path);
    }
  }
  if (auto scripts = host.list_dir("/etc/init.d")) {
    for (const auto& e : *scripts) {
      if (e.name.front() != '.' && e.name != "README" && e.name != "rc" && e.name != "rcS" &&
          e.name != "skeleton") {
        u.sysv_scripts.emplace(e.name, "/etc/init.d/" + e.name);
      }
    }
  }
  for (const char* rc : {"/etc/rc2.d", "/etc/rc3.d", "/etc/rc4.d", "/etc/rc5.d"}) {
    auto links = host.list_dir(rc);
    if (!links) continue;
    for (const auto& l : *links) {
      // "S01ssh" (sysv-rc) or "S20ssh": S, two digits, name.
      if (l.name.size() > 3 && l.name[0] == 'S' && all_digits(l.name.substr(1, 2))) {
        u.sysv_enabled.emplace(l.name.substr(3), fmt::format("{}/{}", rc, l.name));
      }
    }
  }
  if (u.live) {
    u.systemd_running = host.exists("/run/systemd/system");
    if (auto inv = host.list_dir("/run/systemd/units")) {
      for (const auto& e : *inv) {
        if (e.name.starts_with("invocation:")) u.invocations.insert(e.name.substr(11));
      }
    }
    if (auto procs = host.list_dir("/proc")) {
      for (const auto& p : *procs) {
        if (!all_digits(p.name)) continue;
        if (auto comm = host.read_file("/proc/" + p.name + "/comm", 256)) {
          auto c = trim(*comm);
          if (!c.empty()) u.process_names.emplace(c);
        }
      }
    }
  }
  return u;
}

}  // namespace sw::scan
