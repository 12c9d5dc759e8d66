// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/nm_connections.h"

#include <fmt/format.h>

#include "scan/context.h"

namespace sw::scan {
namespace {

std::string section_alias(std::string_view s) {
  if (s == "802-11-wireless") return "wifi";
  if (s == "802-11-wireless-security") return "wifi-security";
  if (s == "802-3-ethernet") return "ethernet";
  return std::string(s);
}

bool ignored_name(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.ends_with("~")) return true;
  for (std::string_view suffix : {".bak", ".orig", ".rej", ".swp", ".tmp", ".nmmeta"}) {
    if (name.ends_with(suffix)) return true;
  }
  for (std::string_view infix : {".rpmnew", ".rpmsave", ".rpmorig", ".dpkg-", ".pacnew"}) {
    if (name.find(infix) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

const std::pair<std::string, int>* IniFile::get(std::string_view section,
                                                std::string_view key) const {
  auto s = sections.find(std::string(section));
  if (s == sections.end()) return nullptr;
  auto k = s->second.find(std::string(key));
  return k == s->second.end() ? nullptr : &k->second;
}

bool IniFile::has_section(std::string_view section) const {
  return sections.contains(std::string(section));
}

IniFile parse_ini(std::string_view text, const std::string& path, std::vector<Error>& errors) {
  IniFile out;
  std::string current;
  bool in_section = false;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == '[') {
      if (line.back() != ']' || line.size() < 3) {
        errors.emplace_back(Errc::kParse, "malformed section header", path, n);
        in_section = false;
        continue;
      }
      current = section_alias(trim(line.substr(1, line.size() - 2)));
      out.sections[current];
      in_section = true;
      continue;
    }
    auto eq = line.find('=');
    if (eq == std::string_view::npos || eq == 0) {
      errors.emplace_back(Errc::kParse, "expected key=value", path, n);
      continue;
    }
    if (!in_section) {
      errors.emplace_back(Errc::kParse, "key outside of any [section]", path, n);
      continue;
    }
    out.sections[current][std::string(trim(line.substr(0, eq)))] = {
        std::string(trim(line.substr(eq + 1))), n};
  }
  return out;
}

NmConnection parse_nm_keyfile(std::string_view text, const std::string& path,
                              std::vector<Error>& errors) {
  NmConnection c;
  c.path = path;
  auto ini = parse_ini(text, path, errors);
  auto value = [&](std::string_view s, std::string_view k) -> std::string {
    const auto* v = ini.get(s, k);
    return v ? v->first : std::string();
  };
  c.id = value("connection", "id");
  c.type = section_alias(value("connection", "type"));
  if (const auto* t = ini.get("connection", "type")) c.line_of_type = t->second;
  c.ssid = value("wifi", "ssid");
  c.mode = value("wifi", "mode");
  auto ac = value("connection", "autoconnect");
  c.autoconnect = !(ac == "false" || ac == "0" || ac == "no");
  // permissions=user:alice:;user:bob:;
  auto perms = value("connection", "permissions");
  if (auto p = perms.find("user:"); p != std::string::npos) {
    auto end = perms.find_first_of(":;", p + 5);
    c.owner = perms.substr(p + 5, end == std::string::npos ? std::string::npos : end - p - 5);
  }
  c.has_security = ini.has_section("wifi-security");
  c.key_mgmt = value("wifi-security", "key-mgmt");
  if (const auto* k = ini.get("wifi-security", "key-mgmt")) c.key_mgmt_line = k->second;
  c.auth_alg = value("wifi-security", "auth-alg");
  if (auto s = ini.sections.find("wifi-security"); s != ini.sections.end()) {
    for (const auto& [key, v] : s->second) {
      if (key.starts_with("wep-key") && key != "wep-key-flags" && key != "wep-tx-keyidx") {
        c.wep = true;
        if (key != "wep-key-type" && !v.first.empty()) c.has_secret = true;
      }
      if ((key == "psk" || key == "leap-password") && !v.first.empty()) c.has_secret = true;
    }
    if (c.key_mgmt == "none" && s->second.contains("wep-key-flags")) c.wep = true;
  }
  if (const auto* pw = ini.get("802-1x", "password"); pw && !pw->first.empty()) {
    c.has_secret = true;
  }
  return c;
}

Result<NmConnections> NmConnections::load(ScanContext& ctx) {
  const Host& host = ctx.host();
  NmConnections out;
  auto entries = host.list_dir(out.dir);
  if (!entries) {
    if (entries.error().code() != Errc::kNotFound) out.unreadable.push_back(entries.error());
    return out;
  }
  out.dir_exists = true;
  for (const auto& e : *entries) {
    if (ignored_name(e.name)) continue;
    std::string path = out.dir + "/" + e.name;
    auto st = host.stat(path);
    if (!st || st->type != FileType::kRegular) continue;
    auto text = host.read_file(path, 1 << 20);
    if (!text) {
      out.unreadable.push_back(text.error());
      continue;
    }
    std::vector<Error> errors;
    auto c = parse_nm_keyfile(*text, path, errors);
    for (const auto& err : errors) ctx.input_error(err);
    c.mode_bits = st->mode;
    c.uid = st->uid;
    out.connections.push_back(std::move(c));
  }
  return out;
}

}  // namespace sw::scan
