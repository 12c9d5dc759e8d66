// SPDX-License-Identifier: Apache-2.0
// Tests of the RPM version scheme (rpm 4.18 rpmvercmp / rpmverCmp).
#include <gtest/gtest.h>

#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

int cmp(std::string_view a, std::string_view b) {
  auto ab = rpm_scheme().compare(a, b);
  auto ba = rpm_scheme().compare(b, a);
  EXPECT_TRUE(ab.has_value()) << a << " vs " << b;
  EXPECT_TRUE(ba.has_value()) << b << " vs " << a;
  if (!ab || !ba) return 99;
  EXPECT_EQ(*ab, -*ba) << a << " vs " << b;
  return *ab;
}

TEST(RpmVersion, Tilde) {
  EXPECT_EQ(cmp("1.0~rc1", "1.0"), -1);
  EXPECT_EQ(cmp("1.0~rc1", "1.0~rc2"), -1);
  EXPECT_EQ(cmp("1.0~rc1~git123", "1.0~rc1"), -1);
  EXPECT_EQ(cmp("1.0~", "1.0"), -1);
}

TEST(RpmVersion, Caret) {
  EXPECT_EQ(cmp("1.0^", "1.0"), 1);
  EXPECT_EQ(cmp("1.0^git1", "1.0"), 1);
  EXPECT_EQ(cmp("1.0^git1", "1.01"), -1);
  EXPECT_EQ(cmp("1.0^20160101", "1.0.1"), -1);
  EXPECT_EQ(cmp("1.0^20160101^git1", "1.0^20160101"), 1);
  EXPECT_EQ(cmp("1.0~rc1^git1", "1.0~rc1"), 1);
  EXPECT_EQ(cmp("1.0^git1~pre", "1.0^git1"), -1);
}

TEST(RpmVersion, Segments) {
  EXPECT_EQ(cmp("1.0010", "1.9"), 1);  // numeric, leading zeros dropped
  EXPECT_EQ(cmp("1.05", "1.5"), 0);
  EXPECT_EQ(cmp("1.0", "1.0.0"), -1);  // leftover wins
  EXPECT_EQ(cmp("2.0a", "2.0"), 1);
  EXPECT_EQ(cmp("2a", "2.0"), -1);  // alpha segment vs numeric: numeric newer
  EXPECT_EQ(cmp("1.0a", "1.0b"), -1);
  EXPECT_EQ(cmp("FC5", "fc4"), -1);  // strcmp: uppercase first
  EXPECT_EQ(cmp("1_0", "1.0"), 0);   // any non-alnum separates
  EXPECT_EQ(cmp("1..0", "1.0"), 0);
  EXPECT_EQ(cmp("1.1.a", "1.2.\xce\xb2\xce\xb2"), -1);
  EXPECT_EQ(cmp("123456789012345678901234567890", "123456789012345678901234567889"), 1);
}

TEST(RpmVersion, EpochVersionRelease) {
  EXPECT_EQ(cmp("1:1.0-1", "2.0-1"), 1);
  EXPECT_EQ(cmp("0:1.0-1", "1.0-1"), 0);
  EXPECT_EQ(cmp(":1.0", "1.0"), 0);  // empty epoch is 0
  EXPECT_EQ(cmp("1.0-1.el9", "1.0-2.el9"), -1);
  EXPECT_EQ(cmp("1.0", "1.0-1"), -1);         // missing release is lower (rpmverCmp)
  EXPECT_EQ(cmp("1.0-1-2", "1.0-1-10"), -1);  // release after the last hyphen
  EXPECT_EQ(cmp("a:1", "a:1"), 0);            // not an epoch: ':' separates
}

TEST(RpmVersion, Rejects) {
  auto r = rpm_scheme().compare("", "1");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), Errc::kParse);
  EXPECT_FALSE(rpm_scheme().valid(std::string_view("1\0", 2)));
  EXPECT_TRUE(rpm_scheme().valid("-"));
}

TEST(RpmVersion, RegistryNames) {
  for (const char* e : {"Red Hat:rhel_aus:8.4::appstream", "AlmaLinux:9", "Rocky Linux:8",
                        "openSUSE:Tumbleweed", "SUSE:Linux Enterprise Server 15 SP5", "Mageia:9",
                        "openEuler:22.03-LTS", "Photon OS:3.0", "Azure Linux:3"}) {
    EXPECT_EQ(scheme_for_ecosystem(e), &rpm_scheme()) << e;
  }
}

}  // namespace
}  // namespace sw::vuln
