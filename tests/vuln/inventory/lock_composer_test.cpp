// SPDX-License-Identifier: Apache-2.0
// composer.lock parser tests.
#include <gtest/gtest.h>

#include "lock_test_util.h"
#include "vuln/inventory/lock_formats_more.h"

namespace sw::vuln {
namespace {

using sw::vuln::testing::ids;

TEST(LockComposer, PackagesAndDevPackagesWithLines) {
  const char* text = R"({
  "packages": [
    {
      "name": "guzzlehttp/guzzle",
      "version": "6.5.8",
      "authors": [{"name": "Graham Campbell"}]
    },
    {
      "name": "symfony/polyfill-intl-idn",
      "version": "v1.27.0"
    }
  ],
  "packages-dev": [
    {
      "name": "sentry/sdk",
      "version": "3.0.0-dev"
    }
  ]
})";
  auto list = parse_composer_lock(text, "composer.lock");
  EXPECT_TRUE(list.errors.empty());
  EXPECT_EQ(ids(list), (std::vector<std::string>{"guzzlehttp/guzzle@6.5.8",
                                                 "symfony/polyfill-intl-idn@v1.27.0",
                                                 "sentry/sdk@3.0.0-dev"}));
  ASSERT_EQ(list.packages.size(), 3u);
  EXPECT_EQ(list.packages[0].ecosystem, "Packagist");
  EXPECT_EQ(list.packages[0].line, 4);
  EXPECT_EQ(list.packages[1].line, 9);
  EXPECT_EQ(list.packages[2].line, 15);
  EXPECT_TRUE(list.packages[0].groups.empty());
  EXPECT_EQ(list.packages[2].groups, std::vector<std::string>{"dev"});
}

TEST(LockComposer, BadEntriesAndBadJson) {
  auto list = parse_composer_lock(
      R"({"packages": [{"name": "a/b"}, 3, {"name": "c/d", "version": "1.0"}]})", "composer.lock");
  EXPECT_EQ(ids(list), (std::vector<std::string>{"c/d@1.0"}));
  EXPECT_EQ(list.errors.size(), 2u);

  auto bad = parse_composer_lock("{\n  \"packages\": [\n    {,\n", "x/composer.lock");
  EXPECT_TRUE(bad.packages.empty());
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].file(), "x/composer.lock");
  EXPECT_EQ(bad.errors[0].line(), 3);
  EXPECT_EQ(parse_composer_lock("[]", "composer.lock").errors.size(), 1u);
}

}  // namespace
}  // namespace sw::vuln
