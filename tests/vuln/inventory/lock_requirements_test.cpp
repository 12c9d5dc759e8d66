// SPDX-License-Identifier: Apache-2.0
// Tests of the pip requirements parser.
#include <map>

#include <gtest/gtest.h>

#include "vuln/inventory/lang_lockfiles.h"
#include "vuln/inventory/lock_test_util.h"

namespace sw::vuln {
namespace {

using testing::find;
using testing::ids;

RequirementsReader no_files() {
  return [](const std::string&) { return std::optional<std::string>{}; };
}

TEST(Requirements, PinsExtrasMarkersCommentsHashesAndContinuations) {
  auto list = parse_requirements(R"(# comment
Django == 2.3.4  # pinned
pyjwt[crypto]==2.1.0
SomeProject ==5.4 ; python_version < '3.8'
yolo===1.0
FooProject == 1.2 --hash=sha256:2cf24d \
    --hash=sha256:486ea4
qwerty \
  == 0.1
keyring >= 4.1.1
bare
wild==2.0.*
range>=1,<2
urllib3 @ https://example.com/urllib3.zip
./downloads/numpy.whl
-e git+https://github.com/a/b#egg=b
-c constraints.txt
env==${VERSION}
)",
                                 "requirements.txt", no_files());
  EXPECT_TRUE(list.errors.empty()) << list.errors[0].to_string();
  EXPECT_EQ(ids(list), (std::vector<std::string>{"Django@2.3.4", "pyjwt@2.1.0", "SomeProject@5.4",
                                                 "yolo@1.0", "FooProject@1.2", "qwerty@0.1",
                                                 "keyring@", "bare@", "wild@", "range@"}));
  EXPECT_EQ(find(list, "FooProject")->line, 6);
  EXPECT_EQ(find(list, "qwerty")->line, 8);
  EXPECT_EQ(find(list, "Django")->ecosystem, "PyPI");
}

TEST(Requirements, IncludesAreRelativeToTheFileAndCyclesStop) {
  std::map<std::string, std::string> files = {
      {"app/base/common.txt", "six==1.16.0\n-r ../requirements.txt\n"},
  };
  RequirementsReader read = [&](const std::string& p) -> std::optional<std::string> {
    auto it = files.find(p);
    if (it == files.end()) return std::nullopt;
    return it->second;
  };
  auto list = parse_requirements("-r base/common.txt\nflask==2.0.0\n-r missing.txt\n",
                                 "app/requirements.txt", read);
  EXPECT_EQ(ids(list), (std::vector<std::string>{"six@1.16.0", "flask@2.0.0"}));
  EXPECT_EQ(find(list, "six")->path, "app/base/common.txt");
  EXPECT_EQ(find(list, "six")->line, 1);
  ASSERT_EQ(list.errors.size(), 1u);
  EXPECT_EQ(list.errors[0].file(), "app/requirements.txt");
  EXPECT_EQ(list.errors[0].line(), 3);
}

TEST(Requirements, MalformedLinesReportedOthersKept) {
  auto list = parse_requirements("asdf==\n==1.0\nasdf 1.0\nok==1.0\n", "r.txt", no_files());
  EXPECT_EQ(ids(list), std::vector<std::string>{"ok@1.0"});
  ASSERT_EQ(list.errors.size(), 3u);
  EXPECT_EQ(list.errors[0].line(), 1);
  EXPECT_EQ(list.errors[1].line(), 2);
  EXPECT_EQ(list.errors[2].line(), 3);
  EXPECT_EQ(list.errors[2].file(), "r.txt");
}

TEST(Requirements, Utf16WithBomIsDecoded) {
  std::string text("\xFF\xFE", 2);
  for (char c : std::string("attrs==20.3.0\r\n")) {
    text.push_back(c);
    text.push_back('\0');
  }
  auto list = parse_requirements(text, "requirements.txt", no_files());
  EXPECT_EQ(ids(list), std::vector<std::string>{"attrs@20.3.0"});
}

TEST(Requirements, FileNames) {
  EXPECT_TRUE(is_requirements_txt("x/requirements.txt"));
  EXPECT_TRUE(is_requirements_txt("requirements-dev.txt"));
  EXPECT_FALSE(is_requirements_txt("requirements.in"));
  EXPECT_FALSE(is_requirements_txt("dev-requirements.txt"));
}

}  // namespace
}  // namespace sw::vuln
