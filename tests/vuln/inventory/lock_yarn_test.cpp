// SPDX-License-Identifier: Apache-2.0
// Tests of the yarn.lock parser (classic v1 and berry).
#include <gtest/gtest.h>

#include "vuln/inventory/lang_lockfiles.h"
#include "vuln/inventory/lock_test_util.h"

namespace sw::vuln {
namespace {

using testing::find;
using testing::ids;

TEST(YarnLock, ClassicEntriesAliasesScopesQuotesAndCommits) {
  auto list = parse_yarn_lock(R"(# yarn lockfile v1


"@babel/code-frame@^7.0.0", "@babel/code-frame@^7.10.4":
  version "7.12.11"
  resolved "https://registry.yarnpkg.com/@babel/code-frame/-/code-frame-7.12.11.tgz#f4ad435a"
  dependencies:
    "@babel/highlight" "^7.10.4"

"cjs@npm:ansi-regex@^5.0.0":
  version "5.0.1"

concat-map@0.0.1:
  "version" "0.0.1"

"mine@git+ssh://git@github.com:a/b#0a2d2506c1":
  version "1.0.0"
  resolved "git+ssh://git@github.com:a/b#0a2d2506c1fe299691fc5db53a2097db3bd615bc"
)",
                              "yarn.lock");
  EXPECT_TRUE(list.errors.empty());
  EXPECT_EQ(ids(list), (std::vector<std::string>{"@babel/code-frame@7.12.11", "ansi-regex@5.0.1",
                                                 "concat-map@0.0.1", "mine@1.0.0"}));
  EXPECT_EQ(list.packages[0].line, 4);
  EXPECT_EQ(find(list, "mine")->commit, "0a2d2506c1fe299691fc5db53a2097db3bd615bc");
  EXPECT_EQ(find(list, "mine")->line, 16);
}

TEST(YarnLock, ClassicEntryWithoutVersionIsReportedOthersKept) {
  auto list = parse_yarn_lock(
      "# yarn lockfile v1\nbroken@^1:\n  resolved \"x\"\nok@^2:\n  version \"2.0.0\"\n",
      "app/yarn.lock");
  EXPECT_EQ(ids(list), std::vector<std::string>{"ok@2.0.0"});
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_EQ(list.errors[0].file(), "app/yarn.lock");
  EXPECT_EQ(list.errors[0].line(), 2);
}

TEST(YarnLock, BerrySkipsRootWorkspaceKeepsOthersAndReadsCommits) {
  auto list = parse_yarn_lock(R"(__metadata:
  version: 8
  cacheKey: 10c0

"ansi-regex-cjs@npm:ansi-regex@^5.0.0":
  version: 5.0.1
  resolution: "ansi-regex@npm:5.0.1"

"@ws/lib@workspace:lib":
  version: 0.0.0-use.local
  resolution: "@ws/lib@workspace:lib"

"vuejs@https://github.com/vuejs/vue.git":
  version: 2.5.0
  resolution: "vuejs@https://github.com/vuejs/vue.git#commit=0948d999f2fddf9f90991956493f976273c5da1f"

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
)",
                              "yarn.lock");
  EXPECT_TRUE(list.errors.empty());
  EXPECT_EQ(ids(list), (std::vector<std::string>{"ansi-regex@5.0.1", "@ws/lib@0.0.0-use.local",
                                                 "vuejs@2.5.0"}));
  EXPECT_EQ(list.packages[0].line, 5);
  EXPECT_EQ(find(list, "vuejs")->commit, "0948d999f2fddf9f90991956493f976273c5da1f");
}

TEST(YarnLock, BerryMalformedYamlNamesFileAndLine) {
  auto list =
      parse_yarn_lock("__metadata:\n  version: 8\n\"a@npm:1\":\n  version: [1,\n", "yarn.lock");
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_EQ(list.errors[0].file(), "yarn.lock");
  EXPECT_GT(list.errors[0].line(), 3);
}

}  // namespace
}  // namespace sw::vuln
