// SPDX-License-Identifier: Apache-2.0
// Tests of the poetry.lock parser.
#include <gtest/gtest.h>

#include "vuln/inventory/lang_lockfiles.h"
#include "vuln/inventory/lock_test_util.h"

namespace sw::vuln {
namespace {

using testing::find;
using testing::ids;

TEST(PoetryLock, PackagesGroupsAndGitCommits) {
  auto list = parse_poetry_lock(R"([[package]]
name = "proto-plus"
version = "1.22.0"
category = "main"

[[package]]
name = "pytest"
version = "7.0.0"
category = "dev"

[[package]]
name = "numpy"
version = "1.23.3"
optional = true

[[package]]
name = "ike"
version = "0.2.0"
groups = ["main"]

[package.source]
type = "git"
url = "https://github.com/dzshn/ike"
resolved_reference = "cd66602cd29f61a2d2e7fb995fef1e61708c034d"

[[package]]
name = "ruff"
version = "0.1.0"
groups = ["lint"]

[metadata]
lock-version = "2.0"
)",
                                "poetry.lock");
  EXPECT_TRUE(list.errors.empty());
  EXPECT_EQ(ids(list), (std::vector<std::string>{"proto-plus@1.22.0", "pytest@7.0.0",
                                                 "numpy@1.23.3", "ike@0.2.0", "ruff@0.1.0"}));
  EXPECT_EQ(find(list, "pytest")->groups, std::vector<std::string>{"dev"});
  EXPECT_EQ(find(list, "pytest")->line, 6);
  EXPECT_EQ(find(list, "numpy")->groups, std::vector<std::string>{"optional"});
  EXPECT_TRUE(find(list, "ike")->groups.empty());
  EXPECT_EQ(find(list, "ike")->commit, "cd66602cd29f61a2d2e7fb995fef1e61708c034d");
  EXPECT_EQ(find(list, "ruff")->groups, std::vector<std::string>{"lint"});
}

TEST(PoetryLock, MalformedTomlAndIncompleteEntries) {
  auto bad = parse_poetry_lock("[[package]]\nname = \"a\"\nversion = \n", "p/poetry.lock");
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].file(), "p/poetry.lock");
  EXPECT_EQ(bad.errors[0].line(), 3);
  auto partial = parse_poetry_lock(
      "[[package]]\nname = \"a\"\n\n[[package]]\nname = \"b\"\nversion = \"1.0\"\n", "poetry.lock");
  EXPECT_EQ(ids(partial), std::vector<std::string>{"b@1.0"});
  ASSERT_EQ(partial.errors.size(), 1u);
  EXPECT_EQ(partial.errors[0].line(), 1);
}

}  // namespace
}  // namespace sw::vuln
