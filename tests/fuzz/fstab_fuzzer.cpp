// SPDX-License-Identifier: Apache-2.0
// Fuzzes the fstab(5) / /proc/self/mounts, crypttab(5) and /proc/swaps parsers.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "scan/facts/mounts.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<sw::Error> errors;
  for (const auto& e : sw::scan::parse_fstab(text, "/etc/fstab", errors)) {
    (void)sw::scan::mount_flags(e.options);
  }
  (void)sw::scan::parse_crypttab(text, "/etc/crypttab", errors);
  (void)sw::scan::parse_proc_swaps(text, "/proc/swaps", errors);
  (void)sw::scan::unescape_octal(text);
  return 0;
}
