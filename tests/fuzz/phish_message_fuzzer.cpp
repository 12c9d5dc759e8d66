// SPDX-License-Identifier: Apache-2.0
// Fuzzes the e-mail model: parse_message() (GMime's parser, decoders and charset conversion,
// plus our tree walk, salvaging of malformed address headers and limits) and the mbox splitter
// (read_mbox_data), then every detector on what was parsed (EmailAnalyzer: sender, links, HTML,
// attachments, lures). The first byte picks the entry point and small limits, so the caps are hit.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "phish/email.h"
#include "phish/message.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const sw::phish::EmailAnalyzer analyzer{sw::phish::EmailSettings{}};
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  sw::phish::MessageLimits limits;
  if ((data[0] & 1) != 0) {
    limits.max_text_bytes = 64;
    limits.max_attachment_bytes = 64;
    limits.max_depth = 3;
    limits.max_parts = 8;
    limits.max_message_bytes = 4096;
  }
  size_t sink = 0;
  if ((data[0] & 2) != 0) {
    sw::phish::read_mbox_data(
        bytes, "fuzz",
        [&](sw::phish::Message&& m) {
          sink += m.notes.size() + analyzer.analyze(m).reasons.size();
        },
        [&](const std::string&, const std::string&) { ++sink; }, limits);
  } else {
    auto m = sw::phish::parse_message(bytes, "fuzz.eml", limits);
    if (m) {
      sink += m->text_parts.size() + m->attachments.size() + m->embedded.size();
      sink += analyzer.analyze(*m).reasons.size();
    }
  }
  (void)sink;
  return 0;
}
