// SPDX-License-Identifier: Apache-2.0
// Tests of cvss_score() (v2.0, v3.0, v3.1, v4.0) with vectors whose scores are published: the
// FIRST specification examples and calculators' results, plus invalid vectors.
#include "vuln/cvss/cvss.h"

#include <string>

#include <gtest/gtest.h>

#include "vuln/cvss/cvss_internal.h"

namespace sw::vuln {
namespace {

double base_of(std::string_view vector) {
  auto s = cvss_score(vector);
  EXPECT_TRUE(s.has_value()) << vector << ": " << (s ? "" : s.error().to_string());
  return s ? s->base : -1.0;
}

TEST(CvssV31, CriticalNetworkVector) {
  auto s = cvss_score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->major, 3);
  EXPECT_EQ(s->minor, 1);
  EXPECT_DOUBLE_EQ(s->base, 9.8);
  EXPECT_EQ(s->severity, Severity::kCritical);
  ASSERT_TRUE(s->temporal.has_value());
  EXPECT_DOUBLE_EQ(*s->temporal, 9.8);
  EXPECT_TRUE(s->nomenclature.empty());
}

TEST(CvssV31, KnownBaseScores) {
  // FIRST v3.1 specification, section 8 examples / NVD.
  EXPECT_DOUBLE_EQ(base_of("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"), 6.1);
  EXPECT_DOUBLE_EQ(base_of("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"), 7.8);
  EXPECT_DOUBLE_EQ(base_of("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H"), 9.9);
  EXPECT_DOUBLE_EQ(base_of("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N"), 3.1);
  EXPECT_DOUBLE_EQ(base_of("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N"), 0.0);
}

TEST(CvssV31, SeverityBands) {
  auto none = cvss_score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N");
  ASSERT_TRUE(none.has_value());
  EXPECT_EQ(none->severity, Severity::kInfo);
  auto low = cvss_score("CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N");
  ASSERT_TRUE(low.has_value());
  EXPECT_EQ(low->severity, Severity::kLow);
  auto medium = cvss_score("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N");
  ASSERT_TRUE(medium.has_value());
  EXPECT_EQ(medium->severity, Severity::kMedium);
  auto high = cvss_score("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H");
  ASSERT_TRUE(high.has_value());
  EXPECT_EQ(high->severity, Severity::kHigh);
}

TEST(CvssV30, TemporalAndEnvironmental) {
  // FIRST v3.0 calculator results (also RedHatProductSecurity/cvss test vectors).
  auto s = cvss_score(
      "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:N/E:H/RL:O/RC:C/CR:H/IR:H/AR:H/MAV:N/MAC:L/"
      "MPR:L/MUI:N/MS:C/MC:H/MI:H/MA:H");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->minor, 0);
  EXPECT_DOUBLE_EQ(s->base, 9.3);
  EXPECT_DOUBLE_EQ(*s->temporal, 8.9);
  EXPECT_DOUBLE_EQ(*s->environmental, 9.5);
  // Metrics in any order, X accepted.
  auto t = cvss_score("CVSS:3.0/S:U/AV:N/AC:L/PR:H/UI:N/C:L/I:L/A:N/E:F/RL:X");
  ASSERT_TRUE(t.has_value());
  EXPECT_DOUBLE_EQ(t->base, 3.8);
  EXPECT_DOUBLE_EQ(*t->temporal, 3.7);
  EXPECT_DOUBLE_EQ(*t->environmental, 3.7);
  // Modified privileges only.
  auto u = cvss_score("CVSS:3.0/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:N/A:H/MPR:N");
  ASSERT_TRUE(u.has_value());
  EXPECT_DOUBLE_EQ(u->base, 5.8);
  EXPECT_DOUBLE_EQ(*u->environmental, 7.1);
}

TEST(CvssRounding, V30AndV31Roundup) {
  using namespace cvss_detail;
  // v3.0 section 7.4 / v3.1 section 7.5: Round up (4.02) is 4.1; Round up (4.00) is 4.0.
  EXPECT_DOUBLE_EQ(roundup_v30(4.02), 4.1);
  EXPECT_DOUBLE_EQ(roundup_v30(4.00), 4.0);
  EXPECT_DOUBLE_EQ(roundup_v31(4.02), 4.1);
  EXPECT_DOUBLE_EQ(roundup_v31(4.00), 4.0);
  // v3.1 Appendix A: 4.000000002 is treated as 4.0 (the 3.0 Round up gives 4.1).
  EXPECT_DOUBLE_EQ(roundup_v31(4.000000002), 4.0);
  EXPECT_DOUBLE_EQ(roundup_v30(4.000000002), 4.1);
  // Binary noise below the decimal value does not count: 0.1 * 3 = 0.30000000000000004.
  EXPECT_DOUBLE_EQ(roundup_v30(0.1 * 3), 0.3);
  EXPECT_DOUBLE_EQ(round_half_up_1(7.15), 7.2);
  EXPECT_DOUBLE_EQ(round_half_up_1(5.6499999999999995), 5.7);
  EXPECT_DOUBLE_EQ(round_half_up_1(7.1499), 7.1);
}

TEST(CvssV2, BaseScores) {
  auto s = cvss_score("AV:N/AC:L/Au:N/C:P/I:P/A:P");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->major, 2);
  EXPECT_DOUBLE_EQ(s->base, 7.5);
  EXPECT_EQ(s->severity, Severity::kHigh);
  EXPECT_FALSE(s->temporal.has_value());
  EXPECT_FALSE(s->environmental.has_value());
  // NVD writes v2 vectors in parentheses.
  EXPECT_DOUBLE_EQ(base_of("(AV:N/AC:L/Au:N/C:P/I:P/A:P)"), 7.5);
  EXPECT_DOUBLE_EQ(base_of("AV:N/AC:M/Au:N/C:N/I:P/A:N"), 4.3);
  EXPECT_DOUBLE_EQ(base_of("AV:N/AC:L/Au:N/C:C/I:C/A:C"), 10.0);
  // The guide's round_to_1_decimal is half up: 7.1502... -> 7.2.
  EXPECT_DOUBLE_EQ(base_of("AV:L/AC:L/Au:N/C:C/I:C/A:C"), 7.2);
  EXPECT_DOUBLE_EQ(base_of("AV:L/AC:H/Au:M/C:N/I:N/A:N"), 0.0);
  auto low = cvss_score("AV:L/AC:H/Au:M/C:N/I:N/A:P");
  ASSERT_TRUE(low.has_value());
  EXPECT_DOUBLE_EQ(low->base, 0.8);
  EXPECT_EQ(low->severity, Severity::kLow);
  auto medium = cvss_score("AV:N/AC:M/Au:N/C:P/I:N/A:N");
  ASSERT_TRUE(medium.has_value());
  EXPECT_EQ(medium->severity, Severity::kMedium);
}

TEST(CvssV2, GuideExampleTemporal) {
  // CVSS v2 guide section 3.3.1, CVE-2002-0392: base 7.8, temporal 6.4.
  auto s = cvss_score("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C");
  ASSERT_TRUE(s.has_value());
  EXPECT_DOUBLE_EQ(s->base, 7.8);
  ASSERT_TRUE(s->temporal.has_value());
  EXPECT_DOUBLE_EQ(*s->temporal, 6.4);
  EXPECT_FALSE(s->environmental.has_value());
}

TEST(CvssV2, Environmental) {
  auto s = cvss_score("AV:L/AC:M/Au:S/C:N/I:P/A:C/E:U/RL:OF/RC:UR/CDP:N/TD:L/CR:H/IR:H/AR:H");
  ASSERT_TRUE(s.has_value());
  EXPECT_DOUBLE_EQ(s->base, 5.0);
  EXPECT_DOUBLE_EQ(*s->temporal, 3.5);
  EXPECT_DOUBLE_EQ(*s->environmental, 1.2);
  auto t = cvss_score("AV:A/AC:H/Au:S/C:N/I:P/A:P/E:POC/RL:OF/RC:C/CDP:LM/TD:M/CR:M/IR:L/AR:L");
  ASSERT_TRUE(t.has_value());
  EXPECT_DOUBLE_EQ(t->base, 2.9);
  EXPECT_DOUBLE_EQ(*t->temporal, 2.3);
  EXPECT_DOUBLE_EQ(*t->environmental, 2.8);
}

TEST(CvssV4, BaseScores) {
  auto s = cvss_score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->major, 4);
  EXPECT_EQ(s->minor, 0);
  EXPECT_DOUBLE_EQ(s->base, 9.3);
  EXPECT_EQ(s->severity, Severity::kCritical);
  EXPECT_EQ(s->nomenclature, "CVSS-B");
  // FIRST v4.0 calculator results.
  EXPECT_DOUBLE_EQ(base_of("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:H/VA:L/SC:N/SI:H/SA:L"), 9.2);
  EXPECT_DOUBLE_EQ(base_of("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:H/SI:N/SA:L"), 7.8);
  EXPECT_DOUBLE_EQ(base_of("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:N/SC:N/SI:L/SA:N"), 6.9);
  EXPECT_DOUBLE_EQ(base_of("CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H"), 7.3);
  // The interpolation lands just below a tie here (x.x5 - 1 ulp); rounds up like the calculator.
  EXPECT_DOUBLE_EQ(base_of("CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:P/VC:N/VI:N/VA:N/SC:H/SI:L/SA:L"), 5.1);
  // No impact at all: 0.0, severity None.
  auto none = cvss_score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N");
  ASSERT_TRUE(none.has_value());
  EXPECT_DOUBLE_EQ(none->base, 0.0);
  EXPECT_EQ(none->severity, Severity::kInfo);
}

TEST(CvssV4, ThreatEnvironmentalAndSupplemental) {
  const std::string base = "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H";
  auto bt = cvss_score(base + "/E:P");
  ASSERT_TRUE(bt.has_value());
  EXPECT_DOUBLE_EQ(bt->base, 5.9);
  EXPECT_EQ(bt->nomenclature, "CVSS-BT");
  EXPECT_DOUBLE_EQ(base_of(base + "/E:U"), 4.1);
  EXPECT_DOUBLE_EQ(base_of(base + "/E:A"), 7.3);
  EXPECT_DOUBLE_EQ(base_of(base + "/E:X"), 7.3);
  auto be = cvss_score(base + "/CR:H/IR:H/AR:M");
  ASSERT_TRUE(be.has_value());
  EXPECT_DOUBLE_EQ(be->base, 7.2);
  EXPECT_EQ(be->nomenclature, "CVSS-BE");
  EXPECT_DOUBLE_EQ(base_of(base + "/CR:H/IR:M/AR:L"), 7.1);
  auto bte = cvss_score(base + "/E:U/CR:L");
  ASSERT_TRUE(bte.has_value());
  EXPECT_EQ(bte->nomenclature, "CVSS-BTE");
  // Supplemental metrics are validated and do not change the score.
  auto sup = cvss_score(base + "/S:N/AU:N/R:A/V:D/RE:L/U:Clear");
  ASSERT_TRUE(sup.has_value());
  EXPECT_DOUBLE_EQ(sup->base, 7.3);
  EXPECT_EQ(sup->nomenclature, "CVSS-B");
  // A modified metric replaces its base metric: MAV:N on an AV:N vector changes nothing, while
  // MVC/MVI/MVA:N with no subsequent impact gives 0.
  EXPECT_DOUBLE_EQ(base_of("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MAV:N"),
                   9.3);
  EXPECT_DOUBLE_EQ(base_of("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/"
                           "MVC:N/MVI:N/MVA:N"),
                   0.0);
  // MSI:S (safety) is a valid modified value and moves the vector to EQ4 level 0.
  auto safety = cvss_score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSI:S");
  ASSERT_TRUE(safety.has_value());
  EXPECT_DOUBLE_EQ(safety->base, 10.0);  // macro vector 000000, zero distance to its max
}

TEST(CvssV4, MacroVectorTable) {
  using cvss_detail::cvss4_macro_score;
  EXPECT_EQ(cvss4_macro_score(0, 0, 0, 0, 0, 0), 10.0);
  EXPECT_EQ(cvss4_macro_score(0, 0, 0, 0, 0, 1), 9.9);
  EXPECT_EQ(cvss4_macro_score(1, 1, 1, 2, 0, 0), 6.1);
  EXPECT_EQ(cvss4_macro_score(2, 1, 2, 2, 2, 1), 0.1);
  EXPECT_EQ(cvss4_macro_score(0, 0, 2, 0, 0, 0), std::nullopt);  // EQ3=2 with EQ6=0
  EXPECT_EQ(cvss4_macro_score(3, 0, 0, 0, 0, 0), std::nullopt);
  EXPECT_EQ(cvss4_macro_score(-1, 0, 0, 0, 0, 0), std::nullopt);
  // Every macro vector has a score: 3 x 2 x 3 x 3 x 3 x 2 = 324 level combinations, less the 54
  // with EQ3=2 and EQ6=0 (no high impact, yet a high-requirement high impact) = 270.
  int present = 0;
  for (int a = 0; a < 3; ++a)
    for (int b = 0; b < 2; ++b)
      for (int c = 0; c < 3; ++c)
        for (int d = 0; d < 3; ++d)
          for (int e = 0; e < 3; ++e)
            for (int f = 0; f < 2; ++f) {
              auto s = cvss4_macro_score(a, b, c, d, e, f);
              EXPECT_EQ(s.has_value(), !(c == 2 && f == 0));
              if (s) {
                ++present;
                EXPECT_GT(*s, 0.0);
                EXPECT_LE(*s, 10.0);
              }
            }
  EXPECT_EQ(present, 270);
}

struct BadVector {
  std::string_view vector;
  std::string_view named;  // a part the message must name
};

class CvssInvalid : public ::testing::TestWithParam<BadVector> {};

TEST_P(CvssInvalid, IsParseErrorNamingThePart) {
  auto s = cvss_score(GetParam().vector);
  ASSERT_FALSE(s.has_value()) << GetParam().vector;
  EXPECT_EQ(s.error().code(), Errc::kParse);
  EXPECT_NE(s.error().message().find(GetParam().named), std::string::npos) << s.error().message();
}

INSTANTIATE_TEST_SUITE_P(
    All, CvssInvalid,
    ::testing::Values(
        BadVector{"", "empty"}, BadVector{"()", "empty"},
        BadVector{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H", "'A'"},            // missing
        BadVector{"CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "'AV'"},  // duplicate
        BadVector{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y", "'XX'"},  // unknown
        BadVector{"CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "'Q'"},        // bad value
        BadVector{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/", "empty"},     // stray '/'
        BadVector{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A", "'A'"},          // no value
        BadVector{"CVSS:3.0/AV:N/AC:L/Au:N/C:P/I:P/A:P", "'Au'"},                // v2 metric in v3
        BadVector{"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:ND", "'ND'"},
        BadVector{"CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.2"},
        BadVector{"AV:N/AC:L/Au:N/C:P/I:P", "'A'"}, BadVector{"AV:N/AC:L/Au:N/C:P/I:P/A:X", "'X'"},
        BadVector{"(AV:N/AC:L/Au:N/C:P/I:P/A:P", "'(AV'"},
        BadVector{"av:n/ac:l/au:n/c:p/i:p/a:p", "'av'"},
        BadVector{"AV:N/AC:L/Au:N/C:P/I:P/A:P/E:X", "'X'"},
        BadVector{"CVSS:4.0/AV:X/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "'X'"},
        BadVector{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N", "'S'"},
        BadVector{"CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "'AT'"},
        BadVector{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red", "'red'"},
        BadVector{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSC:S", "'S'"},
        BadVector{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/E:P", "'E'"},
        BadVector{"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/AV::N",
                  "AV::N"}));

}  // namespace
}  // namespace sw::vuln
