// SPDX-License-Identifier: Apache-2.0
// Tests of the uv.lock parser.
#include <gtest/gtest.h>

#include "vuln/inventory/lang_lockfiles.h"
#include "vuln/inventory/lock_test_util.h"

namespace sw::vuln {
namespace {

using testing::find;
using testing::ids;

TEST(UvLock, SkipsLocalProjectsAndReadsGitCommits) {
  auto list = parse_uv_lock(R"(version = 1
requires-python = ">=3.12"

[[package]]
name = "emoji"
version = "2.14.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "ruff"
version = "0.8.1"
source = { git = "https://github.com/astral-sh/ruff#84748be16341b76e073d117329f7f5f4ee2941ad" }

[[package]]
name = "my-project"
version = "0.1.0"
source = { virtual = "." }

[[package]]
name = "member"
version = "0.2.0"
source = { editable = "packages/member" }
)",
                            "uv.lock");
  EXPECT_TRUE(list.errors.empty());
  EXPECT_EQ(ids(list), (std::vector<std::string>{"emoji@2.14.0", "ruff@0.8.1"}));
  EXPECT_EQ(find(list, "emoji")->line, 4);
  EXPECT_EQ(find(list, "ruff")->commit, "84748be16341b76e073d117329f7f5f4ee2941ad");
}

TEST(UvLock, MalformedToml) {
  auto bad = parse_uv_lock("version = 1\n[[package]\nname = \"x\"\n", "sub/uv.lock");
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].file(), "sub/uv.lock");
  EXPECT_EQ(bad.errors[0].line(), 2);
  EXPECT_TRUE(bad.packages.empty());
}

}  // namespace
}  // namespace sw::vuln
