// SPDX-License-Identifier: Apache-2.0
// go.mod parser tests.
#include <gtest/gtest.h>

#include "lock_test_util.h"
#include "vuln/inventory/lock_formats_more.h"

namespace sw::vuln {
namespace {

using sw::vuln::testing::ids;

TEST(LockGoMod, RequireBlocksSingleLinesIndirectAndStdlib) {
  const char* text =
      "module example.com/app\n"                                           // 1
      "\n"                                                                 // 2
      "go 1.22.0\n"                                                        // 3
      "\n"                                                                 // 4
      "toolchain go1.22.5\n"                                               // 5
      "\n"                                                                 // 6
      "require github.com/a/b v1.2.3\n"                                    // 7
      "\n"                                                                 // 8
      "require (\n"                                                        // 9
      "\tgithub.com/c/d v0.0.0-20200804184101-5ec99f83aff1 // indirect\n"  // 10
      "\t\"github.com/e/f\" v2.0.0+incompatible\n"                         // 11
      ")\n";
  auto list = parse_go_mod(text, "go.mod");
  EXPECT_TRUE(list.errors.empty());
  EXPECT_EQ(ids(list),
            (std::vector<std::string>{"github.com/a/b@1.2.3",
                                      "github.com/c/d@0.0.0-20200804184101-5ec99f83aff1",
                                      "github.com/e/f@2.0.0+incompatible", "stdlib@1.22.5"}));
  ASSERT_EQ(list.packages.size(), 4u);
  EXPECT_EQ(list.packages[0].ecosystem, "Go");
  EXPECT_EQ(list.packages[0].line, 7);
  EXPECT_EQ(list.packages[1].line, 10);
  EXPECT_EQ(list.packages[3].line, 5);
}

TEST(LockGoMod, ReplaceWinsLocalPathDropsExcludeDrops) {
  const char* text =
      "go 1.21\n"
      "toolchain go1.23.6-xyz\n"
      "require (\n"
      "  golang.org/x/net v1.2.3\n"
      "  golang.org/x/net v0.5.6\n"
      "  golang.org/x/text v0.3.0\n"
      "  golang.org/x/sys v0.1.0\n"
      "  golang.org/x/crypto v0.9.0\n"
      ")\n"
      "replace golang.org/x/net => example.com/fork/net v1.4.5\n"
      "replace (\n"
      "  golang.org/x/text v0.3.0 => ./local/text\n"
      "  golang.org/x/sys v9.9.9 => example.com/sys v1.0.0\n"
      ")\n"
      "exclude golang.org/x/crypto v0.9.0\n";
  auto list = parse_go_mod(text, "go.mod");
  EXPECT_TRUE(list.errors.empty());
  // Both x/net versions become the same fork@1.4.5 (listed once); x/text is a local directory;
  // the x/sys replacement is for another version; x/crypto is excluded.
  EXPECT_EQ(ids(list), (std::vector<std::string>{"example.com/fork/net@1.4.5",
                                                 "golang.org/x/sys@0.1.0", "stdlib@1.23.6"}));
}

TEST(LockGoMod, MalformedLinesAreReportedWithTheirLine) {
  const char* text =
      "require (\n"
      "  github.com/a/b\n"           // 2: no version
      "  \"github.com/c/d v1.0.0\n"  // 3: unterminated quote
      "  github.com/e/f v1.0.0\n"
      ")\n"
      "frobnicate x\n"   // 6
      "replace a => \n"  // 7
      "require (\n";     // 8: never closed
  auto list = parse_go_mod(text, "dir/go.mod");
  EXPECT_EQ(ids(list), (std::vector<std::string>{"github.com/e/f@1.0.0"}));
  ASSERT_EQ(list.errors.size(), 5u);
  EXPECT_EQ(list.errors[0].line(), 2);
  EXPECT_EQ(list.errors[1].line(), 3);
  EXPECT_EQ(list.errors[2].line(), 6);
  EXPECT_EQ(list.errors[3].line(), 7);
  EXPECT_EQ(list.errors[4].line(), 8);
  EXPECT_EQ(list.errors[4].file(), "dir/go.mod");
}

}  // namespace
}  // namespace sw::vuln
