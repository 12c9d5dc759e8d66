// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the language lockfile parsers (see lock_util.h). Hand-written: a key-position
// scan over JSON text (nlohmann/simdjson keep no source positions).
#include "vuln/inventory/lock_util.h"

#include <algorithm>

namespace sw::vuln::lockutil {

std::string_view base_name(std::string_view path) {
  auto pos = path.rfind('/');
  return pos == std::string_view::npos ? path : path.substr(pos + 1);
}

std::string_view dir_name(std::string_view path) {
  auto pos = path.rfind('/');
  return pos == std::string_view::npos ? std::string_view{} : path.substr(0, pos);
}

bool is_hex(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

std::string commit_from_url(std::string_view url) {
  // osv-scanner's tryExtractCommit: the commit is the URL fragment, a codeload tarball name or a
  // GitLab archive ?ref=; we accept full (40) and abbreviated (>= 7) hex ids in a fragment.
  auto take = [](std::string_view s, size_t min_len) -> std::string {
    auto end = s.find_first_of("&?#");
    if (end != std::string_view::npos) s = s.substr(0, end);
    if (s.size() >= min_len && s.size() <= 64 && is_hex(s)) return std::string(s);
    return {};
  };
  for (std::string_view marker : {"#commit=", "#commit:", "?ref=", "/tar.gz/", "#"}) {
    auto pos = url.rfind(marker);
    if (pos == std::string_view::npos) continue;
    auto rest = url.substr(pos + marker.size());
    auto c = take(rest, 7);
    if (!c.empty()) return c;
  }
  return {};
}

std::string not_object(std::string_view key) {
  return "entry \"" + std::string(key.substr(0, 200)) + "\" is not an object";
}

int line_at(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

JsonKeyLines::JsonKeyLines(std::string_view text) {
  int line = 1;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    char c = text[i];
    if (c == '\n') {
      ++line;
      ++i;
      continue;
    }
    if (c != '"') {
      ++i;
      continue;
    }
    // A JSON string: read it, unescaping the simple escapes (keys we look up are plain).
    std::string s;
    int start_line = line;
    ++i;
    while (i < n && text[i] != '"') {
      if (text[i] == '\\' && i + 1 < n) {
        char e = text[i + 1];
        s.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e);
        i += 2;
        continue;
      }
      if (text[i] == '\n') ++line;
      s.push_back(text[i]);
      ++i;
    }
    ++i;  // closing quote
    size_t j = i;
    while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n')) ++j;
    if (j >= n || text[j] != ':') continue;
    ++j;
    while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n')) ++j;
    any_lines_[s].push_back(start_line);
    if (j < n && text[j] == '{') lines_[std::move(s)].push_back(start_line);
  }
}

namespace {
int find_in(const std::map<std::string, std::vector<int>, std::less<>>& lines, std::string_view key,
            int after) {
  auto it = lines.find(key);
  if (it == lines.end()) return 0;
  auto pos = std::lower_bound(it->second.begin(), it->second.end(), after);
  return pos == it->second.end() ? 0 : *pos;
}
}  // namespace

int JsonKeyLines::find(std::string_view key, int after) const {
  return find_in(lines_, key, after);
}

int JsonKeyLines::find_any(std::string_view key, int after) const {
  return find_in(any_lines_, key, after);
}

void add_dedup(PackageList& out, Package pkg) {
  for (auto& p : out.packages) {
    if (p.name == pkg.name && p.version == pkg.version && p.commit == pkg.commit &&
        p.path == pkg.path) {
      // Production wins over any group; otherwise keep the union of groups.
      if (p.groups.empty() || pkg.groups.empty()) {
        p.groups.clear();
      } else {
        for (auto& g : pkg.groups) {
          if (std::find(p.groups.begin(), p.groups.end(), g) == p.groups.end())
            p.groups.push_back(g);
        }
      }
      return;
    }
  }
  out.packages.push_back(std::move(pkg));
}

std::optional<nlohmann::ordered_json> parse_json_object(std::string_view text,
                                                        const std::string& path,
                                                        std::string_view what,
                                                        std::vector<Error>& errors) {
  nlohmann::ordered_json doc;
  try {
    doc = nlohmann::ordered_json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    errors.emplace_back(Errc::kParse, std::string("invalid JSON: ") + e.what(), path,
                        line_at(text, e.byte > 0 ? e.byte - 1 : 0));
    return std::nullopt;
  } catch (const std::exception& e) {
    errors.emplace_back(Errc::kParse, std::string("invalid JSON: ") + e.what(), path, 0);
    return std::nullopt;
  }
  if (!doc.is_object()) {
    errors.emplace_back(Errc::kParse, std::string(what) + " is not a JSON object", path, 1);
    return std::nullopt;
  }
  return doc;
}

PackageList parse_yaml_map(std::string_view text, const std::string& path, std::string_view what,
                           const std::function<PackageList(const YAML::Node&)>& parse) {
  PackageList out;
  try {
    YAML::Node doc = YAML::Load(std::string(text));
    if (doc.IsNull()) return out;
    if (!doc.IsMap()) {
      out.errors.emplace_back(Errc::kParse, std::string(what) + " is not a YAML mapping", path, 1);
      return out;
    }
    return parse(doc);
  } catch (const YAML::Exception& e) {
    out.errors.emplace_back(Errc::kParse, "invalid YAML: " + e.msg, path,
                            e.mark.is_null() ? 0 : e.mark.line + 1);
  } catch (const std::exception& e) {
    out.errors.emplace_back(Errc::kParse, std::string("invalid YAML: ") + e.what(), path, 0);
  }
  return out;
}

}  // namespace sw::vuln::lockutil
