// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the breach index reader (password/breach/index.h): arbitrary bytes must be
// rejected or, when accepted, answer lookups without reading outside the file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "password/breach/index.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto index =
      sw::password::BreachIndex::from_bytes(std::string(reinterpret_cast<const char*>(data), size));
  if (!index) return 0;
  sw::password::Digest d{};
  for (int i = 0; i < 64; ++i) {
    d[static_cast<std::size_t>(i % 20)] = static_cast<std::uint8_t>(i * 37 + 11);
    (void)index->count_digest(d);
  }
  (void)index->count("password");
  std::optional<std::uint64_t> out[3];
  const sw::password::Digest batch[3] = {d, {}, sw::password::sha1("x")};
  index->count_sha1_batch(batch, out);
  return 0;
}
