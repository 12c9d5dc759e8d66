// SPDX-License-Identifier: Apache-2.0
// Go's FindAll semantics over RE2, restricted to windows (see find_all.h).
#include "secrets/engine/find_all.h"

#include <algorithm>

#include "secrets/engine/utf8.h"

namespace sw::secrets::engine {

void go_find_all(const RE2& re, std::string_view text, const std::vector<Window>& windows,
                 std::vector<Span>& out) {
  size_t pos = 0;
  size_t prev_end = static_cast<size_t>(-1);
  size_t w = 0;
  re2::StringPiece whole(text.data(), text.size());
  while (w < windows.size() && pos <= text.size()) {
    const Window& win = windows[w];
    if (win.end < pos) {
      ++w;
      continue;
    }
    const size_t from = std::max(pos, win.begin);
    const size_t to = std::min(win.end, text.size());
    if (from > to) {
      ++w;
      continue;
    }
    re2::StringPiece m;
    if (!re.Match(whole, from, to, RE2::UNANCHORED, &m, 1)) {
      ++w;
      continue;
    }
    const auto begin = static_cast<size_t>(m.data() - text.data());
    const size_t end = begin + m.size();
    bool accept = true;
    if (end == pos) {
      // An empty match at pos.
      if (begin == prev_end) accept = false;
      const size_t width = go_rune_width(text, pos);
      pos = width > 0 ? pos + width : text.size() + 1;
    } else {
      pos = end;
    }
    prev_end = end;
    if (accept) out.push_back(Span{begin, end});
  }
}

}  // namespace sw::secrets::engine
