// SPDX-License-Identifier: Apache-2.0
// Tests of the pnpm-lock.yaml parser (lockfileVersion 5, 6, 9).
#include <gtest/gtest.h>

#include "vuln/inventory/lang_lockfiles.h"
#include "vuln/inventory/lock_test_util.h"

namespace sw::vuln {
namespace {

using testing::find;
using testing::ids;

TEST(PnpmLock, V5PathsPeersHostsAndExotics) {
  auto list = parse_pnpm_lock(R"(lockfileVersion: 5.4
packages:
  /foo/1.0.0:
    resolution: {integrity: sha512-x}
    dev: true
  /@foo/bar/1.0.0_react@18.0.0:
    resolution: {integrity: sha512-x}
  registry.npm.invalid/baz/1.1.0:
    resolution: {integrity: sha512-x}
  github.com/kevva/is-positive:
    resolution: {tarball: https://codeload.github.com/kevva/is-positive/tar.gz/97edff6f}
  github.com/a/mocks/590f321b:
    resolution: {tarball: https://codeload.github.com/a/mocks/tar.gz/590f321b4eb3f692bb211bd74e22947639a6f79d}
    name: mocks
    version: 20.0.1
  file:../local:
    resolution: {directory: ../local, type: directory}
    name: local-pkg
    version: 1.0.0
)",
                              "pnpm-lock.yaml");
  EXPECT_TRUE(list.errors.empty());
  EXPECT_EQ(ids(list), (std::vector<std::string>{"foo@1.0.0", "@foo/bar@1.0.0", "baz@1.1.0",
                                                 "mocks@20.0.1", "local-pkg@1.0.0"}));
  EXPECT_EQ(find(list, "foo")->groups, std::vector<std::string>{"dev"});
  EXPECT_EQ(find(list, "foo")->line, 3);
  EXPECT_EQ(find(list, "mocks")->commit, "590f321b4eb3f692bb211bd74e22947639a6f79d");
}

TEST(PnpmLock, V6AndV9Keys) {
  auto v6 = parse_pnpm_lock(R"(lockfileVersion: '6.0'
packages:
  /@typescript-eslint/parser@5.62.0(eslint@8.57.0)(@types/node@20.1.0):
    resolution: {integrity: sha512-x}
  /react@18.3.0-canary-ab31a9ed2-20230824:
    resolution: {integrity: sha512-x}
)",
                            "pnpm-lock.yaml");
  EXPECT_EQ(ids(v6), (std::vector<std::string>{"@typescript-eslint/parser@5.62.0",
                                               "react@18.3.0-canary-ab31a9ed2-20230824"}));
  auto v9 = parse_pnpm_lock(R"(lockfileVersion: '9.0'
packages:
  '@scope/a@1.2.3':
    resolution: {integrity: sha512-x}
  b@4.5.6:
    resolution: {integrity: sha512-x}
  local@file:local:
    resolution: {directory: local, type: directory}
snapshots:
  b@4.5.6(peer@1.0.0): {}
)",
                            "pnpm-lock.yaml");
  EXPECT_EQ(ids(v9), (std::vector<std::string>{"@scope/a@1.2.3", "b@4.5.6"}));
  EXPECT_EQ(v9.packages[1].line, 5);
}

TEST(PnpmLock, MalformedYamlAndBadEntries) {
  auto bad =
      parse_pnpm_lock("lockfileVersion: 5.4\npackages:\n  /a/1.0.0: {\n", "x/pnpm-lock.yaml");
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].file(), "x/pnpm-lock.yaml");
  EXPECT_GE(bad.errors[0].line(), 3);
  auto mixed = parse_pnpm_lock("lockfileVersion: 5.4\npackages:\n  /a/1.0.0: [1]\n  /b/2.0.0: {}\n",
                               "pnpm-lock.yaml");
  EXPECT_EQ(ids(mixed), std::vector<std::string>{"b@2.0.0"});
  ASSERT_EQ(mixed.errors.size(), 1u);
  EXPECT_EQ(mixed.errors[0].line(), 3);
}

}  // namespace
}  // namespace sw::vuln
