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
#include <vector>

#include "core/result.h"
#include "vuln/osv/advisory.h"

namespace sw::vuln {

inline constexpr unsigned char kAdvisoryCodecVersion = 1;

std::string encode_advisory(const Advisory& advisory);
// Without the affected entries (an empty list): the store keeps those apart (below).
std::string encode_advisory(const Advisory& advisory, bool with_affected);
Result<Advisory> decode_advisory(std::string_view bytes);
// kForMatching leaves `details` empty (the long prose, often kilobytes, that no finding prints)
// and keeps only the first of `references` (the one a finding cites): the lookup hot path then
// copies only what matching and the findings read.
enum class DecodeFields { kAll, kForMatching };
Result<Advisory> decode_advisory(std::string_view bytes, DecodeFields fields);
// A list of affected entries alone (one byte version, count, entries as above): what an index
// row carries for its package, so a lookup never walks the other entries of the advisory.
std::string encode_affected_list(const std::vector<const Affected*>& entries);
// Appends the decoded entries to `out`.
Result<void> decode_affected_list(std::string_view bytes, std::vector<Affected>& out);

}  // namespace sw::vuln
