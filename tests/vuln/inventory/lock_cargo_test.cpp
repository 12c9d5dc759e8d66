// SPDX-License-Identifier: Apache-2.0
// Cargo.lock parser tests.
#include <gtest/gtest.h>

#include "lock_test_util.h"
#include "vuln/inventory/lock_formats_more.h"
#include "vuln/inventory/lockfiles.h"

namespace sw::vuln {
namespace {

using sw::vuln::testing::ids;

TEST(LockCargo, PackagesWithLinesSourcesAndCommits) {
  const char* text =
      "version = 3\n"           // 1
      "\n"                      // 2
      "[[package]]\n"           // 3
      "name = \"addr2line\"\n"  // 4
      "version = \"0.15.2\"\n"  // 5
      "source = \"registry+https://github.com/rust-lang/crates.io-index\"\n"
      "\n"
      "[[package]]\n"  // 8
      "# name = \"fake\"\n"
      "name = \"syn\"\n"
      "version = \"1.0.73\"\n"
      "source = \"git+https://github.com/dtolnay/syn?branch=master#061a9ab4\"\n"
      "\n"
      "[[package]]\n"  // 14
      "name = \"local-crate\"\n"
      "version = \"0.1.0\"\n";
  auto list = parse_cargo_lock(text, "Cargo.lock");
  EXPECT_TRUE(list.errors.empty());
  EXPECT_EQ(ids(list),
            (std::vector<std::string>{"addr2line@0.15.2", "syn@1.0.73", "local-crate@0.1.0"}));
  ASSERT_EQ(list.packages.size(), 3u);
  EXPECT_EQ(list.packages[0].ecosystem, "crates.io");
  EXPECT_EQ(list.packages[0].line, 3);
  EXPECT_EQ(list.packages[1].line, 8);
  EXPECT_EQ(list.packages[1].commit, "061a9ab4");
  EXPECT_EQ(list.packages[0].commit, "");
  EXPECT_EQ(list.packages[2].path, "Cargo.lock");
}

TEST(LockCargo, EntryWithoutVersionIsReportedAndSkipped) {
  auto list = parse_cargo_lock(
      "[[package]]\nname = \"a\"\n\n[[package]]\nname = \"b\"\nversion = \"1.0.0\"\n",
      "x/Cargo.lock");
  EXPECT_EQ(ids(list), (std::vector<std::string>{"b@1.0.0"}));
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_EQ(list.errors[0].file(), "x/Cargo.lock");
  EXPECT_EQ(list.errors[0].line(), 1);
}

TEST(LockCargo, MalformedTomlNamesFileAndLine) {
  auto list = parse_cargo_lock("[[package]]\nname = \"a\"\nversion = \n", "Cargo.lock");
  EXPECT_TRUE(list.packages.empty());
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_EQ(list.errors[0].code(), Errc::kParse);
  EXPECT_EQ(list.errors[0].file(), "Cargo.lock");
  EXPECT_EQ(list.errors[0].line(), 3);
}

TEST(LockCargo, PackageKeyOfTheWrongTypeIsAnError) {
  auto list = parse_cargo_lock("package = 3\n", "Cargo.lock");
  EXPECT_TRUE(list.packages.empty());
  EXPECT_EQ(list.errors.size(), 1u);
}

TEST(LockCargo, RegisteredByFileName) {
  auto* format = lockfile_format_for("/src/app/Cargo.lock");
  ASSERT_NE(format, nullptr);
  EXPECT_EQ(format->ecosystem, "crates.io");
  EXPECT_EQ(lockfile_format_for("/src/app/Cargo.toml"), nullptr);
}

}  // namespace
}  // namespace sw::vuln

namespace sw::vuln {
namespace {

// toml++ 3.3.0 asserts on a table header without a key; the parser reports it instead.
TEST(LockCargo, TableHeaderWithoutKeyIsAnErrorNotACrash) {
  auto list = parse_cargo_lock("e=\"\"\n[@", "Cargo.lock");
  EXPECT_TRUE(list.packages.empty());
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_EQ(list.errors[0].line(), 2);
}

}  // namespace
}  // namespace sw::vuln
