// SPDX-License-Identifier: Apache-2.0
#include "password/secret_string.h"

#include <string>
#include <utility>

#include <gtest/gtest.h>

namespace sw::password {
namespace {

TEST(SecretString, HoldsAndAppends) {
  SecretString s("correct");
  s.append(" horse");
  s.push_back('!');
  EXPECT_EQ(s.view(), "correct horse!");
  EXPECT_EQ(s.size(), 14u);
}

TEST(SecretString, GrowthKeepsContent) {
  SecretString s;
  std::string expected;
  for (int i = 0; i < 1000; ++i) {
    s.push_back(static_cast<char>('a' + i % 26));
    expected.push_back(static_cast<char>('a' + i % 26));
  }
  EXPECT_EQ(s.view(), expected);
}

TEST(SecretString, MoveLeavesSourceEmpty) {
  SecretString a("hunter2");
  SecretString b(std::move(a));
  EXPECT_EQ(b.view(), "hunter2");
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): the moved-from state is specified
  SecretString c;
  c = std::move(b);
  EXPECT_EQ(c.view(), "hunter2");
  EXPECT_TRUE(b.empty());  // NOLINT(bugprone-use-after-move)
}

TEST(SecretString, ChompRemovesLineEnds) {
  SecretString s("pass\r\n");
  s.chomp();
  EXPECT_EQ(s.view(), "pass");
  s.chomp();
  EXPECT_EQ(s.view(), "pass");
}

TEST(Wipe, ZeroesTheWholeCapacity) {
  std::string s(64, 'x');
  s.resize(3);  // bytes 3..63 still hold 'x' in the buffer
  const char* p = s.data();
  wipe(s);
  EXPECT_TRUE(s.empty());
  EXPECT_EQ(s.data(), p);  // same buffer, not reallocated
  for (std::size_t i = 0; i < 64; ++i) EXPECT_EQ(p[i], '\0') << i;
}

}  // namespace
}  // namespace sw::password
