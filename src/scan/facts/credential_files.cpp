// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/credential_files.h"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/host.h"
#include "scan/facts/openssh_key.h"

namespace sw::scan {
namespace {

// --- netrc ---

class NetrcLexer {
 public:
  explicit NetrcLexer(std::string_view s) : s_(s) {}

  // The next token and its line; false at the end. `error` is set for an unterminated quote.
  bool next(std::string& tok, int& line, std::string& error) {
    tok.clear();
    for (;;) {
      while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) {
        if (s_[pos_] == '\n') ++line_;
        ++pos_;
      }
      if (pos_ >= s_.size()) return false;
      if (s_[pos_] != '#') break;
      while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;  // curl: "#" starts a comment
    }
    line = line_;
    if (s_[pos_] == '"') {
      ++pos_;
      for (;;) {
        if (pos_ >= s_.size()) {
          error = "unterminated quoted string";
          return true;
        }
        char c = s_[pos_++];
        if (c == '"') break;
        if (c == '\n') ++line_;
        if (c == '\\' && pos_ < s_.size()) {
          char e = s_[pos_++];
          c = e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
        }
        tok += c;
      }
      return true;
    }
    while (pos_ < s_.size() && !std::isspace(static_cast<unsigned char>(s_[pos_]))) {
      tok += s_[pos_++];
    }
    return true;
  }

  // A macdef body: the rest of the current line, then lines up to and including an empty line.
  void skip_macro() {
    while (pos_ < s_.size() && s_[pos_] != '\n') ++pos_;
    while (pos_ < s_.size()) {
      ++pos_;  // the '\n'
      ++line_;
      size_t end = s_.find('\n', pos_);
      std::string_view l = s_.substr(pos_, end == std::string_view::npos ? s_.npos : end - pos_);
      if (l.empty() || l == "\r") {
        if (end != std::string_view::npos) {
          pos_ = end + 1;
          ++line_;
        } else {
          pos_ = s_.size();
        }
        return;
      }
      pos_ = end == std::string_view::npos ? s_.size() : end;
    }
  }

 private:
  std::string_view s_;
  size_t pos_ = 0;
  int line_ = 1;
};

// --- percent decoding and URLs ---

size_t percent_decoded_length(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i, ++n) {
    if (s[i] == '%' && i + 2 < s.size() + 0 &&
        std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      i += 2;
    }
  }
  return n;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

Netrc parse_netrc(std::string_view text, const std::string& path) {
  Netrc out;
  NetrcLexer lex(text);
  std::string tok, value, error;
  int line = 0, value_line = 0;
  auto take_value = [&](std::string_view what) {
    error.clear();
    if (!lex.next(value, value_line, error)) {
      out.errors.emplace_back(Errc::kParse, fmt::format("\"{}\" without a value", what), path,
                              line);
      return false;
    }
    if (!error.empty()) {
      out.errors.emplace_back(Errc::kParse, error, path, value_line);
      return false;
    }
    return true;
  };
  while (lex.next(tok, line, error)) {
    if (!error.empty()) {
      out.errors.emplace_back(Errc::kParse, error, path, line);
      break;
    }
    if (tok == "machine") {
      if (!take_value(tok)) break;
      out.entries.push_back(NetrcEntry{.machine = value, .line = line});
    } else if (tok == "default") {
      out.entries.push_back(NetrcEntry{.machine = "default", .line = line});
    } else if (tok == "login" || tok == "password" || tok == "account") {
      std::string key = tok;
      if (!take_value(key)) break;
      if (out.entries.empty()) {
        out.errors.emplace_back(Errc::kParse,
                                fmt::format("\"{}\" before any \"machine\" or \"default\"", key),
                                path, line);
        continue;
      }
      NetrcEntry& e = out.entries.back();
      if (key == "login") {
        e.login = value;
      } else if (key == "password") {
        e.password_line = value_line;
        e.password_length = value.size();
      } else {
        e.has_account = true;
      }
      std::fill(value.begin(), value.end(), '\0');
    } else if (tok == "macdef") {
      if (!take_value(tok)) break;
      lex.skip_macro();
    } else {
      out.errors.emplace_back(Errc::kParse,
                              "unknown token, skipped (not shown: it may be a secret)", path, line);
    }
  }
  return out;
}

GitCredentials parse_git_credentials(std::string_view text, const std::string& path) {
  GitCredentials out;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    std::string_view l = trim(raw);
    if (l.empty()) continue;
    auto sep = l.find("://");
    if (sep == std::string_view::npos || sep == 0) {
      out.errors.emplace_back(Errc::kParse, "not a URL (git ignores this line)", path, n);
      continue;
    }
    GitCredential c;
    c.line = n;
    c.scheme = std::string(l.substr(0, sep));
    std::string_view rest = l.substr(sep + 3);
    // As git's credential_from_url: the first '@' before the first '/' ends the user info, and
    // the first ':' in it separates user and password.
    size_t slash = std::min(rest.find('/'), rest.size());
    size_t at = rest.find('@');
    if (at == std::string_view::npos || at >= slash) {
      c.host = std::string(rest.substr(0, slash));
    } else {
      std::string_view info = rest.substr(0, at);
      c.host = std::string(rest.substr(at + 1, slash - at - 1));
      size_t colon = info.find(':');
      if (colon == std::string_view::npos) {
        c.user = percent_decode(info);
      } else {
        c.user = percent_decode(info.substr(0, colon));
        c.password_length = percent_decoded_length(info.substr(colon + 1));
      }
    }
    out.entries.push_back(std::move(c));
  }
  return out;
}

Pgpass parse_pgpass(std::string_view text, const std::string& path) {
  Pgpass out;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    if (raw.empty() || raw.front() == '#') continue;
    if (trim(raw).empty()) continue;
    std::vector<std::string> fields(1);
    size_t password_length = 0;
    for (size_t i = 0; i < raw.size(); ++i) {
      char c = raw[i];
      if (c == '\\' && i + 1 < raw.size()) {
        c = raw[++i];
      } else if (c == ':' && fields.size() < 5) {
        fields.emplace_back();
        continue;
      }
      if (fields.size() == 5) {
        ++password_length;  // the password is never stored
      } else {
        fields.back() += c;
      }
    }
    if (fields.size() < 5) {
      out.errors.emplace_back(
          Errc::kParse,
          fmt::format("{} fields, expected host:port:database:username:password (libpq ignores "
                      "this line)",
                      fields.size()),
          path, n);
      continue;
    }
    out.entries.push_back(PgpassEntry{.host = fields[0],
                                      .port = fields[1],
                                      .database = fields[2],
                                      .user = fields[3],
                                      .password_length = password_length,
                                      .line = n});
  }
  return out;
}

AwsCredentials parse_aws_credentials(std::string_view text, const std::string& path,
                                     bool config_file) {
  AwsCredentials out;
  std::map<std::string, size_t> index;
  std::optional<size_t> current;  // profile of the current section; nullopt outside profiles
  bool in_section = false;
  bool after_key = false;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    std::string_view l = trim(raw);
    if (l.empty() || l.front() == '#' || l.front() == ';') continue;
    if ((raw.front() == ' ' || raw.front() == '\t') && after_key) continue;  // nested value
    if (l.front() == '[') {
      after_key = false;
      if (l.back() != ']') {
        out.errors.emplace_back(Errc::kParse, "section header without \"]\"", path, n);
        current.reset();
        in_section = false;
        continue;
      }
      in_section = true;
      std::string name(trim(l.substr(1, l.size() - 2)));
      if (config_file && name != "default") {
        if (name.rfind("profile ", 0) != 0) {
          current.reset();  // sso-session, services, ...: not a profile
          continue;
        }
        name = std::string(trim(std::string_view(name).substr(8)));
      }
      auto [it, inserted] = index.try_emplace(name, out.profiles.size());
      if (inserted) out.profiles.push_back(AwsProfile{.name = name, .line = n});
      current = it->second;
      continue;
    }
    auto eq = l.find('=');
    if (eq == std::string_view::npos) {
      out.errors.emplace_back(Errc::kParse, "expected \"key = value\"", path, n);
      after_key = false;
      continue;
    }
    after_key = true;
    if (!in_section) {
      out.errors.emplace_back(Errc::kParse, "setting before any [section]", path, n);
      continue;
    }
    if (!current) continue;
    std::string key = lower(trim(l.substr(0, eq)));
    std::string_view value = trim(l.substr(eq + 1));
    AwsProfile& p = out.profiles[*current];
    if (key == "aws_access_key_id") {
      p.access_key_prefix = std::string(value.substr(0, 4));
    } else if (key == "aws_secret_access_key" && !value.empty()) {
      p.secret_line = n;
      p.secret_length = value.size();
    } else if ((key == "aws_session_token" || key == "aws_security_token") && !value.empty()) {
      p.session_token = true;
    }
  }
  return out;
}

DockerConfig parse_docker_config(std::string_view text, const std::string& path) {
  DockerConfig out;
  auto j = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    out.errors.emplace_back(Errc::kParse, "not a JSON object", path);
    return out;
  }
  std::map<std::string, std::string> helpers;
  if (auto it = j.find("credsStore"); it != j.end() && it->is_string()) {
    out.creds_store = it->get<std::string>();
  }
  if (auto it = j.find("credHelpers"); it != j.end() && it->is_object()) {
    for (const auto& [reg, helper] : it->items()) {
      if (helper.is_string()) helpers[reg] = helper.get<std::string>();
    }
  }
  auto auths = j.find("auths");
  if (auths == j.end()) return out;
  if (!auths->is_object()) {
    out.errors.emplace_back(Errc::kParse, "\"auths\" is not an object", path);
    return out;
  }
  for (const auto& item : auths->items()) {
    const std::string& reg = item.key();
    const nlohmann::json& entry = item.value();
    if (!entry.is_object()) continue;
    DockerAuth a;
    a.registry = reg;
    auto str = [&](const char* key) -> std::string {
      auto it = entry.find(key);
      return it != entry.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    std::string auth = str("auth");
    if (!auth.empty()) {
      a.has_auth = true;
      if (auto dec = base64_decode(auth)) {
        std::string_view up(reinterpret_cast<const char*>(dec->data()), dec->size());
        auto colon = up.find(':');
        a.user = std::string(up.substr(0, colon));
        a.password_length = colon == std::string_view::npos ? 0 : up.size() - colon - 1;
        std::fill(dec->begin(), dec->end(), uint8_t{0});
      } else {
        out.errors.emplace_back(Errc::kParse,
                                fmt::format("auths \"{}\": \"auth\" is not base64", reg), path);
      }
    }
    std::string password = str("password");
    if (!password.empty()) {
      a.password_length = password.size();
      if (a.user.empty()) a.user = str("username");
    }
    a.has_token = !str("identitytoken").empty() || !str("registrytoken").empty();
    if (!a.has_auth && password.empty() && !a.has_token) continue;
    if (auto it = helpers.find(reg); it != helpers.end()) {
      a.helper = it->second;
    } else {
      a.helper = out.creds_store;
    }
    out.auths.push_back(std::move(a));
  }
  return out;
}

}  // namespace sw::scan
