// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the ~/.aws/credentials and ~/.aws/config parser
// (scan/facts/credential_files.h). The first byte chooses the file kind.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "scan/facts/credential_files.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  (void)sw::scan::parse_aws_credentials(text, "/fuzz", (data[0] & 1) != 0);
  return 0;
}
