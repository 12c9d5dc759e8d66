// SPDX-License-Identifier: Apache-2.0
#include "phish/links.h"

#include <string>

#include <gtest/gtest.h>

namespace sw::phish {
namespace {

const UrlAnalyzer& analyzer() {
  static const UrlAnalyzer a{UrlOptions{}};
  return a;
}

Link anchor(std::string url, std::string text) {
  Link l;
  l.kind = LinkKind::kAnchor;
  l.url = std::move(url);
  l.text = std::move(text);
  return l;
}

const Reason* find(const std::vector<Reason>& rs, std::string_view id) {
  for (const auto& r : rs) {
    if (r.detector == id) return &r;
  }
  return nullptr;
}

bool mentions(const Reason& r, std::string_view s) { return r.text.find(s) != std::string::npos; }

TEST(LinkDomainsInText, UrlsAndBareDomains) {
  using V = std::vector<std::string>;
  EXPECT_EQ(domains_in_text("Sign in at PayPal.com today."), V{"paypal.com"});
  EXPECT_EQ(domains_in_text("https://www.paypal.com/signin"), V{"paypal.com"});
  EXPECT_EQ(domains_in_text("www.bank.co.uk/login or shop.example.org"),
            (V{"bank.co.uk", "example.org"}));
  EXPECT_EQ(domains_in_text("Open invoice.pdf or setup.zip, e.g. version 1.2.3"), V{});
  EXPECT_EQ(domains_in_text("write to joe@paypal.com"), V{});
  EXPECT_EQ(domains_in_text("Click here to verify your account"), V{});
  EXPECT_EQ(domains_in_text("files at downloads.zip/setup"), V{"downloads.zip"});
  EXPECT_EQ(domains_in_text("n\xC3\xA1zev.cz"), V{"xn--nzev-5na.cz"});
}

TEST(LinkTextMismatch, BrandShownLinkElsewhere) {
  auto rs = link_reasons({anchor("https://secure-login.xyz/p?id=SECRET123", "www.paypal.com")},
                         analyzer());
  const Reason* r = find(rs, "link_text_mismatch");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->points, 60);
  EXPECT_EQ(r->text,
            "a link shows paypal.com but really opens https://secure-login.xyz/p?..., which does "
            "not belong to paypal.com; the text is there to make you trust the link");
  EXPECT_EQ(r->text.find("SECRET123"), std::string::npos);
  ASSERT_EQ(r->follow_ups.size(), 2u);
  EXPECT_EQ(r->follow_ups[0].party, Party::kRecipient);
  EXPECT_EQ(r->follow_ups[1].party, Party::kOrganization);
  EXPECT_EQ(r->follow_ups[1].action,
            "Block secure-login.xyz at the web proxy and the mail gateway.");
}

TEST(LinkTextMismatch, OtherSiteShown) {
  auto rs = link_reasons({anchor("https://other-site.net/", "https://www.my-shop.org/deals")},
                         analyzer());
  const Reason* r = find(rs, "link_text_mismatch");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->points, 40);
  EXPECT_TRUE(mentions(*r, "shows my-shop.org but really opens https://other-site.net/"));
}

TEST(LinkTextMismatch, SameSiteOrSameBrandIsFine) {
  auto rs = link_reasons({anchor("https://www.paypal.com/us/signin", "paypal.com"),
                          anchor("https://www.amazon.co.uk/", "www.amazon.com"),
                          anchor("https://other.net/", "Click here")},
                         analyzer());
  EXPECT_EQ(find(rs, "link_text_mismatch"), nullptr);
}

TEST(LinkUnwrapping, GatewayLinksAreJudgedByTheirDestination) {
  const std::string safe = "https://eur01.safelinks.protection.outlook.com/?url=";
  // The recipient's gateway wrapped an honest link: the text and the destination agree.
  auto ok = link_reasons(
      {anchor(safe + "https%3A%2F%2Fwww.paypal.com%2Fsignin&data=x", "paypal.com")}, analyzer());
  EXPECT_EQ(find(ok, "link_text_mismatch"), nullptr);
  // A wrapped lookalike is found behind the wrapper, and the reason says so.
  auto bad = link_reasons({anchor(safe + "https%3A%2F%2Fpaypa1.com%2Flogin&data=x", "Log in")},
                          analyzer());
  const Reason* r = find(bad, "link_lookalike");
  ASSERT_NE(r, nullptr);
  EXPECT_TRUE(mentions(*r, "https://paypa1.com/login (behind Microsoft Defender Safe Links)"))
      << r->text;
  // A redirect the sender chose (Google's) is a reason of its own.
  auto redirect = link_reasons(
      {anchor("https://www.google.com/url?q=https://evil.example/x&sa=D", "Your invoice")},
      analyzer());
  EXPECT_NE(find(redirect, "link_open_redirect"), nullptr);
  // Mimecast keeps the destination: a shown brand is not contradicted, only unverifiable.
  auto opaque = link_reasons(
      {anchor("https://protect-eu.mimecast.com/s/AbCdEfGhIjK", "www.example-shop.org")},
      analyzer());
  const Reason* m = find(opaque, "link_text_mismatch");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->points, 5);
}

TEST(LinkTextMismatch, TrackersRedirectsAndSenderAreWeak) {
  auto rs = link_reasons(
      {anchor("https://shop.us1.list-manage.com/track/click?u=1", "www.my-shop.org")}, analyzer());
  const Reason* r = find(rs, "link_text_mismatch");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->points, 5);
  EXPECT_TRUE(r->follow_ups.empty());

  rs = link_reasons(
      {anchor("https://r.foo.net/go?url=https%3A%2F%2Fmy-shop.org%2F", "my-shop.org")}, analyzer());
  r = find(rs, "link_text_mismatch");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->points, 5);
  EXPECT_TRUE(mentions(*r, "a redirect that passes on to the address shown"));

  LinkOptions o;
  o.sender_domain = "shopmail.net";
  rs = link_reasons({anchor("https://links.shopmail.net/c/1", "my-shop.org")}, analyzer(), o);
  r = find(rs, "link_text_mismatch");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->points, 5);

  // The sender's own domain does not excuse a link that shows a brand it is not.
  o.sender_domain = "evil-mail.net";
  rs = link_reasons({anchor("https://evil-mail.net/login", "paypal.com")}, analyzer(), o);
  r = find(rs, "link_text_mismatch");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->points, 60);
}

TEST(LinkTextMismatch, HostBorrowingTheShownNameIsStrong) {
  // Even on the sender's own domain, and for names that are not protected brands.
  LinkOptions o;
  o.sender_domain = "laposteinfo.com.br";
  auto rs = link_reasons({anchor("https://click.laposteinfo.com.br/?x=1", "www.laposte.fr"),
                          anchor("http://laposte.example-evil.de/a", "laposte.fr")},
                         analyzer(), o);
  const Reason* r = find(rs, "link_text_mismatch");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->points, 60);
  EXPECT_EQ(r->text,
            "a link shows laposte.fr but really opens https://click.laposteinfo.com.br/?..., which "
            "only borrows the name 'laposte' to look like it; the text is there to make you trust "
            "the link (1 more link in this message does the same)");
}

TEST(LinkTextMismatch, ImageAltUsedWhenNoText) {
  Link l = anchor("https://evil.example.net/", "");
  l.image_alt = "PayPal.com";
  auto rs = link_reasons({l}, analyzer());
  const Reason* r = find(rs, "link_text_mismatch");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->points, 60);
}

Link form(std::string url, bool password, bool email) {
  Link l;
  l.kind = LinkKind::kForm;
  l.url = std::move(url);
  l.method = "post";
  l.has_password = password;
  l.has_email = email;
  return l;
}

TEST(LinkForms, CredentialDataAndPlain) {
  auto rs = link_reasons({form("http://collect.example.net/p.php", true, true)}, analyzer());
  const Reason* r = find(rs, "credential_form");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->points, 70);
  EXPECT_EQ(r->text,
            "the message itself contains a form asking for your password and sends what you type "
            "to http://collect.example.net/p.php, without encryption; no honest sender asks for a "
            "password inside an e-mail");
  ASSERT_EQ(r->follow_ups.size(), 3u);
  EXPECT_EQ(r->follow_ups[0].party, Party::kRecipient);
  EXPECT_EQ(r->follow_ups[1].party, Party::kOrganization);
  EXPECT_EQ(r->follow_ups[2].party, Party::kMailAdmin);
  EXPECT_EQ(find(rs, "data_form"), nullptr);

  rs = link_reasons({form("https://x.example.net/", false, true)}, analyzer());
  r = find(rs, "data_form");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->points, 20);

  rs = link_reasons({form("", false, false)}, analyzer());
  r = find(rs, "form");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->points, 2);
  EXPECT_EQ(r->text,
            "the message contains a form to fill in; ordinary messages link to a website instead");
}

TEST(LinkOther, RefreshIframeAndImages) {
  Link refresh;
  refresh.kind = LinkKind::kRefresh;
  refresh.url = "https://next.example.net/x";
  Link frame;
  frame.kind = LinkKind::kIframe;
  frame.url = "https://frame.example.net/";
  Link img;
  img.kind = LinkKind::kImage;
  img.url = "http://192.168.10.20/pixel.gif";
  auto rs = link_reasons({refresh, frame, img}, analyzer());
  ASSERT_NE(find(rs, "meta_refresh"), nullptr);
  EXPECT_EQ(find(rs, "meta_refresh")->points, 30);
  EXPECT_TRUE(mentions(*find(rs, "meta_refresh"), "https://next.example.net/x"));
  ASSERT_NE(find(rs, "iframe"), nullptr);
  EXPECT_EQ(find(rs, "iframe")->points, 2);
  EXPECT_EQ(find(rs, "link_ip_host"), nullptr);  // the image is not scored
}

TEST(LinkUrlDetectors, AggregatedOncePerDetector) {
  std::vector<Link> links;
  for (int i = 1; i <= 5; ++i) {
    links.push_back(anchor("http://10.0.0." + std::to_string(i) + "/a", "Click"));
  }
  links.push_back(anchor("http://10.0.0.1/a", "again"));  // same address: counted once
  auto rs = link_reasons(links, analyzer());
  const Reason* r = find(rs, "link_ip_host");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->points, 35);
  EXPECT_TRUE(mentions(*r, "a link to http://10.0.0.1/a: the link goes to a bare numeric"));
  EXPECT_TRUE(mentions(*r, "(4 more links in this message do the same)"));
  ASSERT_EQ(r->follow_ups.size(), 2u);
  EXPECT_EQ(r->follow_ups[1].action, "Block 10.0.0.1 at the web proxy and the mail gateway.");

  LinkOptions half;
  half.points.url_percent = 50;
  rs = link_reasons(links, analyzer(), half);
  ASSERT_NE(find(rs, "link_ip_host"), nullptr);
  EXPECT_EQ(find(rs, "link_ip_host")->points, 17);
}

TEST(LinkUrlDetectors, ScriptUriWithTabsAndTextLinks) {
  Link js = anchor("java\tscript:alert(1)", "Open");
  Link text;
  text.kind = LinkKind::kText;
  text.url = "https://bit.ly/abc";
  auto rs = link_reasons({js, text, anchor("mailto:a@example.net", "mail"), anchor("#top", "top")},
                         analyzer());
  // No mail program runs a javascript: link: weak. A data: link carries a whole page: strong.
  ASSERT_NE(find(rs, "link_script_uri"), nullptr);
  EXPECT_EQ(find(rs, "link_script_uri")->points, 15);
  ASSERT_NE(find(rs, "link_shortener"), nullptr);
  EXPECT_TRUE(mentions(*find(rs, "link_shortener"), "a link in the text to https://bit.ly/abc"));
  EXPECT_EQ(rs.size(), 2u);
}

TEST(LinkUrlDetectors, DataUriStrongAndEmailPoints) {
  auto rs =
      link_reasons({anchor("data:text/html;base64,PGZvcm0+", "Open the document")}, analyzer());
  ASSERT_NE(find(rs, "link_script_uri"), nullptr);
  EXPECT_EQ(find(rs, "link_script_uri")->points, 70);
  EXPECT_TRUE(mentions(*find(rs, "link_script_uri"), "a link to data:...: "));

  UrlOptions uo;
  uo.points = email_link_points();
  const UrlAnalyzer email_urls{uo};
  const auto link = anchor("http://news.example.net/login?u=reader@example.org", "Sign in");
  rs = link_reasons({link}, email_urls);
  ASSERT_NE(find(rs, "link_login_words"), nullptr);
  EXPECT_EQ(find(rs, "link_login_words")->points, 2);
  ASSERT_NE(find(rs, "link_email_in_query"), nullptr);
  EXPECT_EQ(find(rs, "link_email_in_query")->points, 2);
  EXPECT_EQ(find(rs, "link_email_in_query")->text.find("reader@"), std::string::npos);
  rs = link_reasons({link}, analyzer());
  EXPECT_EQ(find(rs, "link_login_words")->points, 10);
}

TEST(LinkUrlDetectors, DistinctUrlCapNoted) {
  LinkOptions o;
  o.max_urls = 2;
  auto rs =
      link_reasons({anchor("https://a.example.net/", "a"), anchor("https://b.example.net/", "b"),
                    anchor("https://c.example.net/", "c")},
                   analyzer(), o);
  const Reason* r = find(rs, "link_limit");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->points, 0);
  EXPECT_EQ(r->text, "the message has more than 2 different link addresses; 1 were not checked");
}

TEST(HtmlReasons, ScriptsHiddenTextZeroWidth) {
  HtmlDoc d;
  EXPECT_TRUE(html_reasons(d).empty());
  d.scripts = 2;
  d.event_handlers = 1;
  d.hidden_text_chars = 400;
  d.zero_width_chars = 3;
  auto rs = html_reasons(d);
  ASSERT_EQ(rs.size(), 3u);
  EXPECT_EQ(rs[0].detector, "html_script");
  EXPECT_EQ(rs[0].points, 15);
  EXPECT_TRUE(mentions(rs[0], "2 script(s) and 1 piece(s) of code"));
  EXPECT_EQ(rs[1].detector, "hidden_text");
  EXPECT_EQ(rs[2].detector, "zero_width");
  d.hidden_text_chars = 399;
  d.zero_width_chars = 2;
  d.scripts = 0;
  d.event_handlers = 0;
  EXPECT_TRUE(html_reasons(d).empty());
}

TEST(LinksEndToEnd, ParsedHtmlThroughDetectors) {
  auto doc = parse_html(
      "<p>Your account is locked.</p><a href=\"http://paypa1-secure.xyz/webscr?cmd=login\">"
      "https://www.paypal.com/signin</a>");
  auto rs = link_reasons(doc.links, analyzer());
  ASSERT_NE(find(rs, "link_text_mismatch"), nullptr);
  EXPECT_EQ(find(rs, "link_text_mismatch")->points, 60);
  ASSERT_NE(find(rs, "link_lookalike"), nullptr);
  EXPECT_TRUE(mentions(*find(rs, "link_lookalike"), "paypal.com"));
}

}  // namespace
}  // namespace sw::phish
