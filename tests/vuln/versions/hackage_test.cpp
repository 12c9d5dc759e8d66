// SPDX-License-Identifier: Apache-2.0
// Tests of the Haskell version scheme (PVP; Cabal's version parser, Data.Version ordering).
#include <gtest/gtest.h>

#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

int cmp(std::string_view a, std::string_view b) {
  auto ab = hackage_scheme().compare(a, b);
  auto ba = hackage_scheme().compare(b, a);
  EXPECT_TRUE(ab.has_value()) << a << " vs " << b;
  EXPECT_TRUE(ba.has_value()) << b << " vs " << a;
  if (!ab || !ba) return 99;
  EXPECT_EQ(*ab, -*ba) << a << " vs " << b;
  return *ab;
}

TEST(HackageVersion, Order) {
  EXPECT_EQ(cmp("1.0", "1.0.0"), -1);
  EXPECT_EQ(cmp("0.11.3.0", "1.0"), -1);
  EXPECT_EQ(cmp("1.10", "1.9"), 1);
  EXPECT_EQ(cmp("0", "0.1.26.0"), -1);
  EXPECT_EQ(cmp("2.0", "2.0"), 0);
  EXPECT_EQ(cmp("1.0-foo", "1.0"), 0);  // deprecated tags are dropped
  EXPECT_EQ(cmp("999999999.1", "999999998.2"), 1);
}

TEST(HackageVersion, Rejects) {
  for (const char* bad : {"", "01.0", "1.", ".1", "1..0", "1.0a", "1234567890", "1.0-", "v1"}) {
    auto r = hackage_scheme().compare(bad, "1.0");
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code(), Errc::kParse);
  }
  EXPECT_EQ(scheme_for_ecosystem("Hackage"), &hackage_scheme());
  EXPECT_EQ(scheme_for_ecosystem("GHC"), &hackage_scheme());
}

}  // namespace
}  // namespace sw::vuln
