// SPDX-License-Identifier: Apache-2.0
// The zxcvbn 4.4.2 data the estimator needs: its six ranked frequency lists (as one trie) and its
// four keyboard adjacency graphs. The definitions are generated at build time by
// tools/zxcvbn-embed.py from Debian's python3-zxcvbn package (identical to the npm zxcvbn 4.4.2
// data); they are not in the repository. All of it is immutable and safe to share across threads.
// Hand-written (with its generator) because no Debian library reproduces zxcvbn 4.4.2 faithfully
// (libzxcvbn 2.5 agrees on the score for only 72% of the reference passwords).
#pragma once

#include <cstddef>
#include <cstdint>

namespace sw::password::zxcvbn {

// The lists in zxcvbn 4.4.2's order; the user_inputs dictionary comes after them (index 6).
inline constexpr int kDictCount = 6;
inline constexpr int kUserInputsDict = 6;
inline constexpr const char* kDictNames[kDictCount + 1] = {
    "passwords",      "english_wikipedia", "female_names", "surnames",
    "us_tv_and_film", "male_names",        "user_inputs"};

// A trie over every word of the six lists (all ASCII lower case). Nodes are numbered breadth
// first: the children of node n are first_child[n] .. first_child[n + 1] - 1, sorted by chars[].
// Bit 7 of chars[n] (kTermBit) is set when node n ends a word; then term[n] != 0 and ranks[term[n]
// * kDictCount + d] is its 1-based rank in list d (0 = not in list d). root_child[c] is the root's
// child for ASCII c (0 = none).
inline constexpr std::uint8_t kTermBit = 0x80;
struct Trie {
  const std::uint32_t* first_child;
  const std::uint8_t* chars;
  const std::uint32_t* term;
  const std::uint16_t* ranks;
  const std::uint32_t* root_child;
  std::uint32_t node_count;

  bool ends_word(std::uint32_t node) const { return (chars[node] & kTermBit) != 0; }
  // The child of `node` for character c, or 0.
  std::uint32_t child(std::uint32_t node, char16_t c) const {
    if (c >= 128) return 0;
    if (node == 0) return root_child[c];
    std::uint32_t lo = first_child[node];
    std::uint32_t hi = first_child[node + 1];
    while (hi - lo > 4) {  // binary search down to a short run
      std::uint32_t mid = lo + (hi - lo) / 2;
      if ((chars[mid] & 0x7F) <= c) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    for (; lo < hi; ++lo) {
      unsigned ch = chars[lo] & 0x7Fu;
      if (ch == c) return lo;
      if (ch > c) return 0;
    }
    return 0;
  }
};
extern const Trie kTrie;

// A keyboard graph: adj[c][d] is the string of the neighbour of key c in direction d (unshifted
// then shifted character, or one character on keypads), nullptr when there is none; degree[c] is
// the number of directions of key c (0 = not a key).
struct KeyboardGraph {
  const char* name;
  const char* const (*adj)[8];
  const std::uint8_t* degree;
  double average_degree;   // zxcvbn's calc_average_degree
  int starting_positions;  // number of keys
};
inline constexpr int kGraphCount = 4;  // qwerty, dvorak, keypad, mac_keypad
extern const KeyboardGraph kGraphs[kGraphCount];

}  // namespace sw::password::zxcvbn
