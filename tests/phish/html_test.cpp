// SPDX-License-Identifier: Apache-2.0
#include "phish/html.h"

#include <string>

#include <gtest/gtest.h>

namespace sw::phish {
namespace {

TEST(HtmlParse, AnchorTextCollapsedAndEntitiesDecoded) {
  auto d = parse_html(
      "<html><body><p>Dear  customer,</p>"
      "<a href=\" https://evil.example/x?a=1&amp;b=2 \" title=\"Sign &amp; go\">"
      "  Sign\n in&nbsp;to  <b>PayPal</b>&#46;com </a></body></html>");
  ASSERT_EQ(d.links.size(), 1u);
  EXPECT_EQ(d.links[0].kind, LinkKind::kAnchor);
  EXPECT_EQ(d.links[0].url, "https://evil.example/x?a=1&b=2");
  EXPECT_EQ(d.links[0].text, "Sign in to PayPal.com");
  EXPECT_EQ(d.links[0].title, "Sign & go");
  EXPECT_FALSE(d.links[0].hidden);
  EXPECT_EQ(d.visible_text, "Dear customer,\nSign in to PayPal.com");
}

TEST(HtmlParse, VisibleTextSkipsScriptStyleHeadAndHidden) {
  auto d = parse_html(
      "<html><head><title>Your  account</title><style>p{color:red}</style></head>"
      "<body><script>var x = 'secret';</script><div>Hello</div>"
      "<div style=\"display: NONE\">buy cheap stuff now</div>"
      "<span style=\"font-size:0px\">zero</span><span style=\"font-size:0.5px\">tiny</span>"
      "<p hidden>attr</p><p>World</p></body></html>");
  EXPECT_EQ(d.title, "Your account");
  EXPECT_EQ(d.visible_text, "Hello\ntiny\nWorld");
  EXPECT_EQ(d.hidden_text, "buy cheap stuff now zero attr");
  EXPECT_EQ(d.hidden_text_chars, 19u + 4u + 4u);
  EXPECT_EQ(d.scripts, 1);
}

TEST(HtmlParse, ZeroWidthCharactersDroppedAndCounted) {
  auto d = parse_html("<p>Pay&#8203;Pal Acc\xE2\x80\x8Count\xC2\xAD</p>");
  EXPECT_EQ(d.visible_text, "PayPal Account");
  EXPECT_EQ(d.zero_width_chars, 3u);
}

TEST(HtmlParse, FormWithPasswordAndEmail) {
  auto d = parse_html(
      "<form action=\"http://collect.example/p.php\" method=POST>"
      "<input type=hidden name=t value=1><input name=\"user_email\">"
      "<input type=\"Password\" name=pw><input type=submit></form>"
      "<form><input type=text name=q></form>");
  ASSERT_EQ(d.links.size(), 2u);
  const Link& f = d.links[0];
  EXPECT_EQ(f.kind, LinkKind::kForm);
  EXPECT_EQ(f.url, "http://collect.example/p.php");
  EXPECT_EQ(f.method, "post");
  EXPECT_TRUE(f.has_password);
  EXPECT_TRUE(f.has_email);
  EXPECT_EQ(f.inputs, 2);
  const Link& g = d.links[1];
  EXPECT_EQ(g.url, "");
  EXPECT_EQ(g.method, "get");
  EXPECT_FALSE(g.has_password);
  EXPECT_FALSE(g.has_email);
  EXPECT_EQ(g.inputs, 1);
  EXPECT_EQ(d.forms, 2);
  EXPECT_EQ(d.password_inputs, 1);
}

TEST(HtmlParse, FramesRefreshImagesAreaAndHandlers) {
  auto d = parse_html(
      "<html><head><meta http-equiv=\"Refresh\" content=\"0; URL='https://next.example/go'\">"
      "</head><body onload=\"go()\"><iframe src=\"https://frame.example/\"></iframe>"
      "<img src=\"https://img.example/logo.png\" alt=\"Logo\" onerror=\"x()\">"
      "<img src=\"cid:part1\"><map><area href=\"https://map.example/\" alt=\"Bank\"></map>"
      "<a href=\"https://a.example/\"><img src=\"data:image/png;base64,AA\" alt=\"paypal.com\"></a>"
      "</body></html>");
  ASSERT_EQ(d.links.size(), 5u);
  EXPECT_EQ(d.links[0].kind, LinkKind::kRefresh);
  EXPECT_EQ(d.links[0].url, "https://next.example/go");
  EXPECT_EQ(d.links[1].kind, LinkKind::kIframe);
  EXPECT_EQ(d.links[1].url, "https://frame.example/");
  EXPECT_EQ(d.links[2].kind, LinkKind::kImage);
  EXPECT_EQ(d.links[2].text, "Logo");
  EXPECT_EQ(d.links[3].kind, LinkKind::kArea);
  EXPECT_EQ(d.links[3].text, "Bank");
  EXPECT_EQ(d.links[4].kind, LinkKind::kAnchor);
  EXPECT_EQ(d.links[4].text, "");
  EXPECT_EQ(d.links[4].image_alt, "paypal.com");
  EXPECT_EQ(d.event_handlers, 2);
  EXPECT_EQ(d.iframes, 1);
  EXPECT_EQ(d.images, 3);
}

TEST(HtmlParse, BaseHrefResolvesRelativeLinks) {
  auto d = parse_html(
      "<a href=\"login/index.php?x=1\">a</a><base href=\"http://evil.example/kit/\">"
      "<a href=\"https://abs.example/\">b</a><a href=\"/root\">c</a><a "
      "href=\"mailto:a@b.c\">d</a>");
  ASSERT_EQ(d.links.size(), 4u);
  EXPECT_EQ(d.base, "http://evil.example/kit/");
  EXPECT_EQ(d.links[0].url, "http://evil.example/kit/login/index.php?x=1");
  EXPECT_EQ(d.links[1].url, "https://abs.example/");
  EXPECT_EQ(d.links[2].url, "http://evil.example/root");
  EXPECT_EQ(d.links[3].url, "mailto:a@b.c");
}

TEST(HtmlParse, HiddenLinkMarked) {
  auto d =
      parse_html("<div style=\"visibility:hidden\"><a href=\"https://h.example/\">x</a></div>");
  ASSERT_EQ(d.links.size(), 1u);
  EXPECT_TRUE(d.links[0].hidden);
  EXPECT_EQ(d.links[0].text, "");
  EXPECT_EQ(d.visible_text, "");
}

TEST(HtmlParse, BrokenMarkupStillYieldsLinks) {
  auto d = parse_html("<table><a href=https://x.example/a>one<tr><td><a href='//y.example'>two");
  ASSERT_EQ(d.links.size(), 2u);
  EXPECT_EQ(d.links[0].url, "https://x.example/a");
  EXPECT_EQ(d.links[0].text, "one");
  EXPECT_EQ(d.links[1].url, "//y.example");
  EXPECT_EQ(d.links[1].text, "two");
}

TEST(HtmlParse, DeepNestingIsCutBeforeParsing) {
  std::string html;
  for (int i = 0; i < 300'000; ++i) html += "<b><i>";  // quadratic for an HTML5 tree builder
  html += "<a href=\"https://deep.example/\">deep</a>";
  auto d = parse_html(html);
  EXPECT_TRUE(d.truncated);
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0],
            "the HTML nests elements more than 4096 levels deep; the rest of it was not examined");
  EXPECT_TRUE(d.links.empty());
}

TEST(HtmlParse, NestingThatClosesIsFineAndWorkIsBounded) {
  std::string cycle;
  for (int i = 0; i < 1000; ++i) cycle += "<div>";
  cycle += "<a href=\"https://x.example/\">x</a><p>unclosed<p>paragraphs<li>and<li>items";
  for (int i = 0; i < 1000; ++i) cycle += "</div>";
  auto d = parse_html(cycle);
  EXPECT_TRUE(d.notes.empty());
  EXPECT_EQ(d.links.size(), 1u);

  HtmlLimits lim;
  lim.max_nesting_work = 1'200'000;  // about two cycles of 1000 levels
  std::string html;
  for (int i = 0; i < 5; ++i) html += cycle;
  d = parse_html(html, lim);
  EXPECT_EQ(d.links.size(), 2u);
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_NE(d.notes[0].find("would take too long"), std::string::npos);
}

TEST(HtmlParse, DeepTreeIsFreedWithoutRecursion) {
  // Under the depth estimate (unknown end tags close nothing, but spans are not scope-checked
  // by gumbo) yet deep: the tree is freed by the arena, not by gumbo's recursive destroy.
  HtmlLimits lim;
  lim.max_depth = 1'000'000;
  lim.max_nesting_work = UINT64_MAX;
  std::string html;
  for (int i = 0; i < 300'000; ++i) html += "<span>";
  auto d = parse_html(html, lim);
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_NE(d.notes[0].find("200000 elements"), std::string::npos);
}

TEST(HtmlParse, LimitsAreNoted) {
  std::string html;
  for (int i = 0; i < 50; ++i)
    html += "<a href=\"https://l.example/" + std::to_string(i) + "\">x</a>";
  HtmlLimits lim;
  lim.max_links = 10;
  lim.max_text_bytes = 20;
  auto d = parse_html(html, lim);
  EXPECT_EQ(d.links.size(), 10u);
  EXPECT_TRUE(d.truncated);
  EXPECT_EQ(d.notes.size(), 2u);  // links and text
  EXPECT_LE(d.visible_text.size(), 20u);

  HtmlLimits small;
  small.max_input_bytes = 16;
  auto e = parse_html("<p>0123456789abcdefghij</p>", small);
  EXPECT_EQ(e.visible_text, "0123456789abc");
  ASSERT_EQ(e.notes.size(), 1u);
  EXPECT_NE(e.notes[0].find("16 bytes"), std::string::npos);
}

TEST(HtmlParse, TextCapDoesNotSplitUtf8) {
  HtmlLimits lim;
  lim.max_text_bytes = 4;
  auto d = parse_html("<p>ab\xC3\xA9\xC3\xA9</p>", lim);  // "abéé"
  EXPECT_EQ(d.visible_text, "ab\xC3\xA9");
}

TEST(HtmlRefresh, ContentForms) {
  EXPECT_EQ(refresh_url("0; url=http://a.example/"), "http://a.example/");
  EXPECT_EQ(refresh_url("5;URL = \"http://b.example/x\" "), "http://b.example/x");
  EXPECT_EQ(refresh_url("3, http://c.example/"), "http://c.example/");
  EXPECT_EQ(refresh_url("10"), "");
  EXPECT_EQ(refresh_url(""), "");
}

TEST(HtmlResolve, Rfc3986) {
  EXPECT_EQ(resolve_url("http://a.example/b/c/d", "../g"), "http://a.example/b/g");
  EXPECT_EQ(resolve_url("http://a.example/b/", "//other.example/x"), "http://other.example/x");
  EXPECT_EQ(resolve_url("http://a.example/", "https://z.example/"), "https://z.example/");
  EXPECT_EQ(resolve_url("not a base", "x/y"), "x/y");
  EXPECT_EQ(resolve_url("", "x/y"), "x/y");
}

std::vector<std::string> urls_of(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& l : find_text_urls(text)) out.push_back(l.url);
  return out;
}

TEST(TextUrls, SchemesAndWww) {
  EXPECT_EQ(urls_of("Go to https://paypal.com.evil.example/login now"),
            (std::vector<std::string>{"https://paypal.com.evil.example/login"}));
  EXPECT_EQ(
      urls_of("HTTP://A.EXAMPLE/x and ftp://f.example/file and www.w.example."),
      (std::vector<std::string>{"HTTP://A.EXAMPLE/x", "ftp://f.example/file", "www.w.example"}));
  EXPECT_EQ(urls_of("mail me: joe@www.example.com, or www.example alone"),
            std::vector<std::string>{});
  EXPECT_EQ(urls_of("xhttp://nope.example https:// nothing"), std::vector<std::string>{});
}

TEST(TextUrls, TrailingPunctuationAndBrackets) {
  EXPECT_EQ(urls_of("(see https://a.example/p)."),
            (std::vector<std::string>{"https://a.example/p"}));
  EXPECT_EQ(urls_of("https://en.wikipedia.org/wiki/Foo_(bar), ok"),
            (std::vector<std::string>{"https://en.wikipedia.org/wiki/Foo_(bar)"}));
  EXPECT_EQ(urls_of("<https://b.example/q?x=1>"),
            (std::vector<std::string>{"https://b.example/q?x=1"}));
  EXPECT_EQ(urls_of("\"https://c.example/\" and 'https://d.example/'!"),
            (std::vector<std::string>{"https://c.example/", "https://d.example/"}));
  EXPECT_EQ(urls_of("\xE2\x80\x9Chttps://e.example/x\xE2\x80\x9D"),
            (std::vector<std::string>{"https://e.example/x"}));
  EXPECT_EQ(urls_of("https://f.example/a\xC2\xA0next"),
            (std::vector<std::string>{"https://f.example/a"}));
}

TEST(TextUrls, CapAndKind) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += "https://x.example/" + std::to_string(i) + " ";
  auto links = find_text_urls(text, 3);
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[2].url, "https://x.example/2");
  EXPECT_EQ(links[0].kind, LinkKind::kText);
}

}  // namespace
}  // namespace sw::phish
