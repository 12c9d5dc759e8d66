// SPDX-License-Identifier: Apache-2.0
// Fuzzes parse_html() (gumbo, uriparser for <base href>), the plain-text URL finder, the
// meta-refresh split, and the link detectors (parse_url, libpsl, UrlAnalyzer) on what they find.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "phish/analyzer.h"
#include "phish/html.h"
#include "phish/links.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const sw::phish::UrlAnalyzer analyzer{sw::phish::UrlOptions{}};
  std::string_view text(reinterpret_cast<const char*>(data), size);
  sw::phish::HtmlLimits lim;
  lim.max_nodes = 20'000;
  lim.max_links = 200;
  auto doc = sw::phish::parse_html(text, lim);
  (void)sw::phish::link_reasons(doc.links, analyzer);
  (void)sw::phish::html_reasons(doc);
  auto urls = sw::phish::find_text_urls(text, 200);
  (void)sw::phish::link_reasons(urls, analyzer);
  (void)sw::phish::domains_in_text(text);
  (void)sw::phish::refresh_url(text);
  return 0;
}
