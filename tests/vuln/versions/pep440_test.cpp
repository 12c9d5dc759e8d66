// SPDX-License-Identifier: Apache-2.0
// PEP 440 ordering as packaging 21.3, with its LegacyVersion fallback (pep440.cpp).
#include <gtest/gtest.h>

#include "vuln/versions/order_support.h"
#include "vuln/versions/scheme.h"

namespace sw::vuln {
namespace {

using testing::orders;
using testing::rejects;

const VersionScheme& py() { return pep440_scheme(); }

TEST(Pep440Test, ReleasePaddingAndEpochs) {
  EXPECT_TRUE(orders(py(), "1.0", '=', "1.0.0"));
  EXPECT_TRUE(orders(py(), "1", '=', "1.0.0.0"));
  EXPECT_TRUE(orders(py(), "1.01", '=', "1.1"));
  EXPECT_TRUE(orders(py(), "1.0", '<', "1.0.1"));
  EXPECT_TRUE(orders(py(), "1.9", '<', "1.10"));
  EXPECT_TRUE(orders(py(), "0!1.0", '=', "1.0"));
  EXPECT_TRUE(orders(py(), "1!0.1", '>', "99.0"));
  EXPECT_TRUE(
      orders(py(), "123456789012345678901234567890", '>', "123456789012345678901234567889"));
}

TEST(Pep440Test, DevPrePostPlacement) {
  const char* chain[] = {"1.0.dev0",       "1.0a1.dev0", "1.0a1",     "1.0a1.post0.dev0",
                         "1.0a1.post0",    "1.0b1",      "1.0rc1",    "1.0",
                         "1.0.post0.dev0", "1.0.post0",  "1.0.post1", "1.1.dev0"};
  for (size_t i = 0; i + 1 < std::size(chain); ++i) {
    EXPECT_TRUE(orders(py(), chain[i], '<', chain[i + 1]));
  }
  EXPECT_TRUE(orders(py(), "1.0.dev1", '<', "1.0.dev2"));
  EXPECT_TRUE(orders(py(), "1.2.post3.dev4", '>', "1.2b3.dev4"));
}

TEST(Pep440Test, Normalisation) {
  EXPECT_TRUE(orders(py(), "1.0ALPHA1", '=', "1.0a1"));
  EXPECT_TRUE(orders(py(), "1.0-beta.2", '=', "1.0b2"));
  EXPECT_TRUE(orders(py(), "1.0c1", '=', "1.0rc1"));
  EXPECT_TRUE(orders(py(), "1.0pre1", '=', "1.0rc1"));
  EXPECT_TRUE(orders(py(), "1.0preview1", '=', "1.0rc1"));
  EXPECT_TRUE(orders(py(), "1.0a", '=', "1.0a0"));
  EXPECT_TRUE(orders(py(), "1.0-r1", '=', "1.0.post1"));
  EXPECT_TRUE(orders(py(), "1.0rev", '=', "1.0.post0"));
  EXPECT_TRUE(orders(py(), "1.0-1", '=', "1.0.post1"));
  EXPECT_TRUE(orders(py(), "1.0-1", '<', "1.0-2"));
  EXPECT_TRUE(orders(py(), "1.0_DEV_3", '=', "1.0.dev3"));
  EXPECT_TRUE(orders(py(), "v1.0", '=', "1.0"));
  EXPECT_TRUE(orders(py(), "  1.0\n", '=', "1.0"));
  // The regex's backtracking order: the separator after the letter is taken by the number.
  EXPECT_TRUE(orders(py(), "1.0a-1", '=', "1.0a1"));
  EXPECT_TRUE(orders(py(), "1.0a.post1", '=', "1.0a0.post1"));
}

TEST(Pep440Test, LocalVersions) {
  EXPECT_TRUE(orders(py(), "1.0", '<', "1.0+local"));
  EXPECT_TRUE(orders(py(), "1.0+abc", '<', "1.0+5"));
  EXPECT_TRUE(orders(py(), "1.0+abc.5", '<', "1.0+abc.6"));
  EXPECT_TRUE(orders(py(), "1.0+abc.5", '>', "1.0+abc.def"));
  EXPECT_TRUE(orders(py(), "1.0+local.0", '<', "1.0+local.0.1"));
  EXPECT_TRUE(orders(py(), "1.0+ABC-1", '=', "1.0+abc_01"));
  EXPECT_TRUE(orders(py(), "1.0+9", '<', "1.0+10"));
  EXPECT_TRUE(orders(py(), "1.0+zzz", '<', "1.0.post0"));
}

TEST(Pep440Test, LegacyVersionsSortFirstBySetuptoolsKey) {
  EXPECT_TRUE(orders(py(), "0.9.x", '<', "0.0.1"));
  EXPECT_TRUE(orders(py(), "0.9.c", '=', "0.9rc0"));  // PEP 440 after all
  EXPECT_TRUE(orders(py(), "zzz", '<', "0!0.0.dev0"));
  EXPECT_TRUE(orders(py(), "0.1-bulbasaur", '<', "0.1-charmander"));
  EXPECT_TRUE(orders(py(), "1.0-dev-r1", '<', "1.0-r1x"));
  // pre/preview/rc read as c, dev as @ (before every letter), '-' as final-.
  EXPECT_TRUE(orders(py(), "1.0.x.pre", '=', "1.0.x.c"));
  EXPECT_TRUE(orders(py(), "1.0.x.dev", '<', "1.0.x.a"));
  EXPECT_TRUE(orders(py(), "1.0.0.x", '=', "1.x"));
  EXPECT_TRUE(orders(py(), "1.x~2", '<', "1.x.2"));
}

TEST(Pep440Test, RejectsWhatIsNoVersion) {
  EXPECT_TRUE(rejects(py(), ""));
  EXPECT_TRUE(rejects(py(), "   "));
  EXPECT_TRUE(rejects(py(), "1.0\x01"));
  EXPECT_TRUE(rejects(py(), "1.0\xc3\xa9"));
  EXPECT_TRUE(py().valid("not-pep440"));  // a legacy version
  EXPECT_EQ(scheme_for_ecosystem("PyPI"), &py());
  EXPECT_EQ(py().name(), "PEP 440");
}

}  // namespace
}  // namespace sw::vuln
