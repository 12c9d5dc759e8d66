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
