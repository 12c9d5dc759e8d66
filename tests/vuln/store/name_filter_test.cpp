// SPDX-License-Identifier: Apache-2.0
#include "vuln/store/name_filter.h"

#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace sw::vuln {
namespace {

TEST(NameFilter, EveryAddedNameIsFoundAndFewOthersAre) {
  NameFilterBuilder b(5000);
  for (int i = 0; i < 5000; ++i) b.add("PyPI", fmt::format("package-{}", i));
  std::string bytes = b.bytes();
  auto f = NameFilter::from(bytes);
  ASSERT_TRUE(f);
  for (int i = 0; i < 5000; ++i) {
    EXPECT_TRUE(f->may_contain("PyPI", fmt::format("package-{}", i))) << i;
  }
  int false_positives = 0;
  for (int i = 0; i < 20000; ++i) {
    false_positives += f->may_contain("PyPI", fmt::format("other-{}", i));
  }
  // Sized for about 1%; allow three times that before calling it broken.
  EXPECT_LT(false_positives, 600);
}

TEST(NameFilter, TheEcosystemIsPartOfTheKey) {
  NameFilterBuilder b(1);
  b.add("npm", "lodash");
  std::string bytes = b.bytes();
  auto f = NameFilter::from(bytes);
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->may_contain("npm", "lodash"));
  EXPECT_FALSE(f->may_contain("PyPI", "lodash"));
  // The separator keeps ("ab", "c") apart from ("a", "bc").
  EXPECT_FALSE(f->may_contain("npml", "odash"));
}

TEST(NameFilter, BytesThatAreNotAFilterAreRefused) {
  NameFilterBuilder b(10);
  std::string good = b.bytes();
  EXPECT_TRUE(NameFilter::from(good));
  EXPECT_FALSE(NameFilter::from(""));
  EXPECT_FALSE(NameFilter::from(good.substr(0, 10)));
  std::string bad_version = good;
  bad_version[0] = 9;
  EXPECT_FALSE(NameFilter::from(bad_version));
  std::string no_hashes = good;
  no_hashes[1] = 0;
  EXPECT_FALSE(NameFilter::from(no_hashes));
  EXPECT_FALSE(NameFilter::from(good + "x"));  // not a power of two
}

}  // namespace
}  // namespace sw::vuln
