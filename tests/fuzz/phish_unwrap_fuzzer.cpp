// SPDX-License-Identifier: Apache-2.0
// Fuzzes the link unwrapping (unwrap.h): every wrapper's decoder (Proofpoint v3's base64url,
// UTF-8 and replacement tokens included), the nesting loop and the Mimecast check, and checks
// the contract: a destination is always an http(s) URL that parse_url() accepts with a host.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "phish/unwrap.h"
#include "phish/url.h"

namespace {

void check_destination(std::string_view url) {
  auto u = sw::phish::parse_url(url);
  if (!u || u->host.empty() || (u->scheme != "http" && u->scheme != "https")) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto u = sw::phish::unwrap_url(text)) check_destination(u->url);
  sw::phish::UnwrapChain chain = sw::phish::unwrap_all(text);
  if (chain.wrappers.size() > static_cast<size_t>(sw::phish::kMaxUnwrapDepth)) __builtin_trap();
  if (!chain.wrappers.empty()) check_destination(chain.destination);
  (void)sw::phish::opaque_wrapper(text);
  return 0;
}
