// SPDX-License-Identifier: Apache-2.0
// Gem::Version ordering (rubygems.cpp).
#include <gtest/gtest.h>

#include "vuln/versions/order_support.h"
#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

using testing::orders;
using testing::rejects;

const VersionScheme& gem() { return rubygems_scheme(); }

TEST(RubyGemsTest, NumbersAndTrailingZeros) {
  EXPECT_TRUE(orders(gem(), "1.0", '=', "1"));
  EXPECT_TRUE(orders(gem(), "1.0.0.0", '=', "1"));
  EXPECT_TRUE(orders(gem(), "1.01", '=', "1.1"));
  EXPECT_TRUE(orders(gem(), "1.10", '>', "1.9"));
  EXPECT_TRUE(orders(gem(), "1.0.1", '>', "1"));
  EXPECT_TRUE(orders(gem(), "123456789012345678901234567890", '>', "99999999999999999999"));
}

TEST(RubyGemsTest, StringsArePrereleases) {
  EXPECT_TRUE(orders(gem(), "1.0.a", '<', "1.0"));
  EXPECT_TRUE(orders(gem(), "1.0.rc1", '<', "1.0"));
  EXPECT_TRUE(orders(gem(), "1.0.a10", '>', "1.0.a9"));
  EXPECT_TRUE(orders(gem(), "1.0.a2", '=', "1.0.a.2"));
  EXPECT_TRUE(orders(gem(), "1.0.b1", '>', "1.0.a.2"));
  EXPECT_TRUE(orders(gem(), "1.0.0.rc3.0", '=', "1.0.0.rc3"));  // trailing zeros of the tail too
  EXPECT_TRUE(orders(gem(), "1.0.a", '<', "1.0.a.1"));
  EXPECT_TRUE(orders(gem(), "1.0.A", '<', "1.0.a"));  // bytewise: upper case first
  EXPECT_TRUE(orders(gem(), "0.9", '<', "1.0.a"));
}

TEST(RubyGemsTest, HyphenBecomesPre) {
  EXPECT_TRUE(orders(gem(), "1.0-beta", '=', "1.0.pre.beta"));
  EXPECT_TRUE(orders(gem(), "1.0.0-1", '<', "1.0.0"));
  EXPECT_TRUE(orders(gem(), "1.0.0-rc-1", '=', "1.0.0.pre.rc.pre.1"));
}

TEST(RubyGemsTest, BlankIsZeroAndWhitespaceStripped) {
  EXPECT_TRUE(orders(gem(), "", '=', "0"));
  EXPECT_TRUE(orders(gem(), "  1.2 \n", '=', "1.2"));
  // Accepted beyond Gem::Version, read as Gem would segment them (OSV vectors).
  EXPECT_TRUE(orders(gem(), "1beta", '<', "1"));
  EXPECT_TRUE(orders(gem(), "1beta", '=', "1.beta"));
}

TEST(RubyGemsTest, Rejects) {
  for (const char* bad :
       {"a1", "1.", "1..2", "1.0-", "1.0-a..b", "1.0_1", "1.0+b", "v1.0", "1 2", "1.0-\xc3\xa9"}) {
    EXPECT_TRUE(rejects(gem(), bad)) << bad;
  }
  EXPECT_EQ(scheme_for_ecosystem("RubyGems"), &gem());
}

}  // namespace
}  // namespace sw::vuln
