// SPDX-License-Identifier: Apache-2.0
#include "scan/facts/apt_sources.h"

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

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    size_t j = i;
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

std::string AptSource::option(std::string_view name) const {
  auto it = options.find(lower(name));
  return it == options.end() ? std::string() : lower(trim(it->second));
}

bool AptSource::option_yes(std::string_view name) const {
  auto v = option(name);
  return v == "yes" || v == "true" || v == "1";
}

std::vector<AptSource> parse_sources_list(std::string_view text, const std::string& path,
                                          std::vector<Error>& errors) {
  std::vector<AptSource> out;
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    auto line = raw;
    if (auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = trim(line);
    if (line.empty()) continue;
    AptSource s;
    s.file = path;
    s.line = n;
    auto sp = line.find_first_of(" \t");
    std::string type(line.substr(0, sp));
    if (type != "deb" && type != "deb-src") {
      errors.emplace_back(Errc::kParse, fmt::format("unknown type '{}'", type), path, n);
      continue;
    }
    s.types.push_back(type);
    std::string_view rest = sp == std::string_view::npos ? "" : trim(line.substr(sp));
    if (rest.starts_with("[")) {
      auto close = rest.find(']');
      if (close == std::string_view::npos) {
        errors.emplace_back(Errc::kParse, "'[' options without ']'", path, n);
        continue;
      }
      for (const auto& opt : words(rest.substr(1, close - 1))) {
        auto eq = opt.find('=');
        if (eq == std::string::npos || eq == 0) {
          errors.emplace_back(Errc::kParse, fmt::format("option '{}' is not name=value", opt), path,
                              n);
          continue;
        }
        std::string name = lower(opt.substr(0, eq));
        if (name.ends_with("+") || name.ends_with("-")) name.pop_back();
        s.options[name] = opt.substr(eq + 1);
      }
      rest = trim(rest.substr(close + 1));
    }
    auto w = words(rest);
    if (w.size() < 2) {
      errors.emplace_back(Errc::kParse, "expected URI and suite", path, n);
      continue;
    }
    s.uris.push_back(w[0]);
    s.suites.push_back(w[1]);
    s.components.assign(w.begin() + 2, w.end());
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<AptSource> parse_deb822_sources(std::string_view text, const std::string& path,
                                            std::vector<Error>& errors) {
  std::vector<AptSource> out;
  std::map<std::string, std::string> fields;
  std::string last;
  int start = 0;
  auto flush = [&]() {
    if (fields.empty()) return;
    AptSource s;
    s.file = path;
    s.line = start;
    s.deb822 = true;
    for (auto& [k, v] : fields) {
      if (k == "types") {
        s.types = words(v);
      } else if (k == "uris") {
        s.uris = words(v);
      } else if (k == "suites") {
        s.suites = words(v);
      } else if (k == "components") {
        s.components = words(v);
      } else if (k == "enabled") {
        s.enabled = lower(trim(v)) != "no";
      } else {
        s.options[k] = v;
      }
    }
    if (s.types.empty() || s.uris.empty() || s.suites.empty()) {
      errors.emplace_back(Errc::kParse, "stanza without Types, URIs or Suites", path, start);
    } else {
      out.push_back(std::move(s));
    }
    fields.clear();
    last.clear();
  };
  int n = 0;
  for (auto raw : split_lines(text)) {
    ++n;
    if (!raw.empty() && raw.front() == '#') continue;
    if (trim(raw).empty()) {
      flush();
      continue;
    }
    if (raw.front() == ' ' || raw.front() == '\t') {
      if (last.empty()) {
        errors.emplace_back(Errc::kParse, "continuation line without a field", path, n);
        continue;
      }
      fields[last] += "\n";
      fields[last] += std::string(trim(raw));
      continue;
    }
    auto colon = raw.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      errors.emplace_back(Errc::kParse, "expected 'Field: value'", path, n);
      continue;
    }
    if (fields.empty()) start = n;
    last = lower(trim(raw.substr(0, colon)));
    fields[last] = std::string(trim(raw.substr(colon + 1)));
  }
  flush();
  return out;
}

Result<AptSources> AptSources::load(ScanContext& ctx) {
  const Host& host = ctx.host();
  AptSources out;
  std::vector<std::string> files;
  if (host.exists("/etc/apt/sources.list")) files.emplace_back("/etc/apt/sources.list");
  for (const auto& f : host.list_files("/etc/apt/sources.list.d")) {
    if (f.ends_with(".list") || f.ends_with(".sources")) files.push_back(f);
  }
  for (const auto& f : files) {
    auto text = host.read_file(f, 4u << 20);
    if (!text) {
      ctx.input_error(text.error());
      continue;
    }
    std::vector<Error> errors;
    auto sources = f.ends_with(".sources") ? parse_deb822_sources(*text, f, errors)
                                           : parse_sources_list(*text, f, errors);
    for (const auto& e : errors) ctx.input_error(e);
    for (auto& s : sources) out.sources.push_back(std::move(s));
    out.files.push_back(f);
  }
  return out;
}

}  // namespace sw::scan
