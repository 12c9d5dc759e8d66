// SPDX-License-Identifier: Apache-2.0
// Tests of the installed-package readers (dist-info METADATA, node_modules package.json).
#include <gtest/gtest.h>

#include "vuln/inventory/lang_lockfiles.h"
#include "vuln/inventory/lock_test_util.h"

namespace sw::vuln {
namespace {

using testing::ids;

TEST(InstalledLang, PythonDistInfoMetadata) {
  auto list = parse_python_dist_metadata(
      "Metadata-Version: 2.1\nName: Jinja2\nVersion: 3.1.2\nSummary: x\n\nVersion: 9.9\n",
      "site-packages/Jinja2-3.1.2.dist-info/METADATA");
  EXPECT_TRUE(list.errors.empty());
  EXPECT_EQ(ids(list), std::vector<std::string>{"Jinja2@3.1.2"});
  EXPECT_EQ(list.packages[0].line, 3);
  auto bad = parse_python_dist_metadata("Metadata-Version: 2.1\nName: x\n", "a.dist-info/METADATA");
  EXPECT_TRUE(bad.packages.empty());
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].line(), 2);
  EXPECT_TRUE(is_python_dist_metadata("lib/python3.11/site-packages/a-1.0.dist-info/METADATA"));
  EXPECT_FALSE(is_python_dist_metadata("a-1.0.egg-info/METADATA"));
}

TEST(InstalledLang, NodeModulesPackageJson) {
  auto list = parse_node_modules_package_json(
      "{\n  \"name\": \"@s/x\",\n  \"version\": \"1.2.3\"\n}", "node_modules/@s/x/package.json");
  EXPECT_EQ(ids(list), std::vector<std::string>{"@s/x@1.2.3"});
  EXPECT_EQ(list.packages[0].line, 3);
  EXPECT_TRUE(is_node_modules_package_json("a/node_modules/x/package.json"));
  EXPECT_TRUE(is_node_modules_package_json("node_modules/@s/x/package.json"));
  EXPECT_FALSE(is_node_modules_package_json("node_modules/x/lib/package.json"));
  EXPECT_FALSE(is_node_modules_package_json("app/package.json"));
  auto bad = parse_node_modules_package_json("{\"name\": \"x\"", "node_modules/x/package.json");
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].line(), 1);
}

}  // namespace
}  // namespace sw::vuln
