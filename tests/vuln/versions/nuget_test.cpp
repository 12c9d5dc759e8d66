// SPDX-License-Identifier: Apache-2.0
// NuGet.Versioning ordering (nuget.cpp).
#include <gtest/gtest.h>

#include "vuln/versions/order_support.h"
#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

using testing::orders;
using testing::rejects;

const VersionScheme& nu() { return nuget_scheme(); }

TEST(NuGetTest, FourPartsPaddedWithLeadingZeros) {
  EXPECT_TRUE(orders(nu(), "1", '=', "1.0.0.0"));
  EXPECT_TRUE(orders(nu(), "1.0.01", '=', "1.0.1.0"));
  EXPECT_TRUE(orders(nu(), "1.0.0", '<', "1.0.0.1"));
  EXPECT_TRUE(orders(nu(), "1.0.0.10", '>', "1.0.0.9"));
  EXPECT_TRUE(orders(nu(), "0.9.9.1", '<', "1.0.0"));
}

TEST(NuGetTest, LabelsCaseInsensitiveMetadataIgnored) {
  EXPECT_TRUE(orders(nu(), "1.0.0-BETA", '=', "1.0.0-beta"));
  EXPECT_TRUE(orders(nu(), "1.0.0-beta+AA", '=', "1.0.0-Beta+bb"));
  EXPECT_TRUE(orders(nu(), "1.0.0-beta", '<', "1.0.0"));
  EXPECT_TRUE(orders(nu(), "1.0.0-beta", '<', "1.0.0-beta.1"));
  EXPECT_TRUE(orders(nu(), "1.0.0-beta.2", '<', "1.0.0-beta.10"));
  EXPECT_TRUE(orders(nu(), "1.0.0-9", '<', "1.0.0-a"));
  EXPECT_TRUE(orders(nu(), "1.0.0-beta2", '>', "1.0.0-BETA"));
  EXPECT_TRUE(orders(nu(), "1.0.0.1-alpha", '>', "1.0.0-pre"));
  // A label beyond Int32 is text (Int32.TryParse fails), so it sorts after any number.
  EXPECT_TRUE(orders(nu(), "1.0.0-2147483648", '>', "1.0.0-2147483647"));
  EXPECT_TRUE(orders(nu(), "1.0.0-99999999999", '>', "1.0.0-2147483647"));
  EXPECT_TRUE(orders(nu(), "1.0.0-99999999999", '<', "1.0.0-a"));
}

TEST(NuGetTest, Rejects) {
  for (const char* bad : {"", "v1.0", "1.0.0.0.0", "1..0", "1.0-", "1.0+", "1.0.0-01", "1.0.0-a..b",
                          "1.0.0-a_b", "-1.0", "1.a", "1.0.0+a_b"}) {
    EXPECT_TRUE(rejects(nu(), bad)) << bad;
  }
  EXPECT_TRUE(nu().valid("1.0.0+001"));  // metadata may have leading zeros
  EXPECT_EQ(scheme_for_ecosystem("NuGet"), &nu());
}

}  // namespace
}  // namespace sw::vuln
