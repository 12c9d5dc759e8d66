// SPDX-License-Identifier: Apache-2.0
// Tests of the dpkg version scheme (deb-version(7), dpkg's verrevcmp and parseversion).
#include <string>

#include <gtest/gtest.h>

#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

// cmp(a, b), checked against cmp(b, a) for antisymmetry.
int cmp(std::string_view a, std::string_view b) {
  auto ab = dpkg_scheme().compare(a, b);
  auto ba = dpkg_scheme().compare(b, a);
  EXPECT_TRUE(ab.has_value()) << a << " vs " << b;
  EXPECT_TRUE(ba.has_value()) << b << " vs " << a;
  if (!ab || !ba) return 99;
  const int s = *ab < 0 ? -1 : (*ab > 0 ? 1 : 0);
  const int r = *ba < 0 ? -1 : (*ba > 0 ? 1 : 0);
  EXPECT_EQ(s, -r) << a << " vs " << b;
  return s;
}

std::string rejection(std::string_view v) {
  auto r = dpkg_scheme().compare(v, "1");
  if (r) return "accepted";
  EXPECT_EQ(r.error().code(), Errc::kParse);
  return r.error().message();
}

TEST(DpkgVersion, TildeSortsBeforeEverything) {
  EXPECT_EQ(cmp("1.0~rc1", "1.0"), -1);
  EXPECT_EQ(cmp("1.0~~", "1.0~"), -1);
  EXPECT_EQ(cmp("1.0~~a", "1.0~"), -1);
  EXPECT_EQ(cmp("1.0~", "1.0"), -1);
  EXPECT_EQ(cmp("1.0", "1.0a"), -1);
  EXPECT_EQ(cmp("1.0-1~bpo1", "1.0-1"), -1);
}

TEST(DpkgVersion, EpochsDominate) {
  EXPECT_EQ(cmp("1:0.1", "2.0"), 1);
  EXPECT_EQ(cmp("0:1.0", "1.0"), 0);
  EXPECT_EQ(cmp("2:1.0", "10:0.1"), -1);
  EXPECT_EQ(cmp("+1:1.0", "1:1.0"), 0);  // strtol takes the sign
}

TEST(DpkgVersion, RevisionIsLastHyphen) {
  EXPECT_EQ(cmp("1.0", "1.0-0"), 0);  // empty revision = "0": digits and end both order 0
  EXPECT_EQ(cmp("1.0-1", "1.0-2"), -1);
  EXPECT_EQ(cmp("1.0-2-1", "1.0-10-1"), -1);  // upstream may hold hyphens
  EXPECT_EQ(cmp("1.0-1ubuntu1", "1.0-1"), 1);
  EXPECT_EQ(cmp("1.0-1+deb12u1", "1.0-1"), 1);
}

TEST(DpkgVersion, NumbersAndLetters) {
  EXPECT_EQ(cmp("1.10", "1.9"), 1);
  EXPECT_EQ(cmp("1.001", "1.1"), 0);
  EXPECT_EQ(cmp("1.0a", "1.0+"), -1);  // letters before non-letters
  EXPECT_EQ(cmp("1.0.", "1.0a"), 1);
  EXPECT_EQ(cmp("99999999999999999999", "99999999999999999998"), 1);  // no overflow
  EXPECT_EQ(cmp("1.2.3", "1.2.3"), 0);
}

TEST(DpkgVersion, WarningsStillCompare) {
  // dpkg only warns about these, and compares them.
  EXPECT_EQ(cmp("a1", "1"), 1);
  EXPECT_EQ(cmp("1.0_1", "1.0"), 1);
  EXPECT_EQ(cmp("1.0\xc3\xbc", "1.0z"), 1);  // a signed char byte orders above letters
  EXPECT_EQ(cmp("1.0\xc3\xbc", "1.0."), -1);
}

TEST(DpkgVersion, BlankVersion) {
  // dpkg: a blank version is earlier than every informative one, equal to another blank.
  EXPECT_EQ(cmp("", "0"), -1);
  EXPECT_EQ(cmp("", "0:0-0"), -1);
  EXPECT_EQ(cmp("<unknown>", ""), 0);
  EXPECT_EQ(cmp(" 1.0 ", "1.0"), 0);  // leading and trailing blanks are trimmed
}

TEST(DpkgVersion, RejectsWhatDpkgRejects) {
  EXPECT_EQ(rejection("1.0-"), "invalid dpkg version '1.0-': revision number is empty");
  EXPECT_EQ(rejection("0:"), "invalid dpkg version '0:': nothing after colon in version number");
  EXPECT_EQ(rejection("a:1"), "invalid dpkg version 'a:1': epoch in version is empty");
  EXPECT_EQ(rejection("1a:1"), "invalid dpkg version '1a:1': epoch in version is not number");
  EXPECT_EQ(rejection("-1:1"), "invalid dpkg version '-1:1': epoch in version is negative");
  EXPECT_EQ(rejection("99999999999:1"),
            "invalid dpkg version '99999999999:1': epoch in version is too big");
  EXPECT_EQ(rejection("1:-1"), "invalid dpkg version '1:-1': version number is empty");
  EXPECT_EQ(rejection("1 0"), "invalid dpkg version '1 0': version string has embedded spaces");
  EXPECT_EQ(rejection("  "), "invalid dpkg version '  ': version string is empty");
  EXPECT_NE(rejection(std::string_view("1\0", 2)).find("NUL"), std::string::npos);
  EXPECT_EQ(rejection("-0:1"), "accepted");  // strtol gives 0: not negative
  EXPECT_FALSE(dpkg_scheme().valid("1.0-"));
  EXPECT_TRUE(dpkg_scheme().valid("1:2.30-1ubuntu1~22.04"));
}

TEST(DpkgVersion, RegistryNames) {
  EXPECT_EQ(scheme_for_ecosystem("Debian"), &dpkg_scheme());
  EXPECT_EQ(scheme_for_ecosystem("Debian:12"), &dpkg_scheme());
  EXPECT_EQ(scheme_for_ecosystem("Ubuntu:22.04:LTS"), &dpkg_scheme());
  EXPECT_EQ(scheme_for_ecosystem("Ubuntu:Pro:18.04:LTS"), &dpkg_scheme());
}

}  // namespace
}  // namespace sw::vuln
