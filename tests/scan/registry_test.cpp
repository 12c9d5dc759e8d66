// SPDX-License-Identifier: Apache-2.0
// Every check file registers exactly one well-formed check, with the metadata a report needs.
#include <filesystem>
#include <regex>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "scan/check.h"

namespace sw::scan {
namespace {

TEST(Registry, IdsAreWellFormedAndComplete) {
  const std::regex id_re("host\\.[a-z0-9_]+\\.[a-z0-9_]+");
  for (const auto& c : Registry::all()) {
    const CheckInfo& i = *c.info;
    SCOPED_TRACE(std::string(i.id));
    EXPECT_TRUE(std::regex_match(std::string(i.id), id_re));
    EXPECT_FALSE(i.title.empty());
    EXPECT_FALSE(i.family.empty());
    EXPECT_EQ(std::string(i.id).rfind("host." + std::string(i.family) + ".", 0), 0u)
        << "id must start with host.<family>.";
    EXPECT_GT(i.why.size(), 30u);
    EXPECT_GT(i.fix.size(), 20u);
    EXPECT_NE(c.run, nullptr);
  }
}

// A check lives in scan/checks/<family>_<rule>.cpp, one per file: the number of registered checks
// equals the number of check files, so a file that failed to register (or registered twice under
// one id) fails here.
TEST(Registry, OneCheckPerFile) {
  const std::string src = SW_SOURCE_DIR;
  std::set<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(src + "/src/scan/checks")) {
    if (e.path().extension() == ".cpp") files.insert(e.path().stem().string());
  }
  std::set<std::string> ids;
  for (const auto& c : Registry::all()) {
    std::string id(c.info->id);
    std::string stem = id.substr(5);  // drop "host."
    for (auto& ch : stem) {
      if (ch == '.') ch = '_';
    }
    ids.insert(stem);
    EXPECT_TRUE(files.count(stem)) << id << " is not in src/scan/checks/" << stem << ".cpp";
  }
  EXPECT_EQ(files.size(), ids.size());
}

// Every check has its own test file beside the others (tests/scan/checks/<file>_test.cpp), where a
// failing and a passing fixture live.
TEST(Registry, EveryCheckHasATestFile) {
  const std::string src = SW_SOURCE_DIR;
  for (const auto& e : std::filesystem::directory_iterator(src + "/src/scan/checks")) {
    if (e.path().extension() != ".cpp") continue;
    std::string test = src + "/tests/scan/checks/" + e.path().stem().string() + "_test.cpp";
    EXPECT_TRUE(std::filesystem::exists(test)) << "missing " << test;
  }
}

}  // namespace
}  // namespace sw::scan
