// SPDX-License-Identifier: Apache-2.0
// Fuzzes the language-ecosystem version schemes (PEP 440, SemVer, Go, RubyGems, NuGet, Composer,
// Pub): the input is two versions separated by the first newline; both orders are compared.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vuln/versions/scheme.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const size_t nl = text.find('\n');
  const std::string_view a = text.substr(0, nl);
  const std::string_view b = nl == std::string_view::npos ? a : text.substr(nl + 1);
  const sw::vuln::VersionScheme* schemes[] = {
      &sw::vuln::pep440_scheme(),   &sw::vuln::semver_scheme(), &sw::vuln::go_scheme(),
      &sw::vuln::rubygems_scheme(), &sw::vuln::nuget_scheme(),  &sw::vuln::packagist_scheme(),
      &sw::vuln::pub_scheme()};
  for (const auto* scheme : schemes) {
    (void)scheme->compare(a, b);
    (void)scheme->compare(b, a);
    (void)scheme->valid(a);
  }
  return 0;
}
