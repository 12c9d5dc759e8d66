// SPDX-License-Identifier: Apache-2.0
// Fuzzes the OSV JSON record reader (simdjson + the shared field mapping) and the evaluation
// of what it read against a trivial scheme.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vuln/osv/osv.h"

namespace {

// Byte-wise ordering; rejects strings containing '!' so the "rejected event" path runs too.
class BytesScheme : public sw::vuln::VersionScheme {
 public:
  std::string_view name() const override { return "bytes"; }
  sw::Result<int> compare(std::string_view a, std::string_view b) const override {
    if (a.find('!') != std::string_view::npos || b.find('!') != std::string_view::npos) {
      return sw::fail(sw::Errc::kParse, "rejected");
    }
    return a.compare(b);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto adv = sw::vuln::parse_osv_json(text, "fuzz.json");
  if (!adv) return 0;
  static const BytesScheme scheme;
  std::vector<sw::Error> warnings;
  for (const auto& a : adv->affected) {
    for (std::string_view v : {"0", "1.0", "zzz"}) {
      (void)sw::vuln::is_affected(a, v, scheme, &warnings);
      (void)sw::vuln::fixed_versions_for(a, v, scheme);
    }
  }
  return 0;
}
