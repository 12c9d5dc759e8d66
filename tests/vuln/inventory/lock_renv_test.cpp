// SPDX-License-Identifier: Apache-2.0
// renv.lock parser tests.
#include <gtest/gtest.h>

#include "lock_test_util.h"
#include "vuln/inventory/lock_formats_more.h"

namespace sw::vuln {
namespace {

using sw::vuln::testing::ids;

TEST(LockRenv, OnlyCranPackagesInFileOrder) {
  const char* text = R"({
  "R": {"Version": "4.3.1"},
  "Packages": {
    "mime": {
      "Package": "mime",
      "Version": "0.7",
      "Source": "Repository",
      "Repository": "CRAN"
    },
    "BSgenome": {
      "Package": "BSgenome",
      "Version": "1.60.0",
      "Source": "Bioconductor"
    },
    "markdown": {
      "Package": "markdown",
      "Version": "1.0",
      "Repository": "CRAN"
    },
    "bad": {"Package": "bad"}
  }
})";
  auto list = parse_renv_lock(text, "renv.lock");
  EXPECT_EQ(ids(list), (std::vector<std::string>{"mime@0.7", "markdown@1.0"}));
  ASSERT_EQ(list.packages.size(), 2u);
  EXPECT_EQ(list.packages[0].ecosystem, "CRAN");
  EXPECT_EQ(list.packages[0].line, 4);
  EXPECT_EQ(list.packages[1].line, 15);
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_EQ(list.errors[0].line(), 20);
}

TEST(LockRenv, MalformedJson) {
  auto list = parse_renv_lock("{\n\"Packages\": {\n  \"a\": }\n", "renv.lock");
  EXPECT_TRUE(list.packages.empty());
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_EQ(list.errors[0].line(), 3);
  EXPECT_EQ(list.errors[0].file(), "renv.lock");
}

}  // namespace
}  // namespace sw::vuln
