// SPDX-License-Identifier: Apache-2.0
// UrlAnalyzer: each detector positive and negative, IDN lookalikes, the protected brands' own
// URLs staying legitimate, thresholds and points from UrlOptions. URLs are written here.
#include "phish/analyzer.h"

#include <algorithm>
#include <string>

#include <gtest/gtest.h>

namespace sw::phish {
namespace {

const UrlAnalyzer& analyzer() {
  static const UrlAnalyzer a{UrlOptions{}};
  return a;
}

bool fires(const UrlVerdict& v, std::string_view detector) {
  return std::any_of(v.reasons.begin(), v.reasons.end(),
                     [&](const Reason& r) { return r.detector == detector; });
}

std::string describe(const UrlVerdict& v) {
  std::string s = v.verdict + " " + std::to_string(v.score);
  for (const auto& r : v.reasons) s += " [" + r.detector + ": " + r.text + "]";
  return s;
}

struct Case {
  const char* url;
  const char* detector;
  bool expected;
};

class DetectorTest : public ::testing::TestWithParam<Case> {};

TEST_P(DetectorTest, FiresOrNot) {
  const Case& c = GetParam();
  auto v = analyzer().analyze(c.url);
  EXPECT_EQ(fires(v, c.detector), c.expected) << c.url << " -> " << describe(v);
}

INSTANTIATE_TEST_SUITE_P(
    Detectors, DetectorTest,
    ::testing::Values(
        Case{"http://192.168.10.5/paypal/", "ip_host", true},
        Case{"http://3232235777/", "ip_host", true},
        Case{"http://0xc0a80101/login", "ip_host", true},
        Case{"http://[2001:db8::1]/", "ip_host", true},
        Case{"http://1password.com/", "ip_host", false},
        Case{"https://paypal.com@evil.xyz/", "userinfo", true},
        Case{"ftp://user@files.example.org/", "userinfo", true},
        Case{"https://www.example.org/", "userinfo", false},
        Case{"https://bit.ly/3abcD", "shortener", true},
        Case{"https://tinyurl.com/y2k", "shortener", true},
        Case{"https://bitlyrics.com/", "shortener", false},
        Case{"https://paypal.com.secure-check.xyz/", "brand_in_url", true},
        Case{"https://paypal-secure.xyz/", "brand_in_url", true},
        Case{"https://evil.example/microsoft/office365/", "brand_in_url", true},
        Case{"https://www.paypal.com/signin", "brand_in_url", false},
        Case{"https://www.paypal.de/", "brand_in_url", false},
        Case{"https://www.delivery-live-news.com/", "brand_in_url", false},
        Case{"https://pineapple.example/", "brand_in_url", false},
        Case{"https://paypa1.com/", "lookalike", true},
        Case{"https://paypai.com/", "lookalike", true},
        Case{"https://xn--pypal-4ve.com/", "lookalike", true},
        Case{"https://\xd0\xb0pple.com/", "lookalike", true},
        Case{"https://rnicrosoft.com/", "lookalike", true},
        Case{"https://bankofamerca.com/", "lookalike", true},
        Case{"https://paypal.com/", "lookalike", false},
        Case{"https://example.com/", "lookalike", false},
        Case{"https://xn--pypal-4ve.com/", "mixed_script", true},
        Case{"https://\xd0\xb0pple.com/", "mixed_script", true},
        Case{"https://xn--80ak6aa92e.com/", "mixed_script", false},  // all-Cyrillic
        Case{"https://m\xc3\xbcnchen.de/", "mixed_script", false},   // Latin with umlaut
        Case{"data:text/html;base64,PGZvcm0+", "script_uri", true},
        Case{"javascript:alert(document.cookie)", "script_uri", true},
        Case{"https://example.com/data:x", "script_uri", false},
        Case{"https://a.b.c.d.e.f.example.com/", "long_host", true},
        Case{"https://mail.example.com/", "long_host", false},
        Case{"https://example.com/redirect//evil.com", "path_oddity", true},
        Case{"https://example.com/x/@evil.com", "path_oddity", true},
        Case{"https://example.com/a/b", "path_oddity", false},
        Case{"https://cheap-stuff.tk/", "suspicious_tld", true},
        Case{"https://example.com/", "suspicious_tld", false},
        Case{"http://example.net/account/login.php", "http_login", true},
        Case{"https://example.net/account/login.php", "http_login", false},
        Case{"http://example.net/news/today", "http_login", false},
        Case{"https://example.net/webscr/verify", "login_words", true},
        Case{"https://example.net/blog/post", "login_words", false},
        Case{"https://someone.000webhostapp.com/", "free_hosting", true},
        Case{"https://docs.google.com/forms/d/e/abc/viewform", "free_hosting", true},
        Case{"https://docs.google.com/document/d/abc", "free_hosting", false},
        Case{"https://weebly.com/", "free_hosting", false},
        Case{"https://ex.com/p.php?email=jane.doe@corp.example", "email_in_query", true},
        Case{"https://ex.com/p.php?q=a@", "email_in_query", false},
        Case{"https://shop.example/wp-content/plugins/x/chase/index.html", "kit_path", true},
        Case{"http://blog.example/wp-includes/ID3/login/", "kit_path", true},
        Case{"https://blog.example/wp-content/uploads/2015/05/cat.jpg", "kit_path", false},
        Case{"https://blog.example/wp-content/plugins/gallery/owl.theme.css?ver=2", "kit_path",
             false},
        Case{"https://blog.example/2015/05/wp-content-strategy/", "kit_path", false},
        Case{"https://x.example/a/0ca10d16aeed10cff1d81f617e3d90bc/view/", "session_folder", true},
        Case{"https://x.example/a/0ca10d16aeed10cff1d81f617e3d90b/", "session_folder", false},
        Case{"https://x.example/a/0ca10d16aeed10cff1d81f617e3d90bcz/", "session_folder", false},
        Case{"http://x.example/i_login/ios.php", "login_script", false},
        Case{"http://x.example/rbc/verify_account.php?x=1", "login_script", true},
        Case{"https://x.example/LOGIN.ASPX", "login_script", true},
        Case{"https://x.example/login/index.html", "login_script", false},
        Case{"https://x.example/news.php", "login_script", false},
        // kit_folder: pages in program, library, static-file or hidden folders; not the files
        // kept there, nor the ACME challenge token.
        Case{"http://shop.example/vendor/guzzle/tests/system/index.php", "kit_folder", true},
        Case{"https://shop.example/assets/images/tim.it/tim/sms2.html", "kit_folder", true},
        Case{"http://shop.example/.well-known/pki-validation/home/myaccount/", "kit_folder", true},
        Case{"http://shop.example/content/.ST/POSBEV/", "kit_folder", true},
        Case{"https://shop.example/images/logo.png", "kit_folder", false},
        Case{"https://shop.example/.well-known/acme-challenge/Xy9token", "kit_folder", false},
        Case{"https://shop.example/products/images-of-cats/", "kit_folder", false},
        // address_in_path: another site's address or an "https" folder inside the path.
        Case{"http://shop.example/https/1/sucursal.banco.com.co/mua/", "address_in_path", true},
        Case{"https://shop.example/x/www.paypal-login.com/", "address_in_path", true},
        Case{"http://shop.example/autoscout24.de", "address_in_path", true},
        Case{"https://shop.example/www.shop.example/about", "address_in_path", false},
        Case{"https://shop.example/scripts/run.sh", "address_in_path", false},
        Case{"https://shop.example/offer-detail.page?id=1", "address_in_path", false},
        Case{"https://shop.example/index.php", "address_in_path", false},
        // host_words: account words in the name of a site that is no protected brand's.
        Case{"https://serviceenligneverificationbp.com/moncompte/", "host_words", true},
        Case{"https://clients-verification-updates.blogspot.com/", "host_words", true},
        Case{"https://secure.runescape.com-zx.ru/m=weblogin/", "host_words", true},
        Case{"https://login.microsoftonline.com/common/", "host_words", false},
        Case{"https://secure.example/", "host_words", true},
        Case{"https://www.example.com/secure/login", "host_words", false},
        // dynamic_dns, file_share, and the free-hosting entries with a path.
        Case{"http://validadispositivo.ddns.net:2020/token", "dynamic_dns", true},
        Case{"https://myhouse.duckdns.org/", "dynamic_dns", true},
        Case{"https://ddns.net/", "dynamic_dns", false},
        Case{"https://1drv.ms/w/s!At-jjZ83groCnyO7", "file_share", true},
        Case{"https://tenant-my.sharepoint.com/personal/jane_tenant_com/_layouts/15/x.aspx",
             "file_share", true},
        Case{"https://tenant-my.sharepoint.com/:o:/g/personal/jane/EjPF", "file_share", true},
        Case{"https://www.dropbox.com/l/AADF6y5O", "file_share", true},
        Case{"https://www.dropbox.com/plans", "file_share", false},
        Case{"https://docs.google.com/document/d/abc/edit", "file_share", true},
        Case{"https://forms.gle/abcDEF", "free_hosting", true},
        Case{"https://sites.google.com/view/account-team/home", "free_hosting", true},
        Case{"https://forms.office.com/Pages/ResponsePage.aspx?id=DQSIkW", "free_hosting", true},
        Case{"https://623112j4j3.codesandbox.io/xrr/", "free_hosting", true},
        Case{"https://han.gl/4C6UI", "shortener", true},
        Case{"https://xurl.es/l0f93", "shortener", true},
        // copied_path: a brand's sign-in address structure on another site.
        Case{"http://shop.example/signin/customer_center/customer-IDPP00C544/", "copied_path",
             true},
        Case{"https://shop.example/chase/index.php?cmd=login_submit&id=772ef0", "copied_path",
             true},
        Case{"https://shop.example/user/webapps/", "copied_path", true},
        Case{"https://www.paypal.com/cgi-bin/webscr?cmd=_login-submit", "copied_path", false},
        Case{"https://accounts.google.com/ServiceLogin?continue=x", "copied_path", false},
        Case{"https://shop.example/customer/service", "copied_path", false},
        // A folder named exactly as a brand counts in the path, ordinary-word and short labels
        // included; the same word inside a longer slug does not.
        Case{"http://shop.example/wp/chase/login.php", "brand_in_url", true},
        Case{"http://shop.example/x/dhl/dhlpage/track.htm", "brand_in_url", true},
        Case{"http://shop.example/we/onedrive.html", "brand_in_url", true},
        Case{"https://news.example/2015/05/chase-utley-hits-a-homer/", "brand_in_url", false},
        Case{"https://news.example/pop-ups/", "brand_in_url", false},
        // random_host: a machine-made label in the site's name; names people choose are quiet.
        Case{"https://mkbixh3nv9c.dermals.org/bbf33e77", "random_host", true},
        Case{"https://k9x7pq2zr.example.org/", "random_host", true},
        Case{"https://mail163.example.org/", "random_host", false},
        Case{"https://web2py.com/", "random_host", false},
        // email_in_query: in the fragment, and base64-encoded (standard and URL alphabets).
        Case{"https://x.example/index.html#samsnow@tjsnow.com", "email_in_query", true},
        Case{"https://x.example/mail.php?email=dGVzdEB0ZXN0LmNvbQ==", "email_in_query", true},
        Case{"https://x.example/?u=amFuZS5kb2VAY29ycC5leGFtcGxlLm9yZw", "email_in_query", true},
        Case{"https://x.example/?token=aGVsbG8gd29ybGQgaGVsbG8=", "email_in_query", false}));

TEST(UrlAnalyzer, ProtectedBrandsStayLegitimate) {
  for (const char* url :
       {"https://www.paypal.com/signin", "https://accounts.google.com/ServiceLogin?continue=x",
        "https://login.microsoftonline.com/common/oauth2/authorize", "https://www.amazon.com/",
        "https://appleid.apple.com/sign-in", "https://www.facebook.com/login/",
        "https://outlook.live.com/owa/", "https://www.chase.com/personal/banking",
        "https://www.dropbox.com/s/abc/file.pdf", "https://www.linkedin.com/feed/",
        "https://steamcommunity.com/login/home/", "https://signin.ebay.com/ws/eBayISAPI.dll",
        "https://www.amazon.co.uk/gp/css/order-history", "https://s3.amazonaws.com/bucket/x.png",
        "https://www.wikipedia.org/", "https://github.com/"}) {
    auto v = analyzer().analyze(url);
    EXPECT_EQ(v.verdict, "legitimate") << url << " -> " << describe(v);
  }
}

TEST(UrlAnalyzer, ClearPhishingIsPhishing) {
  for (const char* url : {"https://paypal.com@evil.xyz/", "https://paypa1-secure.xyz/login",
                          "https://xn--pypal-4ve.com/signin", "http://3232235777/paypal/login",
                          "https://www.paypal.com.account-verify.info/webscr"}) {
    auto v = analyzer().analyze(url);
    EXPECT_EQ(v.verdict, "phishing") << url << " -> " << describe(v);
  }
}

TEST(UrlAnalyzer, ReasonsSpeakPlainly) {
  auto v = analyzer().analyze("https://paypal.com.paypa1-secure.xyz/");
  ASSERT_FALSE(v.reasons.empty());
  bool named = false;
  for (const auto& r : v.reasons) {
    EXPECT_GT(r.points, 0);
    EXPECT_FALSE(r.text.empty());
    named = named || r.text.find("paypa1-secure.xyz") != std::string::npos;
  }
  EXPECT_TRUE(named) << describe(v);
}

TEST(UrlAnalyzer, WrappedLinksAreJudgedByTheirDestination) {
  // A gateway's rewriting is the recipient's own: no points, the destination decides.
  auto safe = analyzer().analyze(
      "https://nam12.safelinks.protection.outlook.com/"
      "?url=https%3A%2F%2Fpaypa1.com%2Flogin&data=x");
  EXPECT_TRUE(fires(safe, "lookalike")) << describe(safe);
  ASSERT_TRUE(fires(safe, "unwrapped")) << describe(safe);
  EXPECT_EQ(safe.reasons.front().points, 0);
  EXPECT_NE(safe.reasons.front().text.find("Safe Links"), std::string::npos);
  auto good = analyzer().analyze(
      "https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.wikipedia.org%2F");
  EXPECT_EQ(good.verdict, "legitimate") << describe(good);
  // A redirect the sender chose borrows the redirector's name: points.
  auto redirect = analyzer().analyze("https://www.google.com/url?q=https://evil.example/x");
  ASSERT_TRUE(fires(redirect, "open_redirect")) << describe(redirect);
  EXPECT_EQ(redirect.score, 10);
  // Mimecast keeps the destination: said, not guessed.
  auto opaque = analyzer().analyze("https://protect-eu.mimecast.com/s/AbCdEfGhIjKlMn");
  EXPECT_TRUE(fires(opaque, "unwrapped")) << describe(opaque);
}

TEST(UrlAnalyzer, InvalidUrl) {
  auto v = analyzer().analyze("http://");
  EXPECT_EQ(v.verdict, "invalid");
  EXPECT_EQ(v.score, 0);
  ASSERT_EQ(v.reasons.size(), 1u);
}

TEST(UrlAnalyzer, PointsAndThresholdsConfigurable) {
  UrlOptions o;
  o.points.shortener = 0;
  UrlAnalyzer off(o);
  EXPECT_FALSE(fires(off.analyze("https://bit.ly/x"), "shortener"));
  UrlOptions strict;
  strict.phishing_at = 20;
  UrlAnalyzer a(strict);
  EXPECT_EQ(a.analyze("https://bit.ly/x").verdict, "phishing");
  UrlOptions mine;
  mine.protected_domains = {"examplebank.com"};
  UrlAnalyzer b(mine);
  EXPECT_TRUE(fires(b.analyze("https://examp1ebank.com/"), "lookalike"));
  EXPECT_FALSE(fires(b.analyze("https://paypa1.com/"), "lookalike"));
}

TEST(DamerauLevenshtein, Distances) {
  EXPECT_EQ(damerau_levenshtein("paypal", "paypal"), 0);
  EXPECT_EQ(damerau_levenshtein("paypal", "payapl"), 1);  // transposition
  EXPECT_EQ(damerau_levenshtein("paypal", "paypall"), 1);
  EXPECT_EQ(damerau_levenshtein("", "abc"), 3);
}

}  // namespace
}  // namespace sw::phish
