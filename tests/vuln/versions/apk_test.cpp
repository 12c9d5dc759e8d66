// SPDX-License-Identifier: Apache-2.0
// Tests of the apk version scheme (apk-tools src/version.c).
#include <gtest/gtest.h>

#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

int cmp(std::string_view a, std::string_view b) {
  auto ab = apk_scheme().compare(a, b);
  auto ba = apk_scheme().compare(b, a);
  EXPECT_TRUE(ab.has_value()) << a << " vs " << b;
  EXPECT_TRUE(ba.has_value()) << b << " vs " << a;
  if (!ab || !ba) return 99;
  EXPECT_EQ(*ab, -*ba) << a << " vs " << b;
  return *ab;
}

TEST(ApkVersion, SuffixOrder) {
  const char* ordered[] = {"1.2_alpha", "1.2_alpha1", "1.2_alpha2", "1.2_beta", "1.2_pre1",
                           "1.2_rc1",   "1.2",        "1.2_cvs1",   "1.2_svn1", "1.2_git1",
                           "1.2_hg1",   "1.2_p1",     "1.2_p2",     "1.2a",     "1.2.1"};
  for (size_t i = 0; i + 1 < std::size(ordered); ++i) {
    EXPECT_EQ(cmp(ordered[i], ordered[i + 1]), -1) << ordered[i] << " < " << ordered[i + 1];
  }
  EXPECT_EQ(cmp("0.1.0_alpha_pre2", "0.1.0_alpha"), -1);  // a second pre-release suffix
  EXPECT_EQ(cmp("1.2_alpha_p1", "1.2_alpha"), 1);
}

TEST(ApkVersion, NumbersLettersRevisions) {
  EXPECT_EQ(cmp("1.10", "1.9"), 1);
  EXPECT_EQ(cmp("1.2.3b", "1.2.0d"), 1);
  EXPECT_EQ(cmp("1b", "1c"), -1);
  EXPECT_EQ(cmp("1-r1", "1-r01"), 0);
  EXPECT_EQ(cmp("1.0-r10", "1.0-r9"), 1);
  EXPECT_EQ(cmp("1.0", "1.0-r0"), -1);
  EXPECT_EQ(cmp("1.01", "1.1"), -1);  // leading zero: string comparison ("01" < "1")
  EXPECT_EQ(cmp("1.012", "1.01"), 1);
  EXPECT_EQ(cmp("01.1", "1.1"), 0);                // the first number is always numeric
  EXPECT_EQ(cmp("1.001", "1.01"), -1);             // more leading zeros rank lower
  EXPECT_EQ(cmp("1.9.5p1-r1", "1.9.5p2-r1"), -1);  // a digit may follow the letter
  EXPECT_EQ(cmp("6.6.2p1", "6.6.2_p1"), 1);        // letter 'p', not the _p suffix
}

TEST(ApkVersion, InvalidTails) {
  EXPECT_EQ(cmp("1.2", "1.2_blah"), 1);  // an invalid suffix ends the valid part
  EXPECT_EQ(cmp("1", "1-ruff"), 1);
  EXPECT_EQ(cmp("1.2_cvs1", "1.2_blah"), 1);
  EXPECT_EQ(cmp("1.1~abc123", "1.1"), -1);  // a version turning invalid is lower
  EXPECT_EQ(cmp("1.0~abc123", "1.0"), 1);   // ... but apk 2.x reads the zero "0" apart first
  EXPECT_EQ(cmp("1-r-0", "1-r0"), -1);
  EXPECT_EQ(cmp("1-ruff2", "1--ruff1"), 0);  // both invalid at the same place
  EXPECT_EQ(cmp("1-r", "1-r0"), 0);
  EXPECT_EQ(cmp("0.r1", "0r2"), -1);
  EXPECT_EQ(cmp("0..8", "0...8"), 1);
  EXPECT_EQ(cmp(".2", ".1"), 1);
  EXPECT_EQ(cmp("a", "b"), -1);
}

TEST(ApkVersion, RegistryNames) {
  for (const char* e : {"Alpine:v3.19", "Wolfi", "Chainguard", "MinimOS", "Alpaquita:stream"}) {
    EXPECT_EQ(scheme_for_ecosystem(e), &apk_scheme()) << e;
  }
  EXPECT_FALSE(apk_scheme().valid(std::string_view("1\0", 2)));
}

}  // namespace
}  // namespace sw::vuln
