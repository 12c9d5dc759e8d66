// SPDX-License-Identifier: Apache-2.0
// The compact binary form an Advisory takes inside the store (advisories.body). Hand-written
// because decoding is on the lookup hot path: a length-prefixed layout decodes in a few
// microseconds, where re-parsing JSON costs tens. Layout (version 1): one version byte, then every
// field of Advisory in declaration order; strings as LEB128 length + bytes, lists as LEB128 count +
// items, enums as one byte. The KEV fields are not encoded: they live in columns of their own so
// the KEV marking can change without rewriting bodies. The decoder bounds-checks every read and
// returns kParse on a truncated or foreign blob (the file is ours, but a disk can lie).
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "vuln/osv/advisory.h"

namespace sw::vuln {

inline constexpr unsigned char kAdvisoryCodecVersion = 1;

std::string encode_advisory(const Advisory& advisory);
Result<Advisory> decode_advisory(std::string_view bytes);

}  // namespace sw::vuln
