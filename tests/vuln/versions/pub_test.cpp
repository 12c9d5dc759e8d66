// SPDX-License-Identifier: Apache-2.0
// Dart pub_semver ordering, build metadata ordered (pub.cpp).
#include <gtest/gtest.h>

#include "vuln/versions/order_support.h"
#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

using testing::orders;
using testing::rejects;

const VersionScheme& pub() { return pub_scheme(); }

TEST(PubTest, SemverPrecedence) {
  EXPECT_TRUE(orders(pub(), "1.0.0-alpha", '<', "1.0.0-alpha.1"));
  EXPECT_TRUE(orders(pub(), "1.0.0-beta.2", '<', "1.0.0-beta.11"));
  EXPECT_TRUE(orders(pub(), "1.0.0-rc.1", '<', "1.0.0"));
  EXPECT_TRUE(orders(pub(), "1.10.0", '>', "1.9.0"));
  EXPECT_TRUE(orders(pub(), "v1.2.3", '=', "1.2.3"));
}

TEST(PubTest, BuildIsOrdered) {
  EXPECT_TRUE(orders(pub(), "1.0.0", '<', "1.0.0+build"));
  EXPECT_TRUE(orders(pub(), "1.0.0-pre", '<', "1.0.0-pre+build"));
  EXPECT_TRUE(orders(pub(), "1.0.0-pre+build", '<', "1.0.0"));
  EXPECT_TRUE(orders(pub(), "1.2.3+1", '<', "1.2.3+2"));
  EXPECT_TRUE(orders(pub(), "1.2.3+900", '<', "1.2.3+a"));
  EXPECT_TRUE(orders(pub(), "1.2.3+a", '<', "1.2.3+a1"));
  EXPECT_TRUE(orders(pub(), "1.2.3+a", '<', "1.2.3+a.1"));
  EXPECT_TRUE(orders(pub(), "1.2.3+9a", '>', "1.2.3+1z"));
  EXPECT_TRUE(orders(pub(), "1.2.3+b", '=', "1.2.3+b"));
}

TEST(PubTest, PartsAreDartIntegers) {
  // int.tryParse reads 0x hex and leading zeros; beyond 64 bits a part is a string.
  EXPECT_TRUE(orders(pub(), "1.0.0-0x10", '=', "1.0.0-16"));
  EXPECT_TRUE(orders(pub(), "1.0.0+007", '=', "1.0.0+7"));
  EXPECT_TRUE(orders(pub(), "1.0.0-9223372036854775807", '>', "1.0.0-9"));
  EXPECT_TRUE(orders(pub(), "1.0.0-9223372036854775808", '>', "1.0.0-9223372036854775807"));
  EXPECT_TRUE(orders(pub(), "1.0.0-9223372036854775808", '<', "1.0.0-a"));
}

TEST(PubTest, Rejects) {
  for (const char* bad : {"", "x1.0.0", "1.0.0-", "1.0.0+", "1.0.0+a..b", "1.0.0+a_b", "1..0"}) {
    EXPECT_TRUE(rejects(pub(), bad)) << bad;
  }
  EXPECT_EQ(scheme_for_ecosystem("Pub"), &pub());
}

}  // namespace
}  // namespace sw::vuln
