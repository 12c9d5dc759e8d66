// SPDX-License-Identifier: Apache-2.0
// Known-bad URL feeds (OpenPhish: one URL per line; PhishTank: CSV with a `url` column). Entries
// are normalised through parse_url() (uriparser + libidn2), so a feed URL and an analysed URL
// that differ only in case of the host, punycode vs Unicode, or a trailing '/' still match.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/result.h"
#include "phish/url.h"

namespace sw::phish {

struct UrlFeed {
  std::unordered_set<std::string> urls;   // normalised keys (url_feed_key)
  std::unordered_set<std::string> hosts;  // ASCII hosts listed without a path (whole host is bad)

  // Lines of the file that were not a URL or host (file and line named), at most 20; and how
  // many there were in all.
  std::vector<Error> problems;
  size_t skipped = 0;

  bool empty() const { return urls.empty() && hosts.empty(); }
  // Adds one feed entry; a bare host ("evil.xyz") blocks the host, anything else the URL. False
  // when it is neither.
  bool add(std::string_view url_or_host);
  bool contains(const ParsedUrl& u) const;
};

// The key a URL is matched on: host (punycode) + port + path + '?' + query; scheme and fragment
// dropped (feeds mix http/https for the same page), a lone trailing '/' dropped.
std::string url_feed_key(const ParsedUrl& u);

// Loads a feed file: one URL per line ('#' comments and blank lines skipped), or PhishTank CSV
// (a header naming a `url` column; quoted fields as RFC 4180). Lines that do not parse are
// skipped and listed in `problems` / counted in `skipped`; an error only when the file cannot be
// read.
Result<UrlFeed> load_url_feed(const std::string& path);

// Splits one RFC 4180 CSV line (quotes, doubled quotes); no embedded newlines.
std::vector<std::string> split_csv_line(std::string_view line);

}  // namespace sw::phish
