// SPDX-License-Identifier: Apache-2.0
// Composer ordering: PHP version_compare after stripping v/V (packagist.cpp).
#include <gtest/gtest.h>

#include "vuln/versions/order_support.h"
#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

using testing::orders;
using testing::rejects;

const VersionScheme& php() { return packagist_scheme(); }

TEST(PackagistTest, SpecialFormsOrder) {
  const char* chain[] = {"1.0-foo", "1.0-dev", "1.0alpha1", "1.0b1", "1.0RC1", "1.0", "1.0pl1"};
  for (size_t i = 0; i + 1 < std::size(chain); ++i) {
    EXPECT_TRUE(orders(php(), chain[i], '<', chain[i + 1]));
  }
  EXPECT_TRUE(orders(php(), "1.0a1", '=', "1.0alpha1"));
  EXPECT_TRUE(orders(php(), "1.0b1", '=', "1.0-beta.1"));
  EXPECT_TRUE(orders(php(), "1.0rc1", '=', "1.0RC1"));
  EXPECT_TRUE(orders(php(), "1.0p1", '=', "1.0pl1"));
  EXPECT_TRUE(orders(php(), "1.0Rc1", '<', "1.0-dev"));  // "Rc" is no special form
}

TEST(PackagistTest, CanonicalisationAndLengths) {
  EXPECT_TRUE(orders(php(), "1.0.0rc2", '=', "1.0.0.rc2"));
  EXPECT_TRUE(orders(php(), "1.0.0_rc2", '=', "1.0.0+rc2"));
  EXPECT_TRUE(orders(php(), "1.0.0", '>', "1.0"));     // a number left over wins
  EXPECT_TRUE(orders(php(), "1.0", '>', "1.0.beta"));  // a word left over compares with '#'
  EXPECT_TRUE(orders(php(), "1.0", '<', "1.0.pl"));
  EXPECT_TRUE(orders(php(), "4.3-2RC1", '<', "4.3-2RC2"));
  EXPECT_TRUE(orders(php(), "10", '>', "9"));
  EXPECT_TRUE(
      orders(php(), "123456789012345678901234567891", '>', "123456789012345678901234567890"));
  EXPECT_TRUE(orders(php(), "dev-main", '<', "0.0.1"));
}

TEST(PackagistTest, LeadingVAndHash) {
  EXPECT_TRUE(orders(php(), "v1.2.3", '=', "1.2.3"));
  EXPECT_TRUE(orders(php(), "V1.2.3", '=', "v1.2.3"));
  EXPECT_TRUE(orders(php(), "1.2.3.#", '=', "1.2.3"));
  EXPECT_TRUE(orders(php(), "1.2.3.#", '=', "1.2.3.7"));
  EXPECT_TRUE(orders(php(), "1.2.3.#.beta", '<', "1.2.3"));
}

TEST(PackagistTest, TrailingSeparatorsStayAntisymmetric) {
  EXPECT_TRUE(orders(php(), "1.0-", '=', "1.0."));  // PHP itself says -1 both ways
  EXPECT_TRUE(orders(php(), "1.0.", '<', "1.0"));   // as PHP
  EXPECT_TRUE(orders(php(), "1.0.", '>', "1.0.beta"));
  EXPECT_TRUE(orders(php(), "1.0.", '<', "1.0.pl"));
  EXPECT_TRUE(orders(php(), "1.0.", '<', "1.0.1"));
}

TEST(PackagistTest, Rejects) {
  for (const char* bad : {"", "v", "1.0 beta", "1.0\t", "1.0\xc3\xa9"}) {
    EXPECT_TRUE(rejects(php(), bad)) << bad;
  }
  EXPECT_EQ(scheme_for_ecosystem("Packagist"), &php());
  EXPECT_EQ(scheme_for_ecosystem("Packagist:https://packages.drupal.org/8"), &php());
}

}  // namespace
}  // namespace sw::vuln
