// SPDX-License-Identifier: Apache-2.0
// Known-bad URL feeds: OpenPhish lists and PhishTank CSV, normalised with parse_url().
#include "phish/feed.h"

#include <cerrno>
#include <fstream>

#include "phish/shown.h"

namespace sw::phish {

std::vector<std::string> split_csv_line(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

std::string url_feed_key(const ParsedUrl& u) {
  std::string key = u.host_ascii;
  if (!key.empty() && key.back() == '.') key.pop_back();
  if (u.port >= 0) key += ":" + std::to_string(u.port);
  std::string path = u.path;
  if (path == "/") path.clear();
  key += path;
  if (!u.query.empty()) key += "?" + u.query;
  if (u.host_ascii.empty()) key = u.scheme + ":" + u.path;
  return key;
}

bool UrlFeed::add(std::string_view url_or_host) {
  auto u = parse_url(url_or_host);
  if (!u) return false;
  bool bare = url_or_host.find('/') == std::string_view::npos &&
              url_or_host.find('?') == std::string_view::npos && !u->host_ascii.empty();
  if (bare) {
    hosts.insert(u->host_ascii);
  } else {
    urls.insert(url_feed_key(*u));
  }
  return true;
}

bool UrlFeed::contains(const ParsedUrl& u) const {
  if (!hosts.empty() && !u.host_ascii.empty() && hosts.contains(u.host_ascii)) return true;
  return !urls.empty() && urls.contains(url_feed_key(u));
}

Result<UrlFeed> load_url_feed(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Unexpected(error_from_errno(errno, "open", path));
  UrlFeed feed;
  std::string line;
  int url_column = -1;
  bool first = true;
  int line_no = 0;
  auto add = [&](std::string_view entry) {
    if (feed.add(entry)) return;
    if (++feed.skipped <= 20) {
      feed.problems.emplace_back(
          Errc::kParse, "not a URL or host name, skipped: '" + shown(entry) + "'", path, line_no);
    }
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (first) {
      first = false;
      auto header = split_csv_line(line);
      for (size_t i = 0; i < header.size() && header.size() > 1; ++i) {
        if (header[i] == "url") url_column = static_cast<int>(i);
      }
      if (url_column >= 0) continue;
    }
    if (url_column >= 0) {
      auto f = split_csv_line(line);
      if (static_cast<size_t>(url_column) < f.size()) {
        add(f[static_cast<size_t>(url_column)]);
      } else {
        add("");
      }
    } else {
      add(line);
    }
  }
  if (in.bad()) return Unexpected(error_from_errno(errno, "read", path));
  return feed;
}

}  // namespace sw::phish
