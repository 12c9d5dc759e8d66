// SPDX-License-Identifier: Apache-2.0
// Fuzzes the attachment inspection (libmagic, libarchive listing, the OLE2 directory walk, the
// HTML token checks, the name checks) and the lure matcher (ICU folding, Hyperscan) with the
// same bytes. The first byte picks a file name, so the name-dependent paths (scripts by name,
// double extensions, bidi controls) are reached too; the rest is the attachment's content, and
// is also split into a subject and a body for the lure detectors.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "phish/attachment.h"
#include "phish/lure.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr std::array<std::string_view, 12> kNames = {"invoice.pdf",
                                                              "invoice.pdf.exe",
                                                              "scan.pdf    .js",
                                                              "a.zip",
                                                              "doc.docm",
                                                              "x.xls",
                                                              "page.html",
                                                              "img.svg",
                                                              "disk.iso",
                                                              "run.url",
                                                              "",
                                                              "inv\xE2\x80\xAE"
                                                              "fdp.exe"};
  sw::phish::Attachment a;
  a.filename = std::string(kNames[data[0] % kNames.size()]);
  a.content_type = (data[0] & 0x80) != 0 ? "application/pdf" : "application/octet-stream";
  a.data.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  a.size = a.data.size();
  // Small limits so the fuzzer reaches them quickly.
  sw::phish::AttachmentOptions options;
  options.limits.max_entries = 50;
  options.limits.max_decompressed_bytes = 1u << 20;
  options.limits.max_nested_bytes = 256u << 10;
  std::vector<std::string> notes;
  (void)sw::phish::analyze_attachments({a}, options, notes);
  (void)sw::phish::displayed_name(a.data.substr(0, 256));

  std::string_view text(a.data);
  size_t split = text.find('\n');
  std::string_view subject = split == std::string_view::npos ? text : text.substr(0, split);
  std::string_view body = split == std::string_view::npos ? std::string_view() : text.substr(split);
  (void)sw::phish::analyze_lures(subject, body);
  return 0;
}
