// SPDX-License-Identifier: Apache-2.0
// A byte-level Aho-Corasick automaton (a full DFA over 256 byte values), for the reference
// worker that reproduces gitleaks' design (gitleaks gates rules with an Aho-Corasick search of
// the lower-cased fragment; detect/detect.go). The production engine finds keywords with
// Hyperscan instead.
//
// Hand-written: the only multi-literal matcher on the machine is Hyperscan, and the reference
// must not use Hyperscan (it is what the engine is measured against).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sw::secrets::engine {

class AhoCorasick {
 public:
  explicit AhoCorasick(const std::vector<std::string>& words);

  // Calls seen(word_index) for every occurrence of every word in `text`.
  template <class F>
  void scan(std::string_view text, F&& seen) const {
    uint32_t state = 0;
    for (unsigned char c : text) {
      state = delta_[static_cast<size_t>(state) * 256 + c];
      if (out_begin_[state] != out_begin_[state + 1]) {
        for (uint32_t k = out_begin_[state]; k < out_begin_[state + 1]; ++k) seen(outputs_[k]);
      }
    }
  }

 private:
  std::vector<uint32_t> delta_;      // state * 256 + byte -> state
  std::vector<uint32_t> out_begin_;  // outputs of state s: outputs_[out_begin_[s], out_begin_[s+1])
  std::vector<uint32_t> outputs_;
};

}  // namespace sw::secrets::engine
