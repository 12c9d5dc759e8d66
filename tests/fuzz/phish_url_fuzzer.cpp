// SPDX-License-Identifier: Apache-2.0
// Fuzzes parse_url() (uriparser, libidn2, libpsl) and the URL detectors (ICU uspoof) with the
// same bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "phish/analyzer.h"
#include "phish/url.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const sw::phish::UrlAnalyzer analyzer{sw::phish::UrlOptions{}};
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto u = sw::phish::parse_url(text);
  if (u) (void)analyzer.analyze(*u);
  (void)analyzer.analyze(text);
  (void)sw::phish::is_numeric_ipv4_host(text);
  return 0;
}
