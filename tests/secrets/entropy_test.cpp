// SPDX-License-Identifier: Apache-2.0
#include "secrets/entropy.h"

#include <cmath>

#include <gtest/gtest.h>

namespace sw::secrets {
namespace {

TEST(Entropy, TextbookValuesForAscii) {
  EXPECT_DOUBLE_EQ(shannon_entropy(""), 0.0);
  EXPECT_DOUBLE_EQ(shannon_entropy("aaaa"), 0.0);
  EXPECT_DOUBLE_EQ(shannon_entropy("ab"), 1.0);
  EXPECT_DOUBLE_EQ(shannon_entropy("abcd"), 2.0);
  EXPECT_DOUBLE_EQ(shannon_entropy("0123456789abcdef"), 4.0);
  // 3 a's and 1 b: -(0.75 log2 0.75 + 0.25 log2 0.25)
  EXPECT_NEAR(shannon_entropy("aaab"), 0.8112781244591328, 1e-12);
}

TEST(Entropy, CountsCodePointsButDividesByBytesAsGitleaksDoes) {
  // "é" is two bytes, one code point: one rune with count 1, length 2 -> -(0.5 log2 0.5) = 0.5.
  EXPECT_DOUBLE_EQ(shannon_entropy("\xc3\xa9"), 0.5);
  // "éé": one rune counted twice over 4 bytes -> freq 0.5 -> 0.5.
  EXPECT_DOUBLE_EQ(shannon_entropy("\xc3\xa9\xc3\xa9"), 0.5);
  // Invalid bytes each count as U+FFFD: two of them, 2 bytes -> freq 1 -> 0.
  EXPECT_DOUBLE_EQ(shannon_entropy("\xff\xfe"), 0.0);
  // A truncated sequence is one U+FFFD per byte, then the ASCII letter.
  EXPECT_DOUBLE_EQ(shannon_entropy("\xe2\x82"
                                   "a"),
                   -(2.0 / 3 * std::log2(2.0 / 3) + 1.0 / 3 * std::log2(1.0 / 3)));
  // Surrogates encoded in UTF-8 are invalid in Go: three U+FFFD.
  EXPECT_DOUBLE_EQ(shannon_entropy("\xed\xa0\x80"), 0.0);
}

}  // namespace
}  // namespace sw::secrets
