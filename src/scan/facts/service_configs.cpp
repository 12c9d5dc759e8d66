// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/service_configs.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "core/host.h"

namespace sw::scan {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::vector<std::string_view> words_of(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) break;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t') ++j;
    out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string unquote(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    return std::string(s.substr(1, s.size() - 2));
  }
  return std::string(s);
}

}  // namespace

VsftpdBool vsftpd_bool(std::string_view text, std::string_view option, const std::string& path,
                       std::vector<Error>& errors) {
  VsftpdBool out;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    auto eq = line.find('=');
    if (eq == std::string_view::npos || line.substr(0, eq) != option) continue;
    auto v = upper(line.substr(eq + 1));
    if (v == "YES" || v == "TRUE" || v == "1") {
      out = {true, n};
    } else if (v == "NO" || v == "FALSE" || v == "0") {
      out = {false, n};
    } else {
      errors.emplace_back(Errc::kParse,
                          fmt::format("{} needs YES or NO: vsftpd refuses to start", option), path,
                          n);
    }
  }
  return out;
}

ProftpdConf parse_proftpd(std::string_view text) {
  ProftpdConf out;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    auto u = upper(line);
    if (u.starts_with("<ANONYMOUS")) out.anonymous_lines.push_back(n);
    auto w = words_of(line);
    if (w.size() >= 2 && upper(w[0]) == "INCLUDE") out.includes.push_back(unquote(w[1]));
  }
  return out;
}

SnmpdConf parse_snmpd(std::string_view text, const std::string& path, std::vector<Error>& errors) {
  SnmpdConf out;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    auto w = words_of(line);
    std::string d(w[0]);
    std::transform(d.begin(), d.end(), d.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (d == "rocommunity" || d == "rwcommunity" || d == "rocommunity6" || d == "rwcommunity6") {
      if (w.size() < 2) {
        errors.emplace_back(Errc::kParse, fmt::format("{} without a community", w[0]), path, n);
        continue;
      }
      out.communities.push_back(
          SnmpCommunity{d, unquote(w[1]), w.size() > 2 ? std::string(w[2]) : "", n});
    } else if (d == "com2sec" || d == "com2sec6") {
      size_t i = 1;
      if (i < w.size() && w[i] == "-Cn") i += 2;
      if (i + 2 >= w.size()) {
        errors.emplace_back(Errc::kParse, fmt::format("{} needs NAME SOURCE COMMUNITY", w[0]), path,
                            n);
        continue;
      }
      out.communities.push_back(SnmpCommunity{d, unquote(w[i + 2]), std::string(w[i + 1]), n});
    } else if (d == "includefile" && w.size() >= 2) {
      out.include_files.push_back(unquote(w[1]));
    } else if (d == "includedir" && w.size() >= 2) {
      out.include_dirs.push_back(unquote(w[1]));
    } else if (d == "agentaddress" && w.size() >= 2) {
      for (size_t i = 1; i < w.size(); ++i) out.agent_addresses.emplace_back(w[i]);
    }
  }
  return out;
}

GrubPasswords parse_grub_passwords(std::string_view text) {
  GrubPasswords out;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    if (line.starts_with("set superusers=")) {
      auto value = unquote(trim(line.substr(15)));
      out.superusers.clear();
      // GRUB separates superusers with spaces, commas, semicolons, pipes or ampersands.
      std::string cur;
      for (char c : value + " ") {
        if (c == ' ' || c == ',' || c == ';' || c == '|' || c == '&' || c == '\t') {
          if (!cur.empty()) out.superusers.push_back(cur);
          cur.clear();
        } else {
          cur += c;
        }
      }
      out.superusers_line = n;
      continue;
    }
    auto w = words_of(line);
    if (w.size() >= 3 && (w[0] == "password_pbkdf2" || w[0] == "password")) {
      out.users.push_back(GrubPasswords::User{unquote(w[1]), w[0] == "password_pbkdf2", n});
    }
  }
  return out;
}

}  // namespace sw::scan
