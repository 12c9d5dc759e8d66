// SPDX-License-Identifier: Apache-2.0
// Known-bad feeds: OpenPhish-style lists and PhishTank CSV, matched through UrlAnalyzer.
#include "phish/feed.h"

#include <cstdio>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "phish/analyzer.h"

namespace sw::phish {
namespace {

std::string write_temp(const std::string& name, const std::string& text) {
  std::string path = ::testing::TempDir() + "/" + name;
  std::ofstream(path) << text;
  return path;
}

TEST(UrlFeed, PlainList) {
  auto f = load_url_feed(
      write_temp("openphish.txt", "# comment\nhttp://Evil.Example/login.php\n\nbad-host.test\n"));
  ASSERT_TRUE(f) << f.error().to_string();
  EXPECT_EQ(f->urls.size(), 1u);
  EXPECT_EQ(f->hosts.size(), 1u);
  UrlOptions o;
  o.blocklist = std::move(*f);
  UrlAnalyzer a(o);
  EXPECT_EQ(a.analyze("https://evil.example/login.php").verdict, "phishing");
  EXPECT_EQ(a.analyze("https://bad-host.test/anything").verdict, "phishing");
  EXPECT_EQ(a.analyze("https://evil.example/other").verdict, "legitimate");
}

TEST(UrlFeed, PhishTankCsv) {
  auto f = load_url_feed(
      write_temp("phishtank.csv",
                 "phish_id,url,phish_detail_url,submission_time\n"
                 "1,\"http://a.example/x?y=1,2\",http://www.phishtank.com/x,2020-01-01\n"
                 "2,http://b.example/,http://www.phishtank.com/y,2020-01-01\n"));
  ASSERT_TRUE(f);
  EXPECT_EQ(f->urls.size(), 2u);
  auto u = parse_url("http://a.example/x?y=1,2");
  ASSERT_TRUE(u);
  EXPECT_TRUE(f->contains(*u));
}

TEST(UrlFeed, BadLinesAreNamedNotLost) {
  std::string text = "http://good.example/a\nhttp://[broken\n";
  for (int i = 0; i < 30; ++i) text += "http://exa mple.com:99999/\n";
  auto f = load_url_feed(write_temp("bad.txt", text));
  ASSERT_TRUE(f);
  EXPECT_EQ(f->urls.size(), 1u);
  EXPECT_EQ(f->skipped, 31u);
  ASSERT_EQ(f->problems.size(), 20u);
  EXPECT_EQ(f->problems[0].line(), 2);
  EXPECT_NE(f->problems[0].to_string().find("bad.txt:2"), std::string::npos)
      << f->problems[0].to_string();
  EXPECT_NE(f->problems[0].to_string().find("[broken"), std::string::npos);
}

TEST(UrlFeed, MissingFile) {
  auto f = load_url_feed(::testing::TempDir() + "/no-such-feed.txt");
  ASSERT_FALSE(f);
  EXPECT_EQ(f.error().code(), Errc::kNotFound);
}

TEST(Csv, Split) {
  auto f = split_csv_line(R"(a,"b,c","d""e",)");
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[1], "b,c");
  EXPECT_EQ(f[2], "d\"e");
  EXPECT_EQ(f[3], "");
}

}  // namespace
}  // namespace sw::phish
