// SPDX-License-Identifier: Apache-2.0
// For gitleaks' generic-rule de-duplication (a generic finding is dropped when another rule's
// finding on the same line has a secret containing it): which of many needles occur in any of
// many haystacks, in time linear in the haystacks' length per distinct needle length (Rabin-Karp
// with one rolling hash per length), not needles x haystacks. A minified file can put tens of
// thousands of findings on one line.
//
// Hand-written: no library on the machine answers "which of these strings occur in those" apart
// from Hyperscan, whose compile time per call would dwarf the work.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace sw::secrets::engine {

// result[i] is 1 when needles[i] is a substring of some haystack (the empty needle is in any).
std::vector<uint8_t> occurs_in_any(const std::vector<std::string_view>& needles,
                                   const std::vector<std::string_view>& haystacks);

}  // namespace sw::secrets::engine
