// SPDX-License-Identifier: Apache-2.0
// Glob matching for ownership rules and check selection. Hand-written because fnmatch(3) has no
// `**` (any number of path segments), which path rules need ("/home/**", "src/**/secrets.*").
//   *     any run of characters except '/' (in path mode) or any run (otherwise)
//   **    any run of characters including '/'
//   ?     one character (not '/' in path mode)
//   [...] a character class, with ranges and leading '!' or '^' for negation
// Matching is iterative with bounded backtracking: O(pattern x text) in the worst case.
#pragma once

#include <string_view>

namespace sw {

bool glob_match(std::string_view pattern, std::string_view text, bool path_mode = false);

}  // namespace sw
