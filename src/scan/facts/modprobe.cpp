// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/modprobe.h"

#include <cctype>

#include "core/glob.h"
#include "core/host.h"
#include "scan/context.h"
#include "scan/facts/conf_dirs.h"

namespace sw::scan {
namespace {

constexpr size_t kMaxConf = 4u << 20;

std::string_view basename_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

// Next whitespace-separated word of `s` from `i`; empty at the end.
std::string_view next_word(std::string_view s, size_t& i) {
  while (i < s.size() && is_space(s[i])) ++i;
  size_t j = i;
  while (j < s.size() && !is_space(s[j])) ++j;
  auto w = s.substr(i, j - i);
  i = j;
  return w;
}

}  // namespace

std::string normalize_module_name(std::string_view name) {
  std::string out(name);
  bool in_class = false;
  for (auto& c : out) {
    if (c == '[') in_class = true;
    if (c == ']') in_class = false;
    if (c == '-' && !in_class) c = '_';
  }
  return out;
}

bool install_disables(std::string_view command) {
  size_t i = 0;
  auto first = next_word(command, i);
  auto base = basename_of(first);
  return base == "false" || base == "true";
}

std::vector<ModprobeDirective> parse_modprobe_conf(std::string_view text, const std::string& path,
                                                   std::vector<Error>& errors) {
  std::vector<ModprobeDirective> out;
  auto lines = split_lines(text);
  for (size_t idx = 0; idx < lines.size(); ++idx) {
    int start_line = static_cast<int>(idx) + 1;
    std::string line(lines[idx]);
    // A trailing backslash joins the next line.
    while (!line.empty() && line.back() == '\\' && idx + 1 < lines.size()) {
      line.pop_back();
      line += ' ';
      line += lines[++idx];
    }
    if (!line.empty() && line.back() == '\\') line.pop_back();
    std::string_view t = trim(line);
    if (t.empty() || t.front() == '#') continue;
    size_t i = 0;
    auto cmd = next_word(t, i);
    ModprobeDirective d;
    d.command = std::string(cmd);
    d.file = path;
    d.line = start_line;
    if (cmd == "alias" || cmd == "options" || cmd == "install" || cmd == "remove" ||
        cmd == "blacklist" || cmd == "softdep" || cmd == "weakdep") {
      auto mod = next_word(t, i);
      std::string_view rest = trim(t.substr(i));
      bool needs_args = cmd != "blacklist" && cmd != "options";
      if (mod.empty() || (needs_args && rest.empty())) {
        errors.emplace_back(Errc::kParse, "'" + d.command + "' without its arguments, ignored",
                            path, start_line);
        continue;
      }
      // alias: the first word is the alias (kept as is), the second the module.
      d.module = cmd == "alias" ? std::string(mod) : normalize_module_name(mod);
      d.args = std::string(rest);
      out.push_back(std::move(d));
    } else if (cmd == "include" || cmd == "config") {
      continue;  // not acted upon by kmod's modprobe.d reader
    } else {
      errors.emplace_back(Errc::kParse, "unknown command '" + d.command + "', ignored", path,
                          start_line);
    }
  }
  return out;
}

std::set<std::string> parse_module_list(std::string_view text) {
  std::set<std::string> out;
  for (auto line : split_lines(text)) {
    auto t = trim(line);
    size_t colon = t.find(':');
    if (colon != std::string_view::npos) t = t.substr(0, colon);
    auto base = basename_of(t);
    size_t ko = base.find(".ko");
    if (ko == std::string_view::npos || ko == 0) continue;
    out.insert(normalize_module_name(base.substr(0, ko)));
  }
  return out;
}

const ModprobeDirective* Modprobe::install_for(std::string_view module) const {
  std::string name = normalize_module_name(module);
  for (const auto& d : directives) {
    if (d.command == "install" && glob_match(d.module, name)) return &d;
  }
  return nullptr;
}

const ModprobeDirective* Modprobe::blacklist_for(std::string_view module) const {
  std::string name = normalize_module_name(module);
  for (const auto& d : directives) {
    if (d.command == "blacklist" && d.module == name) return &d;
  }
  return nullptr;
}

Result<Modprobe> Modprobe::load(ScanContext& ctx) {
  const Host& host = ctx.host();
  Modprobe out;
  out.live = host.live();
  for (const auto& path :
       merge_conf_dirs(host,
                       {"/etc/modprobe.d", "/run/modprobe.d", "/usr/local/lib/modprobe.d",
                        "/usr/lib/modprobe.d", "/lib/modprobe.d"},
                       ".conf")) {
    auto text = host.read_file(path, kMaxConf);
    if (!text) {
      ctx.input_error(text.error());
      continue;
    }
    out.files.push_back(path);
    std::vector<Error> errors;
    auto parsed = parse_modprobe_conf(*text, path, errors);
    for (const auto& e : errors) ctx.input_error(e);
    for (auto& d : parsed) out.directives.push_back(std::move(d));
  }

  std::vector<std::string> versions;
  if (out.live) {
    if (auto rel = host.read_file("/proc/sys/kernel/osrelease", 4096)) {
      versions.emplace_back(trim(*rel));
    }
  }
  if (versions.empty()) {
    if (auto dirs = host.list_dir("/lib/modules")) {
      for (const auto& de : *dirs) versions.push_back(de.name);
    }
  }
  for (const auto& v : versions) {
    std::string dir = "/lib/modules/" + v;
    if (auto dep = host.read_file(dir + "/modules.dep", 64u << 20)) {
      out.modules_known = true;
      for (auto& m : parse_module_list(*dep)) out.available.emplace(m, dir);
    }
    if (auto builtin = host.read_file(dir + "/modules.builtin", 64u << 20)) {
      for (auto& m : parse_module_list(*builtin)) out.builtin.emplace(m, v);
    }
  }
  if (out.live) {
    if (auto mods = host.read_file("/proc/modules", 16u << 20)) {
      for (auto line : split_lines(*mods)) {
        size_t i = 0;
        auto name = next_word(line, i);
        if (!name.empty()) out.loaded.insert(normalize_module_name(name));
      }
    }
  }
  return out;
}

}  // namespace sw::scan
