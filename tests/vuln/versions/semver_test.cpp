// SPDX-License-Identifier: Apache-2.0
// SemVer 2.0.0 precedence with node-semver's loose parsing (semver.cpp).
#include <gtest/gtest.h>

#include "vuln/versions/order_support.h"
#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

using testing::orders;
using testing::rejects;

const VersionScheme& sv() { return semver_scheme(); }

TEST(SemverTest, SpecPrecedenceChain) {
  const char* chain[] = {"1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
                         "1.0.0-beta",  "1.0.0-beta.2",  "1.0.0-beta.11",
                         "1.0.0-rc.1",  "1.0.0",         "1.0.1",
                         "1.1.0",       "2.0.0"};
  for (size_t i = 0; i + 1 < std::size(chain); ++i) {
    EXPECT_TRUE(orders(sv(), chain[i], '<', chain[i + 1]));
  }
}

TEST(SemverTest, IdentifiersAndBuild) {
  EXPECT_TRUE(orders(sv(), "1.2.3-a.10", '>', "1.2.3-a.9"));
  EXPECT_TRUE(orders(sv(), "1.2.3-9", '<', "1.2.3-a"));
  EXPECT_TRUE(orders(sv(), "1.2.3-r100", '<', "1.2.3-r2"));  // alphanumeric: ASCII order
  EXPECT_TRUE(orders(sv(), "1.2.3-R2", '<', "1.2.3-r1"));
  EXPECT_TRUE(orders(sv(), "1.2.3-5", '<', "1.2.3-5-foo"));
  EXPECT_TRUE(orders(sv(), "1.2.3-a", '<', "1.2.3-a.0"));
  EXPECT_TRUE(orders(sv(), "1.2.3+build.1", '=', "1.2.3+other"));
  EXPECT_TRUE(orders(sv(), "1.2.3-rc.1+b", '=', "1.2.3-rc.1"));
  EXPECT_TRUE(orders(sv(), "1.2.3-01", '=', "1.2.3-1"));  // loose: leading zeros read numerically
}

TEST(SemverTest, LooseParsing) {
  EXPECT_TRUE(orders(sv(), "v1.2.3", '=', "1.2.3"));
  EXPECT_TRUE(orders(sv(), "=v1.2.3", '=', " 1.2.3 "));
  EXPECT_TRUE(orders(sv(), "1.36.0rc1", '=', "1.36.0-rc1"));
  EXPECT_TRUE(orders(sv(), "1", '=', "1.0.0"));
  EXPECT_TRUE(orders(sv(), "1.2-beta", '=', "1.2.0-beta"));
  EXPECT_TRUE(orders(sv(), "01.002.3", '=', "1.2.3"));
  EXPECT_TRUE(orders(sv(), "999999999999999999999999999991.0.0", '<',
                     "999999999999999999999999999999.0.0"));
  EXPECT_TRUE(orders(sv(), "99999999999999999999.0.0", '>', "9999999999999999999.0.0"));
  // Numeric parts past the third read as leading prerelease identifiers, as OSV reads them.
  EXPECT_TRUE(orders(sv(), "1.1.3.4.5", '=', "1.1.3-4.5"));
  EXPECT_TRUE(orders(sv(), "1.1.3.4.5", '<', "1.1.3"));
}

TEST(SemverTest, Rejects) {
  for (const char* bad : {"", "v", "abc", "1.2.3-", "1.2.3+", "1.2.3-a..b", "1..2", "1.2.",
                          "1.2.3-a_b", "1.2.3 x", "1.2.3.beta", ".1.2", "1.2.3-\xc3\xa9"}) {
    EXPECT_TRUE(rejects(sv(), bad)) << bad;
  }
}

TEST(SemverTest, EcosystemsUsingIt) {
  for (const char* eco : {"npm", "crates.io", "Hex", "SwiftURL"}) {
    EXPECT_EQ(scheme_for_ecosystem(eco), &sv()) << eco;
  }
}

}  // namespace
}  // namespace sw::vuln
