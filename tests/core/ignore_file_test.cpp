// SPDX-License-Identifier: Apache-2.0
#include "core/ignore_file.h"

#include <gtest/gtest.h>

namespace sw {
namespace {

std::string by_id(const IgnoreEntry& e, std::string& problem) {
  if (e.key("id").empty()) problem = "needs an id";
  return std::string(e.key("id"));
}

TEST(IgnoreFile, ReasonOwnerAndDateAreRequiredAndChecked) {
  auto f = parse_ignore_toml(
      "[[ignore]]\nid = \"a\"\nreason = \"r\"\nowner = \"o\"\nexpires = 2030-01-02\n"
      "[[ignore]]\nid = \"b\"\nowner = \"o\"\n"
      "[[ignore]]\nid = \"c\"\nreason = \"r\"\n"
      "[[ignore]]\nid = \"d\"\nreason = \"r\"\nowner = \"o\"\nexpires = \"2030-1-2\"\n"
      "[[ignore]]\nid = \"e\"\nreason = \"r\"\nowner = \"o\"\nexpires = 2030-01-02T10:00:00\n"
      "[[ignore]]\nreason = \"r\"\nowner = \"o\"\n"
      "[[ignore]]\nid = \"g\"\nreason = \"r\"\nowner = \"o\"\nexpires = \"2031-05-06\"\n",
      "x.toml", by_id);
  ASSERT_EQ(f.entries.size(), 2u);
  EXPECT_EQ(f.entries[0].key("id"), "a");
  EXPECT_EQ(f.entries[0].acceptance.expires, "2030-01-02");
  EXPECT_EQ(f.entries[0].acceptance.line, 1);
  EXPECT_EQ(f.entries[1].acceptance.expires, "2031-05-06");
  ASSERT_EQ(f.errors.size(), 5u);
  EXPECT_EQ(f.errors[0].line(), 6);
  EXPECT_EQ(f.errors[0].message(), "ignore entry for b has no reason");
  EXPECT_EQ(f.errors[1].message(), "ignore entry for c has no owner");
  EXPECT_NE(f.errors[2].message().find("expires must be a date"), std::string::npos);
  // A date-time is not silently read as "never expires".
  EXPECT_NE(f.errors[3].message().find("expires must be a date"), std::string::npos);
  EXPECT_EQ(f.errors[4].message(), "needs an id");
  EXPECT_EQ(f.errors[4].file(), "x.toml");
}

TEST(IgnoreFile, SyntaxErrorAndWrongShapeNameTheLine) {
  auto bad = parse_ignore_toml("\n[[ignore]]\nid = \n", "x.toml", by_id);
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].line(), 3);
  auto shape = parse_ignore_toml("ignore = 3\n", "x.toml", by_id);
  ASSERT_EQ(shape.errors.size(), 1u);
  EXPECT_EQ(shape.errors[0].line(), 1);
  auto none = parse_ignore_toml("# nothing\n", "x.toml", by_id);
  EXPECT_TRUE(none.errors.empty());
  EXPECT_TRUE(none.entries.empty());
}

TEST(IgnoreFile, AcceptanceExpiresAfterItsDateAndSaysSo) {
  Acceptance a{"test key", "alice", "2027-01-31", "ign.toml", 4};
  EXPECT_FALSE(a.expired("2027-01-31"));
  EXPECT_TRUE(a.expired("2027-02-01"));
  EXPECT_EQ(a.describe(), "test key (alice, until 2027-01-31) ign.toml:4");
  EXPECT_EQ(a.expired_note("X"),
            "ign.toml:4: the ignore entry for X expired on 2027-01-31: the finding is back");
  Acceptance forever{"r", "o", "", "f", 1};
  EXPECT_FALSE(forever.expired("9999-12-31"));
  EXPECT_EQ(forever.describe(), "r (o) f:1");
}

TEST(IgnoreFile, MissingFileIsOneError) {
  auto f = load_ignore_toml("/nonexistent/shieldwall-ignore.toml", by_id);
  ASSERT_EQ(f.errors.size(), 1u);
  EXPECT_EQ(f.errors[0].code(), Errc::kNotFound);
}

}  // namespace
}  // namespace sw
