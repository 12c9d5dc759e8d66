// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/sysctl.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

#include <fmt/format.h>

#include "core/glob.h"
#include "core/host.h"
#include "scan/check.h"
#include "scan/context.h"
#include "scan/facts/conf_dirs.h"
#include "scan/facts/environment.h"
#include "scan/facts/kernel_cmdline.h"

namespace sw::scan {
namespace {

constexpr size_t kMaxConf = 4u << 20;

std::string_view basename_of(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool parse_long(std::string_view s, long& out) {
  s = trim(s);
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

// Natural order of version strings ("6.1.0-9" < "6.1.0-10"), for picking the newest kernel.
bool version_less(std::string_view a, std::string_view b) {
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (std::isdigit(static_cast<unsigned char>(a[i])) &&
        std::isdigit(static_cast<unsigned char>(b[j]))) {
      size_t i2 = i;
      size_t j2 = j;
      while (i2 < a.size() && std::isdigit(static_cast<unsigned char>(a[i2]))) ++i2;
      while (j2 < b.size() && std::isdigit(static_cast<unsigned char>(b[j2]))) ++j2;
      auto na = a.substr(i, i2 - i);
      auto nb = b.substr(j, j2 - j);
      while (na.size() > 1 && na.front() == '0') na.remove_prefix(1);
      while (nb.size() > 1 && nb.front() == '0') nb.remove_prefix(1);
      if (na.size() != nb.size()) return na.size() < nb.size();
      if (na != nb) return na < nb;
      i = i2;
      j = j2;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i;
      ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

void load_kernel_config(const Host& host, bool live, Sysctl& out) {
  std::string file;
  if (live) {
    if (auto rel = host.read_file("/proc/sys/kernel/osrelease", 4096)) {
      file = "/boot/config-" + std::string(trim(*rel));
      if (!host.exists(file)) file.clear();
    }
  }
  if (file.empty()) {
    std::string best;
    for (const auto& de : host.list_files("/boot")) {
      auto name = basename_of(de);
      if (!name.starts_with("config-")) continue;
      if (best.empty() || version_less(basename_of(best), name)) best = de;
    }
    file = best;
  }
  if (file.empty()) return;
  auto text = host.read_file(file, kMaxConf);
  if (!text) return;
  out.kernel_config_file = file;
  for (auto line : split_lines(*text)) {
    auto t = trim(line);
    if (t.starts_with("# CONFIG_") && t.ends_with(" is not set")) {
      auto name = t.substr(2, t.size() - 2 - 11);
      out.kernel_config[std::string(name)] = "n";
      continue;
    }
    if (!t.starts_with("CONFIG_")) continue;
    size_t eq = t.find('=');
    if (eq == std::string_view::npos) continue;
    out.kernel_config[std::string(t.substr(0, eq))] = std::string(t.substr(eq + 1));
  }
}

}  // namespace

std::string sysctl_path_key(std::string_view key) {
  std::string out(key);
  size_t first = out.find_first_of("./");
  if (first == std::string::npos || out[first] == '/') return out;
  for (auto& c : out) {
    if (c == '.') {
      c = '/';
    } else if (c == '/') {
      c = '.';
    }
  }
  return out;
}

std::string sysctl_dotted_key(std::string_view path_key) {
  std::string out(path_key);
  for (auto& c : out) {
    if (c == '.') {
      c = '/';
    } else if (c == '/') {
      c = '.';
    }
  }
  return out;
}

std::vector<SysctlAssignment> parse_sysctl_conf(std::string_view text, const std::string& path,
                                                std::vector<Error>& errors) {
  std::vector<SysctlAssignment> out;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) {
      errors.emplace_back(Errc::kParse, "not an assignment (no '='), ignored", path, n);
      continue;
    }
    SysctlAssignment a;
    auto key = trim(line.substr(0, eq));
    if (!key.empty() && key.front() == '-') {
      a.ignore_errors = true;
      key = trim(key.substr(1));
    }
    if (key.empty()) {
      errors.emplace_back(Errc::kParse, "assignment without a key, ignored", path, n);
      continue;
    }
    a.key = sysctl_path_key(key);
    while (!a.key.empty() && a.key.front() == '/') a.key.erase(0, 1);
    if (a.key.empty()) {
      errors.emplace_back(Errc::kParse, "assignment without a key, ignored", path, n);
      continue;
    }
    a.glob = a.key.find_first_of("*?[") != std::string::npos;
    a.value = std::string(trim(line.substr(eq + 1)));
    a.file = path;
    a.line = n;
    out.push_back(std::move(a));
  }
  return out;
}

std::optional<SysctlSetting> Sysctl::persisted(std::string_view key) const {
  std::string path = sysctl_path_key(key);
  const SysctlAssignment* explicit_hit = nullptr;
  const SysctlAssignment* glob_hit = nullptr;
  for (const auto& a : assignments) {
    if (!a.glob) {
      if (a.key == path) explicit_hit = &a;
    } else if (glob_match(a.key, path, /*path_mode=*/true)) {
      glob_hit = &a;
    }
  }
  const SysctlAssignment* hit = explicit_hit ? explicit_hit : glob_hit;
  if (!hit) return std::nullopt;
  return SysctlSetting{hit->value, hit->file, hit->line, hit->glob};
}

std::optional<std::string> Sysctl::live_value(const Host& host, std::string_view key) const {
  if (!live) return std::nullopt;
  auto text = host.read_file("/proc/sys/" + sysctl_path_key(key), 65536);
  if (!text) return std::nullopt;
  // Multi-valued keys are tab separated; show them space separated.
  std::string v(trim(*text));
  std::replace(v.begin(), v.end(), '\t', ' ');
  return v;
}

std::string Sysctl::kconfig(std::string_view option) const {
  if (kernel_config.empty()) return "";
  auto it = kernel_config.find(std::string(option));
  return it == kernel_config.end() ? "n" : it->second;
}

Result<Sysctl> Sysctl::load(ScanContext& ctx) {
  const Host& host = ctx.host();
  Sysctl out;
  out.live = host.live();
  out.debian = host.exists("/etc/debian_version");
  // The directories systemd-sysctl reads, most important first (sysctl.d(5)).
  auto files = merge_conf_dirs(host,
                               {"/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d",
                                "/usr/lib/sysctl.d", "/lib/sysctl.d"},
                               ".conf");
  std::string sysctl_conf_real = host.real_path("/etc/sysctl.conf");
  bool conf_linked = false;
  for (auto& f : files) {
    // Debian's /etc/sysctl.d/99-sysctl.conf -> ../sysctl.conf: applied once, here, and reported
    // under the name people edit.
    if (host.real_path(f) == sysctl_conf_real) {
      conf_linked = true;
      f = "/etc/sysctl.conf";
    }
  }
  if (!conf_linked && host.exists("/etc/sysctl.conf")) files.emplace_back("/etc/sysctl.conf");
  for (const auto& f : files) {
    auto text = host.read_file(f, kMaxConf);
    if (!text) {
      ctx.input_error(text.error());
      continue;
    }
    out.files.push_back(f);
    std::vector<Error> errors;
    auto parsed = parse_sysctl_conf(*text, f, errors);
    for (const auto& e : errors) ctx.input_error(e);
    for (auto& a : parsed) out.assignments.push_back(std::move(a));
  }
  load_kernel_config(host, out.live, out);
  if (out.live) {
    out.ipv6_enabled = host.exists("/proc/sys/net/ipv6");
    out.ipv6_reason = out.ipv6_enabled
                          ? "IPv6 is enabled in the running kernel (/proc/sys/net/ipv6 exists)"
                          : "IPv6 is disabled in the running kernel (/proc/sys/net/ipv6 missing)";
  } else if (has_token(grub_cmdline(host), "ipv6.disable=1")) {
    out.ipv6_enabled = false;
    out.ipv6_reason = "IPv6 is disabled at boot (ipv6.disable=1 in /etc/default/grub)";
  } else {
    out.ipv6_reason = "IPv6 is assumed enabled (no ipv6.disable=1 in /etc/default/grub)";
  }
  return out;
}

// ---- shared evaluation for the checks ----

const Sysctl* sysctl_for_check(ScanContext& ctx, Outcome& out) {
  const auto& env = ctx.fact<Environment>();
  if (env && env->in_container()) {
    out.not_applicable(fmt::format(
        "inside a {} container: kernel parameters are the host's (or the container runtime's) "
        "to set, not this root's",
        env->container));
    return nullptr;
  }
  const auto& s = ctx.fact<Sysctl>();
  if (!s) {
    out.error(s.error().to_string());
    return nullptr;
  }
  return &*s;
}

SysctlVerdict evaluate_sysctl(ScanContext& ctx, Outcome& out, const SysctlExpect& e,
                              std::vector<std::string>& good) {
  const auto& fact = ctx.fact<Sysctl>();
  if (!fact) {
    out.error(fact.error().to_string());
    return SysctlVerdict::kAbsent;
  }
  const Sysctl& s = *fact;
  std::string key = sysctl_dotted_key(sysctl_path_key(e.key));
  auto live = s.live_value(ctx.host(), e.key);
  if (s.live && !live) return SysctlVerdict::kAbsent;

  auto setting = s.persisted(e.key);
  long persisted = e.kernel_default;
  std::string persisted_desc;
  Location location;
  if (setting) {
    location = {setting->file, setting->line};
    long v = 0;
    if (parse_long(setting->value, v)) {
      persisted = v;
      persisted_desc = fmt::format("{} ({}:{}{})", setting->value, setting->file, setting->line,
                                   setting->glob ? ", by a glob pattern" : "");
    } else {
      persisted_desc = fmt::format(
          "{} ({}, {}:{} sets \"{}\", which the kernel rejects, so the default stays)",
          e.kernel_default, e.default_note, setting->file, setting->line, setting->value);
    }
  } else {
    persisted_desc =
        fmt::format("{} ({}; no sysctl.d file sets it)", e.kernel_default, e.default_note);
  }
  bool persisted_ok = e.ok(persisted);
  long live_v = 0;
  bool live_ok = true;
  std::string live_desc = "not read (image mode)";
  if (live) {
    live_desc = *live;
    live_ok = parse_long(*live, live_v) && e.ok(live_v);
  }
  if (live_ok && persisted_ok) {
    good.push_back(s.live ? fmt::format("{} = {} (persisted {})", key, *live, persisted_desc)
                          : fmt::format("{} = {}", key, persisted_desc));
    return SysctlVerdict::kGood;
  }
  std::string why;
  if (!s.live) {
    why = "Judged on the value applied at boot (image mode).";
  } else if (!live_ok && !persisted_ok) {
    why = "Weak now and after the next boot.";
  } else if (!live_ok) {
    why =
        "The persisted value is not what the running kernel has: it is applied only at the next "
        "boot (or something changed it since boot); `sysctl --system` applies it now.";
  } else {
    why = setting ? "Set now but not persisted: the next boot brings back the weak value."
                  : "Set now but not persisted: nothing in sysctl.d sets it, so the next boot "
                    "brings back the weak kernel default.";
  }
  std::string evidence = fmt::format("{}: live {}, persisted {}; want {}. {}", key, live_desc,
                                     persisted_desc, e.want, why);
  if (!e.extra.empty()) evidence += " " + e.extra;
  out.fail(Issue{.subject = key,
                 .evidence = std::move(evidence),
                 .location = std::move(location),
                 .severity = e.severity});
  return SysctlVerdict::kWeak;
}

bool sysctl_is_zero(long v) { return v == 0; }
bool sysctl_is_one(long v) { return v == 1; }
bool sysctl_at_least_one(long v) { return v >= 1; }
bool sysctl_is_two(long v) { return v == 2; }
bool sysctl_one_or_two(long v) { return v == 1 || v == 2; }

int evaluate_sysctl_keys(ScanContext& ctx, Outcome& out, const std::vector<SysctlExpect>& keys,
                         std::string_view note) {
  std::vector<std::string> good;
  std::vector<std::string> absent;
  int weak = 0;
  for (const auto& k : keys) {
    switch (evaluate_sysctl(ctx, out, k, good)) {
      case SysctlVerdict::kWeak:
        ++weak;
        break;
      case SysctlVerdict::kAbsent:
        absent.push_back(k.key);
        break;
      case SysctlVerdict::kGood:
        break;
    }
  }
  if (weak == 0) {
    if (good.empty()) {
      out.not_applicable(fmt::format("the running kernel has none of {}", fmt::join(absent, ", ")));
    } else {
      std::string detail = fmt::format("{}", fmt::join(good, "; "));
      if (!absent.empty()) {
        detail += fmt::format("; not in the running kernel: {}", fmt::join(absent, ", "));
      }
      if (!note.empty()) detail += fmt::format("; {}", note);
      out.pass(detail);
    }
  }
  return weak;
}

}  // namespace sw::scan
