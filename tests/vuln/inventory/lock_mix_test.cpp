// SPDX-License-Identifier: Apache-2.0
// mix.lock parser tests.
#include <gtest/gtest.h>

#include "lock_test_util.h"
#include "vuln/inventory/lock_formats_more.h"

namespace sw::vuln {
namespace {

using sw::vuln::testing::ids;

TEST(LockMix, HexAndGitEntries) {
  const char* text =
      "%{\n"
      "  \"bunt\": {:hex, :bunt, \"0.2.0\", \"951c\", [:mix], [], \"hexpm\", \"7af5\"},\n"
      "  \"alias\": {:hex, :real_name, \"1.3.0\", \"fa6b\", [:mix], [{:decimal, \"~> 1.0\", "
      "[hex: :decimal, repo: \"hexpm\", optional: true]}], \"hexpm\", \"53fc\"},\n"
      "  \"esaml\": {:git, \"https://github.com/firezone/esaml.git\", \"4294a3ac\", []},\n"
      "  \"local\": {:path, \"../local\"},\n"
      "  garbage\n"
      "  \"nover\": {:hex, :nover, 3},\n"
      "}\n";
  auto list = parse_mix_lock(text, "mix.lock");
  EXPECT_EQ(ids(list), (std::vector<std::string>{"bunt@0.2.0", "real_name@1.3.0", "esaml@"}));
  ASSERT_EQ(list.packages.size(), 3u);
  EXPECT_EQ(list.packages[0].ecosystem, "Hex");
  EXPECT_EQ(list.packages[0].line, 2);
  EXPECT_EQ(list.packages[2].commit, "4294a3ac");
  ASSERT_EQ(list.errors.size(), 2u);
  EXPECT_EQ(list.errors[0].line(), 6);
  EXPECT_EQ(list.errors[1].line(), 7);
}

}  // namespace
}  // namespace sw::vuln
