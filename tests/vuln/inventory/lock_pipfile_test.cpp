// SPDX-License-Identifier: Apache-2.0
// Tests of the Pipfile.lock parser.
#include <gtest/gtest.h>

#include "vuln/inventory/lang_lockfiles.h"
#include "vuln/inventory/lock_test_util.h"

namespace sw::vuln {
namespace {

using testing::ids;

TEST(PipfileLock, DefaultAndDevelopSectionsWithLines) {
  auto list = parse_pipfile_lock(R"({
  "_meta": {"pipfile-spec": 6},
  "default": {
    "markupsafe": {"hashes": [], "version": "==2.1.1"},
    "pluggy": {"version": "==1.0.0"},
    "editable": {"editable": true, "git": "https://github.com/x/y", "ref": "abc"}
  },
  "develop": {
    "pluggy": {"version": "==1.0.1"},
    "markupsafe": {"version": "==2.1.1"}
  }
})",
                                 "Pipfile.lock");
  EXPECT_TRUE(list.errors.empty());
  EXPECT_EQ(ids(list),
            (std::vector<std::string>{"markupsafe@2.1.1", "pluggy@1.0.0", "pluggy@1.0.1"}));
  EXPECT_EQ(list.packages[0].line, 4);
  EXPECT_TRUE(list.packages[0].groups.empty());  // in both sections: production
  EXPECT_EQ(list.packages[2].line, 9);
  EXPECT_EQ(list.packages[2].groups, std::vector<std::string>{"dev"});
}

TEST(PipfileLock, MalformedJsonAndBadEntries) {
  auto bad =
      parse_pipfile_lock("{\n \"default\": {\n  \"a\": {\"version\": \"==1\"\n}", "Pipfile.lock");
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].file(), "Pipfile.lock");
  EXPECT_GE(bad.errors[0].line(), 3);
  auto mixed = parse_pipfile_lock(
      "{\"default\": {\n\"a\": 1,\n\"b\": {\"version\": \">=1\"},\n\"c\": {\"version\": \"==3\"}}}",
      "Pipfile.lock");
  EXPECT_EQ(ids(mixed), std::vector<std::string>{"c@3"});
  ASSERT_EQ(mixed.errors.size(), 2u);
  EXPECT_EQ(mixed.errors[0].line(), 2);
  EXPECT_EQ(mixed.errors[1].line(), 3);
}

}  // namespace
}  // namespace sw::vuln
