// SPDX-License-Identifier: Apache-2.0
// AWS access key id structure (see aws_access_key_id.h).
#include "secrets/validators/aws_access_key_id.h"

#include <array>

namespace sw::secrets {

Validity check_aws_access_key_id(std::string_view id) {
  static constexpr std::array<std::string_view, 4> kPrefixes{"AKIA", "ASIA", "ABIA", "ACCA"};
  bool known = false;
  for (const std::string_view p : kPrefixes) known = known || id.substr(0, 4) == p;
  if (!known) return Validity::kUnknown;
  if (id.size() != 20) return Validity::kInvalid;
  for (const char c : id.substr(4)) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'))) return Validity::kInvalid;
  }
  return Validity::kValid;
}

}  // namespace sw::secrets
