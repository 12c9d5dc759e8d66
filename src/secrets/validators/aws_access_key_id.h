// SPDX-License-Identifier: Apache-2.0
// Offline check of an AWS access key id (AWS IAM User Guide, "Unique identifiers": IDs start with
// a four-letter prefix naming the resource kind, then 16 characters of the base32 alphabet A-Z
// and 2-7). Access key ids are AKIA (long-term), ASIA (temporary, STS), ABIA (STS service
// bearer token) and ACCA (context-specific credential). kValid for those, kInvalid for a
// 20-character AKIA/ASIA look-alike holding 0, 1, 8, 9 or lower case, kUnknown otherwise (the
// ancient A3T prefix, other kinds of ids).
#pragma once

#include <string_view>

#include "secrets/validators.h"

namespace sw::secrets {

Validity check_aws_access_key_id(std::string_view id);

}  // namespace sw::secrets
