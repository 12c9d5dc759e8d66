// SPDX-License-Identifier: Apache-2.0
// Go's Regexp.FindAllStringIndex(text, -1), run with RE2 only inside given windows.
//
// Go's loop (regexp.go, allMatches): search from `pos`; a match ending at `pos` is empty, is
// dropped when it starts where the previous match ended, and moves `pos` one code point on;
// otherwise `pos` moves to the match's end. Leftmost-first, non-overlapping.
//
// The windows must hold every match of the regex in the text (each window a [begin, end] range,
// sorted, disjoint; the engine derives them from Hyperscan's match ends and a bound on the match
// width). Then the result equals Go's over the whole text: a search from max(pos, begin) that
// stops at `end` finds the same leftmost match as Go's search from pos, because that match lies
// wholly in one window, no match starts between pos and it, and cutting the text after its end
// cannot change which match RE2's leftmost-first order prefers at its start. RE2 keeps the whole
// text as context, so ^, $, \b and \A/\z see the real neighbours at window edges.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include <re2/re2.h>

namespace sw::secrets::engine {

struct Window {
  size_t begin;
  size_t
      end;  // inclusive bound of match ends (a match [s, e) lies in it when begin <= s, e <= end)
};

struct Span {
  size_t begin;
  size_t end;
};

// Appends Go's FindAll matches of `re` in `text` (valid UTF-8) to `out`.
void go_find_all(const RE2& re, std::string_view text, const std::vector<Window>& windows,
                 std::vector<Span>& out);

}  // namespace sw::secrets::engine
