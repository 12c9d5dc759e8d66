// SPDX-License-Identifier: Apache-2.0
// Gemfile.lock parser tests.
#include <gtest/gtest.h>

#include "lock_test_util.h"
#include "vuln/inventory/lock_formats_more.h"

namespace sw::vuln {
namespace {

using sw::vuln::testing::ids;

TEST(LockGemfile, SectionsPlatformsAndRevisions) {
  const char* text =
      "GIT\n"                                            // 1
      "  remote: https://github.com/hanami/utils.git\n"  // 2
      "  revision: 5904fc9a\n"                           // 3
      "  specs:\n"                                       // 4
      "    hanami-utils (2.0.0.alpha1)\n"                // 5
      "      concurrent-ruby (~> 1.0)\n"                 // 6
      "\n"                                               // 7
      "PATH\n"                                           // 8
      "  remote: vendor/gem/local\n"                     // 9
      "  specs:\n"                                       // 10
      "    local (1.2.0.0)\n"                            // 11
      "\n"                                               // 12
      "GEM\n"                                            // 13
      "  remote: https://rubygems.org/\n"                // 14
      "  specs:\n"                                       // 15
      "    concurrent-ruby (1.1.7)\n"                    // 16
      "    nokogiri (1.13.3-x86_64-linux)\n"             // 17
      "      racc (~> 1.4)\n"                            // 18
      "\n"
      "PLATFORMS\n"
      "  x86_64-linux\n"
      "\n"
      "DEPENDENCIES\n"
      "  hanami-utils!\n"
      "  rake (~> 13.0)\n"
      "\n"
      "BUNDLED WITH\n"
      "   2.2.28\n";
  auto list = parse_gemfile_lock(text, "Gemfile.lock");
  EXPECT_TRUE(list.errors.empty());
  EXPECT_EQ(ids(list), (std::vector<std::string>{"hanami-utils@2.0.0.alpha1", "local@1.2.0.0",
                                                 "concurrent-ruby@1.1.7", "nokogiri@1.13.3"}));
  ASSERT_EQ(list.packages.size(), 4u);
  EXPECT_EQ(list.packages[0].commit, "5904fc9a");
  EXPECT_EQ(list.packages[0].line, 5);
  EXPECT_EQ(list.packages[2].commit, "");
  EXPECT_EQ(list.packages[3].line, 17);
  EXPECT_EQ(list.packages[3].ecosystem, "RubyGems");
}

TEST(LockGemfile, MalformedSpecIsReported) {
  auto list = parse_gemfile_lock("GEM\n  specs:\n    broken\n    ok (1.0)\n    empty ()\n",
                                 "app/Gemfile.lock");
  EXPECT_EQ(ids(list), (std::vector<std::string>{"ok@1.0"}));
  ASSERT_EQ(list.errors.size(), 2u);
  EXPECT_EQ(list.errors[0].line(), 3);
  EXPECT_EQ(list.errors[1].line(), 5);
  EXPECT_EQ(list.errors[0].file(), "app/Gemfile.lock");
}

TEST(LockGemfile, GemsLockedNameMatches) {
  EXPECT_TRUE(is_gemfile_lock("a/gems.locked"));
  EXPECT_TRUE(is_gemfile_lock("Gemfile.lock"));
  EXPECT_FALSE(is_gemfile_lock("Gemfile"));
}

}  // namespace
}  // namespace sw::vuln
