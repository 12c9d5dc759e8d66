// SPDX-License-Identifier: Apache-2.0
// Go module version ordering as golang.org/x/mod/semver (go.cpp).
#include <gtest/gtest.h>

#include "vuln/versions/order_support.h"
#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

using testing::orders;
using testing::rejects;

const VersionScheme& go() { return go_scheme(); }

TEST(GoVersionTest, OptionalVAndShorthands) {
  EXPECT_TRUE(orders(go(), "1.2.3", '=', "v1.2.3"));
  EXPECT_TRUE(orders(go(), "v1", '=', "v1.0.0"));
  EXPECT_TRUE(orders(go(), "1.2", '=', "1.2.0"));
  EXPECT_TRUE(orders(go(), "0", '<', "0.0.1-0"));  // OSV's "introduced": "0"
  EXPECT_TRUE(orders(go(), "v1.10.0", '>', "v1.9.9"));
}

TEST(GoVersionTest, IncompatibleAndBuildIgnored) {
  EXPECT_TRUE(orders(go(), "v2.0.0+incompatible", '=', "v2.0.0"));
  EXPECT_TRUE(orders(go(), "v2.0.1+incompatible", '>', "v2.0.0"));
  EXPECT_TRUE(orders(go(), "v1.0.0+a", '=', "v1.0.0+b"));
}

TEST(GoVersionTest, PseudoVersionsArePrereleases) {
  // vX.0.0-timestamp-hash sorts before vX.0.0 and by time among themselves.
  EXPECT_TRUE(orders(go(), "v0.0.0-20191109021931-daa7c04131f5", '<',
                     "v0.0.0-20200101000000-000000000000"));
  EXPECT_TRUE(orders(go(), "v0.0.0-20191109021931-daa7c04131f5", '<', "v0.0.0"));
  // vX.Y.(Z+1)-0.timestamp-hash sorts after vX.Y.Z and before vX.Y.(Z+1).
  EXPECT_TRUE(orders(go(), "v1.2.4-0.20191109021931-daa7c04131f5", '>', "v1.2.3"));
  EXPECT_TRUE(orders(go(), "v1.2.4-0.20191109021931-daa7c04131f5", '<', "v1.2.4-pre"));
  // vX.Y.Z-pre.0.timestamp-hash sorts after vX.Y.Z-pre.
  EXPECT_TRUE(orders(go(), "v1.2.3-pre.0.20191109021931-daa7c04131f5", '>', "v1.2.3-pre"));
}

TEST(GoVersionTest, PrereleaseRules) {
  EXPECT_TRUE(orders(go(), "v1.0.0-beta.11", '>', "v1.0.0-beta.2"));
  EXPECT_TRUE(orders(go(), "v1.0.0-1", '<', "v1.0.0-a"));
  EXPECT_TRUE(orders(go(), "v1.0.0-alpha", '<', "v1.0.0-alpha.1"));
  EXPECT_TRUE(
      orders(go(), "999999999999999999999999999991", '<', "999999999999999999999999999999"));
}

TEST(GoVersionTest, RejectsNonCanonicalForms) {
  for (const char* bad :
       {"", "v", "vv1.0.0", "v01.0.0", "v1.02.0", "v1.0.0-01", "v1-pre", "v1.2+build", "v1.2.3.4",
        "1.1.3.4.5", "v1.0.0-", "v1.0.0+", "v1.0.0-a..b", " v1.0.0", "=1.0.0", "v1.0.0rc1"}) {
    EXPECT_TRUE(rejects(go(), bad)) << bad;
  }
  EXPECT_EQ(scheme_for_ecosystem("Go"), &go());
}

}  // namespace
}  // namespace sw::vuln
