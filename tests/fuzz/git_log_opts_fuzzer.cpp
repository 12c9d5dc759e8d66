// SPDX-License-Identifier: Apache-2.0
// libFuzzer target: gitleaks --log-opts strings and git dates (secrets/git_history.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "secrets/git_history.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  sw::secrets::GitScanOptions options;
  (void)sw::secrets::parse_log_opts(text, options, 1700000000);
  (void)sw::secrets::parse_git_date(text, 1700000000);
  return 0;
}
