// SPDX-License-Identifier: Apache-2.0
// Tests of the npm package-lock.json parser (v1 tree, v2/v3 packages map).
#include <gtest/gtest.h>

#include "vuln/inventory/lang_lockfiles.h"
#include "vuln/inventory/lock_test_util.h"
#include "vuln/inventory/lockfiles.h"

namespace sw::vuln {
namespace {

using testing::find;
using testing::ids;

TEST(PackageLock, V2PackagesMapNamesScopesAliasesLinksAndGroups) {
  auto list = parse_package_lock(R"({
  "lockfileVersion": 3,
  "packages": {
    "": {"name": "app", "version": "1.0.0"},
    "node_modules/@babel/code-frame": {"version": "7.0.0"},
    "node_modules/wrap/node_modules/ansi": {"version": "2.0.0", "dev": true},
    "node_modules/string-width-cjs": {"name": "string-width", "version": "4.2.0"},
    "node_modules/ws-pkg": {"resolved": "packages/ws-pkg", "link": true},
    "node_modules/opt": {"version": "1.1.0", "optional": true},
    "node_modules/gitdep": {"version": "0.1.0",
      "resolved": "git+ssh://git@github.com/a/b.git#0123456789abcdef0123456789abcdef01234567"}
  }
})",
                                 "package-lock.json");
  EXPECT_TRUE(list.errors.empty());
  EXPECT_EQ(ids(list),
            (std::vector<std::string>{"@babel/code-frame@7.0.0", "ansi@2.0.0", "string-width@4.2.0",
                                      "opt@1.1.0", "gitdep@0.1.0"}));
  EXPECT_EQ(find(list, "@babel/code-frame")->line, 5);
  EXPECT_EQ(find(list, "ansi")->groups, std::vector<std::string>{"dev"});
  EXPECT_EQ(find(list, "opt")->groups, std::vector<std::string>{"optional"});
  EXPECT_EQ(find(list, "gitdep")->commit, "0123456789abcdef0123456789abcdef01234567");
  EXPECT_EQ(find(list, "ansi")->ecosystem, "npm");
}

TEST(PackageLock, V1NestedDependenciesAliasesFilesAndCommits) {
  auto list = parse_package_lock(R"({
  "lockfileVersion": 1,
  "dependencies": {
    "a": {
      "version": "1.0.0",
      "dependencies": {
        "b": {"version": "2.0.0", "dev": true}
      }
    },
    "b": {"version": "3.0.0"},
    "cjs": {"version": "npm:@s/real@5.1.2"},
    "local": {"version": "file:deps/local"},
    "g": {"version": "git+https://github.com/x/g.git#abcdef0123456789abcdef0123456789abcdef01"}
  }
})",
                                 "package-lock.json");
  EXPECT_TRUE(list.errors.empty());
  EXPECT_EQ(ids(list), (std::vector<std::string>{"b@2.0.0", "a@1.0.0", "b@3.0.0", "@s/real@5.1.2",
                                                 "local@", "g@"}));
  EXPECT_EQ(list.packages[0].line, 7);  // the nested "b", not the top-level one
  EXPECT_EQ(list.packages[2].line, 10);
  EXPECT_EQ(find(list, "g")->commit, "abcdef0123456789abcdef0123456789abcdef01");
}

TEST(PackageLock, SameVersionTwiceIsOnePackageAndProductionWins) {
  auto list = parse_package_lock(R"({"lockfileVersion": 2, "packages": {
    "node_modules/x": {"version": "1.0.0", "dev": true},
    "node_modules/y/node_modules/x": {"version": "1.0.0"}}})",
                                 "p.json");
  ASSERT_EQ(list.packages.size(), 1u);
  EXPECT_TRUE(list.packages[0].groups.empty());
}

TEST(PackageLock, MalformedJsonNamesFileAndLine) {
  auto list = parse_package_lock("{\n  \"packages\": {\n    \"node_modules/a\": {,\n}",
                                 "x/package-lock.json");
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_EQ(list.errors[0].file(), "x/package-lock.json");
  EXPECT_EQ(list.errors[0].line(), 3);
  EXPECT_TRUE(list.packages.empty());
}

TEST(PackageLock, BadEntryIsReportedOthersKept) {
  auto list = parse_package_lock(R"({"packages": {
  "node_modules/bad": 7,
  "node_modules/good": {"version": "1.2.3"}}})",
                                 "package-lock.json");
  EXPECT_EQ(ids(list), std::vector<std::string>{"good@1.2.3"});
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_EQ(list.errors[0].line(), 2);
}

TEST(PackageLock, RegisteredByFileName) {
  EXPECT_EQ(lockfile_format_for("a/b/package-lock.json")->ecosystem, "npm");
  EXPECT_NE(lockfile_format_for("npm-shrinkwrap.json"), nullptr);
  EXPECT_EQ(lockfile_format_for("a/package.json"), nullptr);
}

}  // namespace
}  // namespace sw::vuln
