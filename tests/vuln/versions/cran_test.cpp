// SPDX-License-Identifier: Apache-2.0
// Tests of the R package version scheme (utils::compareVersion).
#include <gtest/gtest.h>

#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

int cmp(std::string_view a, std::string_view b) {
  auto ab = cran_scheme().compare(a, b);
  auto ba = cran_scheme().compare(b, a);
  EXPECT_TRUE(ab.has_value()) << a << " vs " << b;
  EXPECT_TRUE(ba.has_value()) << b << " vs " << a;
  if (!ab || !ba) return 99;
  EXPECT_EQ(*ab, -*ba) << a << " vs " << b;
  return *ab;
}

TEST(CranVersion, Order) {
  EXPECT_EQ(cmp("0.01", "0.1-0"), -1);
  EXPECT_EQ(cmp("0.01.0", "0.1-0"), 0);
  EXPECT_EQ(cmp("0.9", "0.75"), -1);
  EXPECT_EQ(cmp("1.0", "1.0.0"), -1);
  EXPECT_EQ(cmp("1.0-1", "1.0.1"), 0);
  EXPECT_EQ(cmp("1.10", "1.9"), 1);
  EXPECT_EQ(cmp("2", "1.9.9"), 1);
  EXPECT_EQ(cmp("1.0.", "1.0"), 0);  // strsplit drops the trailing empty piece
}

TEST(CranVersion, Rejects) {
  for (const char* bad : {"", "1..2", ".1", "1.a", "1.0-rc1", "1.2147483648", "1.0.-"}) {
    auto r = cran_scheme().compare(bad, "1.0");
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code(), Errc::kParse);
    EXPECT_NE(r.error().message().find(bad), std::string::npos) << r.error().message();
  }
  EXPECT_TRUE(cran_scheme().valid("1.2147483647"));
  EXPECT_EQ(scheme_for_ecosystem("CRAN"), &cran_scheme());
  EXPECT_EQ(scheme_for_ecosystem("Bioconductor"), &cran_scheme());
}

}  // namespace
}  // namespace sw::vuln
