// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the Pwned Passwords line parser (password/breach/source.h), full-hash and
// range-file lines, SHA-1 and NTLM.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "password/breach/source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const sw::password::RecordSink sink = [](const sw::password::Digest&, std::uint64_t) {};
  for (auto kind : {sw::password::HashKind::kSha1, sw::password::HashKind::kNtlm}) {
    sw::password::SourceStats stats;
    sw::password::parse_hash_lines(text, "fuzz", kind, {}, sink, stats);
    sw::password::parse_hash_lines(text, "fuzz", kind, "ABCDE", sink, stats);
  }
  return 0;
}
