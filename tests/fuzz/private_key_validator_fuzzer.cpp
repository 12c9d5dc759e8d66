// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the private key validator (secrets/validators/private_key.h): arbitrary
// text through the unescaping, block splitting, OpenSSL PEM/DER decoding and the hand-written
// openssh-key-v1 reader; and the base64 decoders under it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/base64.h"
#include "secrets/validators/private_key.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)sw::secrets::inspect_private_key(text);
  // The same bytes as the body of an OpenSSH block, to reach the binary reader directly.
  std::string block = "-----BEGIN OPENSSH PRIVATE KEY-----\n";
  block.append(text);
  block.append("\n-----END OPENSSH PRIVATE KEY-----\n");
  (void)sw::secrets::inspect_private_key(block);
  (void)sw::base64_decode_std(text);
  (void)sw::base64_decode_url(text);
  return 0;
}
