// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/accounts.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include <fmt/format.h>

#include "scan/context.h"

namespace sw::scan {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t i = 0;
  for (;;) {
    size_t j = s.find(sep, i);
    if (j == std::string_view::npos) {
      out.push_back(s.substr(i));
      break;
    }
    out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bool parse_u32(std::string_view s, uint32_t& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

std::optional<long> parse_days(std::string_view s) {
  if (s.empty()) return std::nullopt;
  long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

bool is_comment_or_blank(std::string_view line) {
  auto t = trim(line);
  return t.empty() || t.front() == '#';
}

}  // namespace

void parse_passwd(std::string_view text, Accounts& out, std::vector<Error>& errors) {
  int n = 0;
  for (auto line : split_lines(text)) {
    ++n;
    if (is_comment_or_blank(line)) continue;
    // NIS compat entries ("+", "+user", "-user") are not local accounts.
    if (line.front() == '+' || line.front() == '-') continue;
    auto f = split(line, ':');
    Account a;
    if (f.size() != 7 || f[0].empty() || !parse_u32(f[2], a.uid) || !parse_u32(f[3], a.gid)) {
      errors.push_back(Error(Errc::kParse,
                             f.size() != 7 ? fmt::format("{} fields, expected 7", f.size())
                                           : std::string("malformed name, UID or GID"),
                             "/etc/passwd", n));
      continue;
    }
    a.name = std::string(f[0]);
    a.gecos = std::string(f[4]);
    a.home = std::string(f[5]);
    a.shell = std::string(f[6]);
    a.passwd_line = n;
    // A passwd field other than "x" holds the hash itself (legacy); treat it like shadow's.
    a.shadowed = f[1] == "x";
    if (f[1].empty()) {
      a.state = PasswordState::kEmpty;
    } else if (!a.shadowed) {
      a.state = (f[1].front() == '!' || f[1].front() == '*') ? PasswordState::kLocked
                                                             : PasswordState::kHash;
      if (a.state == PasswordState::kHash) a.scheme = crypt_scheme(f[1]);
    }
    out.accounts.push_back(std::move(a));
  }
}

void parse_shadow(std::string_view text, Accounts& out, std::vector<Error>& errors) {
  std::unordered_map<std::string_view, size_t> index;
  for (size_t i = 0; i < out.accounts.size(); ++i) index.try_emplace(out.accounts[i].name, i);
  int n = 0;
  for (auto line : split_lines(text)) {
    ++n;
    if (is_comment_or_blank(line)) continue;
    if (line.front() == '+' || line.front() == '-') continue;
    auto f = split(line, ':');
    if (f.size() != 9 || f[0].empty()) {
      errors.push_back(
          Error(Errc::kParse, fmt::format("{} fields, expected 9", f.size()), "/etc/shadow", n));
      continue;
    }
    auto it = index.find(f[0]);
    if (it == index.end()) continue;  // shadow entry without passwd entry: not an account
    Account& a = out.accounts[it->second];
    if (a.has_shadow) continue;  // getspnam returns the first entry; later duplicates are ignored
    a.has_shadow = true;
    a.shadow_line = n;
    // When the passwd field is not "x" it decides the password; shadow then only adds ageing.
    std::string_view pw = f[1];
    if (a.shadowed && pw.empty()) {
      a.state = PasswordState::kEmpty;
    } else if (a.shadowed && (pw.front() == '!' || pw.front() == '*')) {
      a.state = PasswordState::kLocked;
      size_t hash_start = pw.find_first_not_of("!*");
      if (hash_start != std::string_view::npos) a.scheme = crypt_scheme(pw.substr(hash_start));
    } else if (a.shadowed) {
      a.state = PasswordState::kHash;
      a.scheme = crypt_scheme(pw);
    }
    a.last_change_days = parse_days(f[2]);
    a.min_days = parse_days(f[3]);
    a.max_days = parse_days(f[4]);
    a.warn_days = parse_days(f[5]);
    a.inactive_days = parse_days(f[6]);
    a.expire_days = parse_days(f[7]);
  }
}

void parse_group(std::string_view text, Accounts& out, std::vector<Error>& errors) {
  int n = 0;
  for (auto line : split_lines(text)) {
    ++n;
    if (is_comment_or_blank(line)) continue;
    if (line.front() == '+' || line.front() == '-') continue;
    auto f = split(line, ':');
    Group g;
    if (f.size() != 4 || f[0].empty() || !parse_u32(f[2], g.gid)) {
      errors.push_back(Error(Errc::kParse, "malformed group entry (expected name:x:GID:members)",
                             "/etc/group", n));
      continue;
    }
    g.name = std::string(f[0]);
    g.line = n;
    if (!f[3].empty()) {
      for (auto m : split(f[3], ',')) {
        auto t = trim(m);
        if (!t.empty()) g.members.emplace_back(t);
      }
    }
    out.groups.push_back(std::move(g));
  }
}

bool Account::has_login_shell() const {
  std::string_view s = shell;
  if (s.empty()) return true;  // login(1) uses /bin/sh for an empty shell field
  for (std::string_view no : {"/nologin", "/false", "/sync", "/halt", "/shutdown"}) {
    if (s.ends_with(no)) return false;
  }
  return true;
}

const Account* Accounts::find(std::string_view name) const {
  for (const auto& a : accounts) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

const Group* Accounts::find_group(std::string_view name) const {
  for (const auto& g : groups) {
    if (g.name == name) return &g;
  }
  return nullptr;
}

bool Accounts::is_human(const Account& a) const { return a.uid >= uid_min && a.uid != 65534; }

std::string crypt_scheme(std::string_view h) {
  if (h.starts_with("$y$")) return "yescrypt";
  if (h.starts_with("$gy$")) return "gost-yescrypt";
  if (h.starts_with("$7$")) return "scrypt";
  if (h.starts_with("$2a$") || h.starts_with("$2b$") || h.starts_with("$2y$") ||
      h.starts_with("$2x$"))
    return "bcrypt";
  if (h.starts_with("$6$")) return "sha512";
  if (h.starts_with("$5$")) return "sha256";
  if (h.starts_with("$sha1$")) return "sha1";
  if (h.starts_with("$md5")) return "sun-md5";
  if (h.starts_with("$1$")) return "md5";
  if (h.starts_with("$3$")) return "nthash";
  if (h.starts_with("_") && h.size() == 20) return "bsdi-des";
  if (h.size() == 13 && std::all_of(h.begin(), h.end(), [](char c) {
        return c == '.' || c == '/' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
               (c >= 'a' && c <= 'z');
      }))
    return "des";
  return "unknown";
}

Result<Accounts> Accounts::load(ScanContext& ctx) {
  const Host& host = ctx.host();
  Accounts out;
  if (auto defs = host.read_file("/etc/login.defs", 1 << 20)) {
    for (auto line : split_lines(*defs)) {
      auto t = trim(line);
      if (t.starts_with("UID_MIN") && t.size() > 7 && (t[7] == ' ' || t[7] == '\t')) {
        uint32_t v = 0;
        if (parse_u32(trim(t.substr(7)), v)) out.uid_min = v;
      }
    }
  }
  auto passwd = host.read_file("/etc/passwd");
  if (!passwd) {
    out.passwd_error = passwd.error();
    return out;
  }
  std::vector<Error> errors;
  parse_passwd(*passwd, out, errors);
  if (auto shadow = host.read_file("/etc/shadow")) {
    parse_shadow(*shadow, out, errors);
  } else {
    out.shadow_error = shadow.error();
  }
  if (auto group = host.read_file("/etc/group")) {
    parse_group(*group, out, errors);
  } else {
    out.group_error = group.error();
  }
  for (const auto& e : errors) ctx.input_error(e);
  return out;
}

}  // namespace sw::scan
