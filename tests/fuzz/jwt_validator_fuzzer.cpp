// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the JWT validator (secrets/validators/jwt.h): arbitrary tokens through the
// base64url decoding and nlohmann's JSON parsing; also the other token validators, which split
// and scan untrusted strings.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "secrets/validators.h"
#include "secrets/validators/jwt.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)sw::secrets::check_jwt(text);
  for (const std::string_view name : {"github-checksum", "aws-access-key-id", "slack-token"}) {
    (void)sw::secrets::find_validator(name)->check(text);
  }
  return 0;
}
