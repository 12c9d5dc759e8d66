// SPDX-License-Identifier: Apache-2.0
// Base64 decoding (core/base64.h): both alphabets, whitespace, padding, bad input.
#include "core/base64.h"

#include <gtest/gtest.h>

namespace sw {
namespace {

TEST(Base64, StandardAndUrlAlphabets) {
  EXPECT_EQ(base64_decode_std("aGVsbG8="), "hello");
  EXPECT_EQ(base64_decode_std("aGVs\nbG8"), "hello");
  EXPECT_EQ(base64_decode_url("aGVsbG8"), "hello");
  EXPECT_EQ(base64_decode_url("-_-_"), std::string("\xfb\xff\xbf", 3));
  EXPECT_FALSE(base64_decode_url("+/"));
  EXPECT_FALSE(base64_decode_std("a"));
  EXPECT_FALSE(base64_decode_std("aGVs!bG8"));
  EXPECT_FALSE(base64_decode_std("aG=Vs"));
}

}  // namespace
}  // namespace sw
