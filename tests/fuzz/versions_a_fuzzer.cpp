// SPDX-License-Identifier: Apache-2.0
// Fuzzes the dpkg, RPM, apk, Maven, R and Haskell version schemes: the bytes split at the first
// NUL into two versions, compared both ways by every scheme; the two answers must be opposite.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "vuln/versions/scheme.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const size_t cut = text.find('\0');
  const std::string_view a = text.substr(0, cut);
  const std::string_view b = cut == std::string_view::npos ? text : text.substr(cut + 1);
  const sw::vuln::VersionScheme* schemes[] = {
      &sw::vuln::dpkg_scheme(),  &sw::vuln::rpm_scheme(),  &sw::vuln::apk_scheme(),
      &sw::vuln::maven_scheme(), &sw::vuln::cran_scheme(), &sw::vuln::hackage_scheme()};
  for (const auto* scheme : schemes) {
    auto ab = scheme->compare(a, b);
    auto ba = scheme->compare(b, a);
    if (ab.has_value() != ba.has_value()) std::abort();
    if (ab && ((*ab < 0) != (*ba > 0) || (*ab == 0) != (*ba == 0))) std::abort();
  }
  return 0;
}
