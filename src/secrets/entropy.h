// SPDX-License-Identifier: Apache-2.0
// Shannon entropy of a candidate secret, exactly as gitleaks computes it (detect/utils.go,
// shannonEntropy): occurrences are counted per code point, as Go's `range` over a string decodes
// them (each byte of an invalid UTF-8 sequence counts as U+FFFD), and each count is divided by the
// length in BYTES. For ASCII that is the textbook -sum(p log2 p); for other text it differs, and a
// rule's `entropy` threshold means what gitleaks makes it mean.
#pragma once

#include <string_view>

namespace sw::secrets {

double shannon_entropy(std::string_view data);

}  // namespace sw::secrets
