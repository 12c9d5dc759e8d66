// SPDX-License-Identifier: Apache-2.0
// Tests of the Maven version scheme (POM reference, Version Order Specification).
#include <gtest/gtest.h>

#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

int cmp(std::string_view a, std::string_view b) {
  auto ab = maven_scheme().compare(a, b);
  auto ba = maven_scheme().compare(b, a);
  EXPECT_TRUE(ab.has_value()) << a << " vs " << b;
  EXPECT_TRUE(ba.has_value()) << b << " vs " << a;
  if (!ab || !ba) return 99;
  EXPECT_EQ(*ab, -*ba) << a << " vs " << b;
  return *ab;
}

TEST(MavenVersion, QualifierOrder) {
  const char* ordered[] = {"1-alpha", "1-beta", "1-milestone", "1-rc", "1-snapshot", "1",
                           "1-sp",    "1-abc",  "1-xyz",       "1-1",  "1.1"};
  for (size_t i = 0; i + 1 < std::size(ordered); ++i) {
    EXPECT_EQ(cmp(ordered[i], ordered[i + 1]), -1) << ordered[i] << " < " << ordered[i + 1];
  }
}

TEST(MavenVersion, Aliases) {
  EXPECT_EQ(cmp("1-cr1", "1-rc1"), 0);
  EXPECT_EQ(cmp("1-ga", "1"), 0);
  EXPECT_EQ(cmp("1-final", "1"), 0);
  EXPECT_EQ(cmp("1-release", "1"), 0);
  EXPECT_EQ(cmp("1a1", "1-alpha-1"), 0);  // a/b/m followed by a digit
  EXPECT_EQ(cmp("1b2", "1-beta-2"), 0);
  EXPECT_EQ(cmp("1m3", "1-milestone-3"), 0);
  EXPECT_EQ(cmp("1-a", "1-alpha"), 1);  // "a" alone is an unknown qualifier
  EXPECT_EQ(cmp("1-RC1", "1-rc1"), 0);  // case-insensitive
}

TEST(MavenVersion, PaddingAndTrimming) {
  EXPECT_EQ(cmp("1", "1.0"), 0);
  EXPECT_EQ(cmp("1", "1.0.0"), 0);
  EXPECT_EQ(cmp("1.0.0-0.0", "1"), 0);
  EXPECT_EQ(cmp("1-1", "1-ga-1"), 0);
  EXPECT_EQ(cmp("1.0001", "1.1"), 0);  // leading zeros
  EXPECT_EQ(cmp("1..1", "1.0.1"), 0);  // empty token is 0
  EXPECT_EQ(cmp("1.sp", "1"), 1);      // sp pads against ""
  EXPECT_EQ(cmp("1.alpha", "1"), -1);
}

// Where one version has run out of tokens, the rest of the other compares with "null" as
// ComparableVersion's Item.compareTo(null) does: numbers above it unless 0, qualifiers against
// the release qualifier "". Found by tools/versions-conformance.py --maven.
TEST(MavenVersion, RemainingTokensAgainstNull) {
  EXPECT_EQ(cmp("2.2.11.Final", "2.2.11.Final.redhat-1"), -1);  // was >: pad .0 above ."" (Final)
  EXPECT_EQ(cmp("1.0.RELEASE", "1.0.RELEASE.x"), -1);
  EXPECT_EQ(cmp("1-0.alpha", "1"), -1);  // was >: -0 is null, alpha below release
  EXPECT_EQ(cmp("5.1.3-0.RC2", "5.1.3-0"), -1);
  EXPECT_EQ(cmp("1-0.1", "1"), 1);
  EXPECT_EQ(cmp("1.+x", "1"), 1);  // an unknown qualifier sorts after release, whatever its bytes
  EXPECT_EQ(cmp("1.ga.x", "1"), 1);
  EXPECT_EQ(cmp("1.ga.sp", "1"), 1);
  EXPECT_EQ(cmp("1.ga.snapshot", "1"), -1);
}

// The first token is trimmed like any other when null (ListItem.normalize): "0-1" is "-1".
TEST(MavenVersion, LeadingNullTrimmed) {
  EXPECT_EQ(cmp("0", ""), 0);
  EXPECT_EQ(cmp("final", "0"), 0);
  EXPECT_EQ(cmp("-1", "0-1"), 0);
  EXPECT_EQ(cmp("0-1", "0.1"), -1);
  EXPECT_EQ(cmp("0-SNAPSHOT", "0.0.1-SNAPSHOT"), -1);
  EXPECT_EQ(cmp(".sp19.8", "0sp19.8"), 1);  // was <: 0sp19.8 is -sp-19.8, above .sp
  EXPECT_EQ(cmp(".RELEASE7.0.5-alpha", ".RELEAE7.0.5-alpha"), -1);  // was >
}

// Where ComparableVersion differs from the POM reference, the reference and OSV win: a '-'
// section of null tokens between hyphens is trimmed away (ComparableVersion keeps its nesting
// level), and a '.qualifier' stays one even before a digit (Maven 3.8.7's MNG-7644 differs).
TEST(MavenVersion, PomReferenceOverComparableVersion) {
  EXPECT_EQ(cmp("1-ga-1", "1-1"), 0);                // ComparableVersion: <
  EXPECT_EQ(cmp("3.16.0--rc-1", "3.16.0-rc-1"), 0);  // ComparableVersion: >
  EXPECT_EQ(cmp("1.0.RC1", "1.0-RC2"), 1);           // Maven >= 3.8.7: <
}

TEST(MavenVersion, SeparatorsAndTransitions) {
  EXPECT_EQ(cmp("1.1", "1-1"), 1);      // .number > -number
  EXPECT_EQ(cmp("1-foo", "1.foo"), 1);  // -qualifier > .qualifier
  EXPECT_EQ(cmp("1-1", "1-foo"), 1);    // -number > -qualifier
  EXPECT_EQ(cmp("1.0.0RC1", "1.0.0-rc-1"), 0);
  EXPECT_EQ(cmp("2.0.1-SNAPSHOT", "2.0.1"), -1);
  EXPECT_EQ(cmp("10.0", "9.99"), 1);
  EXPECT_EQ(cmp("1.123456789012345678901234567890", "1.123456789012345678901234567889"), 1);
}

TEST(MavenVersion, RegistryNames) {
  EXPECT_EQ(scheme_for_ecosystem("Maven"), &maven_scheme());
  EXPECT_EQ(scheme_for_ecosystem("Maven:https://maven.google.com"), &maven_scheme());
  EXPECT_FALSE(maven_scheme().valid(std::string_view("1\0", 2)));
}

}  // namespace
}  // namespace sw::vuln
