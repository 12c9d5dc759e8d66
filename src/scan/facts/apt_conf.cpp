// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/apt_conf.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "scan/context.h"

namespace sw::scan {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

struct Tok {
  enum Kind { kWord, kString, kOpen, kClose, kSemi } kind;
  std::string text;
  int line;
};

std::vector<Tok> tokenize(std::string_view t, const std::string& path, std::vector<Error>& errors) {
  std::vector<Tok> out;
  int line = 1;
  bool line_start = true;
  size_t i = 0;
  while (i < t.size()) {
    char c = t[i];
    if (c == '\n') {
      ++line;
      line_start = true;
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '#' && line_start) {
      auto rest = t.substr(i);
      if (rest.starts_with("#clear") || rest.starts_with("#include")) {
        size_t j = i;
        while (j < t.size() && !std::isspace(static_cast<unsigned char>(t[j]))) ++j;
        out.push_back({Tok::kWord, std::string(t.substr(i, j - i)), line});
        i = j;
        line_start = false;
        continue;
      }
      while (i < t.size() && t[i] != '\n') ++i;
      continue;
    }
    line_start = false;
    if (c == '/' && i + 1 < t.size() && t[i + 1] == '/') {
      while (i < t.size() && t[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < t.size() && t[i + 1] == '*') {
      size_t j = t.find("*/", i + 2);
      if (j == std::string_view::npos) {
        errors.emplace_back(Errc::kParse, "unterminated /* comment", path, line);
        break;
      }
      line += static_cast<int>(std::count(t.begin() + static_cast<std::ptrdiff_t>(i),
                                          t.begin() + static_cast<std::ptrdiff_t>(j), '\n'));
      i = j + 2;
      continue;
    }
    if (c == '{' || c == '}' || c == ';') {
      out.push_back({c == '{' ? Tok::kOpen : c == '}' ? Tok::kClose : Tok::kSemi, "", line});
      ++i;
      continue;
    }
    if (c == '"') {
      size_t j = t.find('"', i + 1);
      if (j == std::string_view::npos) {
        errors.emplace_back(Errc::kParse, "unterminated quoted value", path, line);
        break;
      }
      std::string_view s = t.substr(i + 1, j - i - 1);
      int start = line;
      line += static_cast<int>(std::count(s.begin(), s.end(), '\n'));
      out.push_back({Tok::kString, std::string(s), start});
      i = j + 1;
      continue;
    }
    size_t j = i;
    while (j < t.size() && !std::isspace(static_cast<unsigned char>(t[j])) && t[j] != '{' &&
           t[j] != '}' && t[j] != ';' && t[j] != '"') {
      if (t[j] == '/' && j + 1 < t.size() && (t[j + 1] == '/' || t[j + 1] == '*')) break;
      ++j;
    }
    if (j == i) {
      ++i;
      continue;
    }
    out.push_back({Tok::kWord, std::string(t.substr(i, j - i)), line});
    i = j;
  }
  return out;
}

std::string join_key(const std::vector<std::string>& scope, std::string_view tag) {
  std::string out;
  for (const auto& s : scope) {
    out += s;
    out += "::";
  }
  out += lower(tag);
  return out;
}

}  // namespace

const AptConfValue* AptConf::find(std::string_view key) const {
  auto it = entries.find(lower(key));
  return it == entries.end() ? nullptr : &it->second;
}

std::string AptConf::get(std::string_view key, std::string_view fallback) const {
  const auto* v = find(key);
  return v ? v->value : std::string(fallback);
}

bool apt_conf_part_name_ok(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-' && c != '.') {
      return false;
    }
  }
  for (std::string_view s : {".disabled", ".bak", ".save", ".orig", ".distUpgrade"}) {
    if (name.ends_with(s)) return false;
  }
  return name.find(".dpkg-") == std::string_view::npos &&
         name.find(".ucf-") == std::string_view::npos;
}

void parse_apt_conf(std::string_view text, const std::string& path, AptConf& into,
                    std::vector<Error>& errors) {
  auto toks = tokenize(text, path, errors);
  std::vector<std::string> scope;  // lower-case tags of the open blocks
  std::vector<Tok> stmt;
  auto set = [&](const std::string& key, const std::string& value, int line) {
    auto& e = into.entries[key];
    e.value = value;
    e.file = path;
    e.line = line;
  };
  auto append = [&](const std::string& key, const std::string& item, int line) {
    auto& e = into.entries[key];
    e.list.push_back(item);
    e.file = path;
    e.line = line;
  };
  for (const auto& t : toks) {
    if (t.kind == Tok::kWord || t.kind == Tok::kString) {
      stmt.push_back(t);
      continue;
    }
    if (t.kind == Tok::kOpen) {
      if (stmt.size() != 1 || stmt[0].kind != Tok::kWord) {
        errors.emplace_back(Errc::kParse, "'{' must follow exactly one tag", path, t.line);
        scope.emplace_back();  // keep the braces balanced
      } else {
        std::string tag = lower(stmt[0].text);
        while (tag.ends_with("::")) tag.resize(tag.size() - 2);
        scope.push_back(tag);
      }
      stmt.clear();
      continue;
    }
    if (t.kind == Tok::kClose) {
      if (!stmt.empty()) {
        errors.emplace_back(Errc::kParse, "missing ';' before '}'", path, t.line);
        stmt.clear();
      }
      if (scope.empty()) {
        errors.emplace_back(Errc::kParse, "unbalanced '}'", path, t.line);
      } else {
        scope.pop_back();
      }
      continue;
    }
    // ';'
    if (stmt.empty()) continue;  // the ';' after '}' or an empty statement
    int line = stmt[0].line;
    if (stmt[0].kind == Tok::kWord && stmt[0].text == "#clear") {
      for (size_t i = 1; i < stmt.size(); ++i) {
        std::string key = join_key(scope, stmt[i].text);
        while (key.ends_with("::")) key.resize(key.size() - 2);
        for (auto it = into.entries.begin(); it != into.entries.end();) {
          if (it->first == key || it->first.starts_with(key + "::")) {
            it = into.entries.erase(it);
          } else {
            ++it;
          }
        }
      }
    } else if (stmt[0].kind == Tok::kWord && stmt[0].text == "#include") {
      // Included files are not followed; Debian ships none.
    } else if (stmt.size() == 1 && stmt[0].kind == Tok::kString) {
      if (scope.empty()) {
        errors.emplace_back(Errc::kParse, "value without a tag", path, line);
      } else {
        std::vector<std::string> parent(scope.begin(), scope.end() - 1);
        append(join_key(parent, scope.back()), stmt[0].text, line);
      }
    } else if (stmt.size() == 2 && stmt[0].kind == Tok::kWord) {
      std::string key = join_key(scope, stmt[0].text);
      if (key.ends_with("::")) {
        key.resize(key.size() - 2);
        append(key, stmt[1].text, line);
      } else {
        set(key, stmt[1].text, line);
      }
    } else if (stmt.size() == 1 && stmt[0].kind == Tok::kWord) {
      set(join_key(scope, stmt[0].text), "", line);
    } else {
      errors.emplace_back(Errc::kParse,
                          fmt::format("expected 'Tag \"value\";', got {} items", stmt.size()), path,
                          line);
    }
    stmt.clear();
  }
  if (!stmt.empty()) errors.emplace_back(Errc::kParse, "missing ';' at end of file", path, 0);
  if (!scope.empty()) errors.emplace_back(Errc::kParse, "unclosed '{' at end of file", path, 0);
}

Result<AptConf> AptConf::load(ScanContext& ctx) {
  const Host& host = ctx.host();
  AptConf conf;
  std::vector<std::string> files;
  if (auto entries = host.list_dir("/etc/apt/apt.conf.d")) {
    for (const auto& e : *entries) {
      if (!apt_conf_part_name_ok(e.name)) continue;
      files.push_back("/etc/apt/apt.conf.d/" + e.name);
    }
  }
  files.emplace_back("/etc/apt/apt.conf");
  for (const auto& f : files) {
    auto st = host.stat(f);
    if (!st || st->type != FileType::kRegular) continue;
    auto text = host.read_file(f, 4u << 20);
    if (!text) {
      ctx.input_error(text.error());
      continue;
    }
    std::vector<Error> errors;
    parse_apt_conf(*text, f, conf, errors);
    for (const auto& e : errors) ctx.input_error(e);
    conf.files.push_back(f);
  }
  return conf;
}

}  // namespace sw::scan
