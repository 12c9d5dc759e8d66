// SPDX-License-Identifier: Apache-2.0
// Aho-Corasick automaton construction (textbook: trie, breadth-first failure links, outputs
// merged along them, transitions completed into a DFA).
#include "secrets/engine/aho_corasick.h"

#include <array>
#include <deque>

namespace sw::secrets::engine {

AhoCorasick::AhoCorasick(const std::vector<std::string>& words) {
  constexpr uint32_t kNone = UINT32_MAX;
  std::vector<std::array<uint32_t, 256>> next(1);
  next[0].fill(kNone);
  std::vector<std::vector<uint32_t>> out(1);
  for (uint32_t w = 0; w < words.size(); ++w) {
    uint32_t s = 0;
    for (unsigned char c : words[w]) {
      if (next[s][c] == kNone) {
        next[s][c] = static_cast<uint32_t>(next.size());
        next.emplace_back();
        next.back().fill(kNone);
        out.emplace_back();
      }
      s = next[s][c];
    }
    out[s].push_back(w);
  }
  std::vector<uint32_t> fail(next.size(), 0);
  std::deque<uint32_t> queue;
  for (unsigned c = 0; c < 256; ++c) {
    if (next[0][c] == kNone) {
      next[0][c] = 0;
    } else {
      fail[next[0][c]] = 0;
      queue.push_back(next[0][c]);
    }
  }
  while (!queue.empty()) {
    const uint32_t s = queue.front();
    queue.pop_front();
    const auto& inherited = out[fail[s]];
    out[s].insert(out[s].end(), inherited.begin(), inherited.end());
    for (unsigned c = 0; c < 256; ++c) {
      const uint32_t t = next[s][c];
      if (t == kNone) {
        next[s][c] = next[fail[s]][c];
      } else {
        fail[t] = next[fail[s]][c];
        queue.push_back(t);
      }
    }
  }
  delta_.resize(next.size() * 256);
  out_begin_.reserve(next.size() + 1);
  for (size_t s = 0; s < next.size(); ++s) {
    for (unsigned c = 0; c < 256; ++c) delta_[s * 256 + c] = next[s][c];
    out_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
    outputs_.insert(outputs_.end(), out[s].begin(), out[s].end());
  }
  out_begin_.push_back(static_cast<uint32_t>(outputs_.size()));
}

}  // namespace sw::secrets::engine
