// SPDX-License-Identifier: Apache-2.0
// Test helpers for the version schemes: check an ordering both ways, as the OSV vectors do.
#pragma once

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "vuln/versions/scheme.h"

namespace sw::vuln::testing {

// `op` is '<', '=' or '>'; checks compare(a, b) and compare(b, a).
inline ::testing::AssertionResult orders(const VersionScheme& scheme, std::string_view a, char op,
                                         std::string_view b) {
  const int want = op == '<' ? -1 : (op == '>' ? 1 : 0);
  const auto ab = scheme.compare(a, b);
  const auto ba = scheme.compare(b, a);
  if (!ab) return ::testing::AssertionFailure() << ab.error().message();
  if (!ba) return ::testing::AssertionFailure() << ba.error().message();
  if (*ab != want || *ba != -want) {
    return ::testing::AssertionFailure()
           << a << " vs " << b << ": got " << *ab << " and " << *ba << ", want " << op;
  }
  return ::testing::AssertionSuccess();
}

// The scheme rejects `v` with kParse, and the message names it.
inline ::testing::AssertionResult rejects(const VersionScheme& scheme, std::string_view v) {
  const auto r = scheme.compare(v, "1.0.0");
  if (r) return ::testing::AssertionFailure() << "accepted " << v;
  if (r.error().code() != Errc::kParse) return ::testing::AssertionFailure() << "not kParse";
  std::string shown;  // as messages show it: non-printable bytes as '?'
  for (char c : v.substr(0, 20)) shown += (c >= 0x20 && c < 0x7f) ? c : '?';
  if (r.error().message().find(shown) == std::string::npos) {
    return ::testing::AssertionFailure() << "message does not name it: " << r.error().message();
  }
  const auto r2 = scheme.compare("1.0.0", v);
  if (r2) return ::testing::AssertionFailure() << "accepted " << v << " on the right";
  return ::testing::AssertionSuccess();
}

}  // namespace sw::vuln::testing
