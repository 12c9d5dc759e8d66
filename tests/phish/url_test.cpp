// SPDX-License-Identifier: Apache-2.0
// parse_url(): structure (uriparser), IDNA (libidn2), registrable domain (libpsl), numeric hosts,
// and malformed input giving an error rather than a crash.
#include "phish/url.h"

#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace sw::phish {
namespace {

TEST(ParseUrl, Parts) {
  auto u = parse_url("HTTPS://User:pw@Login.PayPal.com:8443/a/b?x=1#frag");
  ASSERT_TRUE(u) << u.error().to_string();
  EXPECT_EQ(u->scheme, "https");
  EXPECT_EQ(u->userinfo, "User:pw");
  EXPECT_EQ(u->host, "login.paypal.com");
  EXPECT_EQ(u->host_ascii, "login.paypal.com");
  EXPECT_EQ(u->registrable, "paypal.com");
  EXPECT_EQ(u->port, 8443);
  EXPECT_EQ(u->path, "/a/b");
  EXPECT_EQ(u->query, "x=1");
  EXPECT_EQ(u->fragment, "frag");
  EXPECT_FALSE(u->host_is_ip);
}

TEST(ParseUrl, SchemeLessIsHttp) {
  auto u = parse_url("www.example.co.uk/login");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->scheme, "http");
  EXPECT_EQ(u->host, "www.example.co.uk");
  EXPECT_EQ(u->registrable, "example.co.uk");
  EXPECT_EQ(u->path, "/login");
  auto p = parse_url("paypal.com:443/x");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->host, "paypal.com");
  EXPECT_EQ(p->port, 443);
}

TEST(ParseUrl, Idn) {
  auto u = parse_url("https://xn--pypal-4ve.com/");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->host_ascii, "xn--pypal-4ve.com");
  EXPECT_EQ(u->host_unicode, "p\xd0\xb0ypal.com");  // Cyrillic a
  EXPECT_EQ(u->registrable, "xn--pypal-4ve.com");
  auto c = parse_url("https://\xd0\xb0pple.com/id");  // Cyrillic a + "pple"
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_TRUE(c->host_ascii.starts_with("xn--")) << c->host_ascii;
  EXPECT_EQ(c->host_unicode, "\xd0\xb0pple.com");
}

TEST(ParseUrl, IpHosts) {
  for (const char* url : {"http://192.168.1.1/", "http://[2001:db8::1]/x", "http://3232235777/",
                          "http://0xc0a80101/", "http://0300.0250.0.1/", "http://127.1/"}) {
    auto u = parse_url(url);
    ASSERT_TRUE(u) << url;
    EXPECT_TRUE(u->host_is_ip) << url;
    EXPECT_EQ(u->registrable, "") << url;
  }
  auto n = parse_url("http://1password.com/");
  ASSERT_TRUE(n);
  EXPECT_FALSE(n->host_is_ip);
  EXPECT_FALSE(is_numeric_ipv4_host("1.2.3.4.5"));
  EXPECT_TRUE(is_numeric_ipv4_host("0x"));  // 0.0.0.0 for browsers
  EXPECT_FALSE(is_numeric_ipv4_host("0x1g"));
  EXPECT_TRUE(is_numeric_ipv4_host("0x7f.1"));
}

TEST(ParseUrl, OpaqueSchemes) {
  auto d = parse_url("data:text/html;base64,PHNjcmlwdD4=");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->scheme, "data");
  EXPECT_EQ(d->host, "");
  auto j = parse_url("JavaScript:alert(1)");
  ASSERT_TRUE(j);
  EXPECT_EQ(j->scheme, "javascript");
}

TEST(ParseUrl, LenientLikeBrowsers) {
  auto u = parse_url("http://a.com/t?title=[kickass.to]x&p=%user%| x");
  ASSERT_TRUE(u) << u.error().to_string();
  EXPECT_EQ(u->host, "a.com");
}

TEST(ParseUrl, SecondHashStaysInTheFragment) {
  // Browsers take everything after the first '#' as the fragment; so does the lenient pass.
  auto u = parse_url("https://evil.example/p#a#b@victim.example");
  ASSERT_TRUE(u) << u.error().to_string();
  EXPECT_EQ(u->host, "evil.example");
  EXPECT_EQ(u->path, "/p");
  EXPECT_EQ(percent_decode(u->fragment), "a#b@victim.example");
}

TEST(PublicSuffixes, ANewerListFileIsUsed) {
  // The default knows blogspot.com as a suffix (users' blogs are registrable domains).
  EXPECT_EQ(parse_url("https://a.b.example.blogspot.com/")->registrable, "example.blogspot.com");
  // Not a file, not a list: errors naming the file; the list in use is unchanged.
  auto missing = use_public_suffix_file("/nonexistent/public_suffix_list.dat");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), Errc::kNotFound);
  const std::string dir = ::testing::TempDir();
  {
    std::ofstream junk(dir + "/junk.dat");
    junk << "just one line\n";
  }
  auto junk = use_public_suffix_file(dir + "/junk.dat");
  ASSERT_FALSE(junk);
  EXPECT_NE(junk.error().to_string().find("junk.dat"), std::string::npos);
  // A newer list with a suffix the system's does not have yet.
  {
    std::ifstream system("/usr/share/publicsuffix/public_suffix_list.dat");
    ASSERT_TRUE(system.good()) << "the publicsuffix package is a dependency";
    std::ofstream newer(dir + "/newer.dat");
    newer << system.rdbuf() << "\n// ===BEGIN PRIVATE DOMAINS===\nnewhost.example.com\n";
  }
  ASSERT_TRUE(use_public_suffix_file(dir + "/newer.dat"));
  EXPECT_EQ(parse_url("https://a.user1.newhost.example.com/")->registrable,
            "user1.newhost.example.com");
  use_default_public_suffixes();
  EXPECT_EQ(parse_url("https://a.user1.newhost.example.com/")->registrable, "example.com");
}

TEST(ParseUrl, MalformedIsAnError) {
  for (const char* url : {"", "   ", "http://", "https:///path", "http://a.com:99999/",
                          "http://[::1/", "http://a.com:x/"}) {
    EXPECT_FALSE(parse_url(url)) << url;
  }
  std::string big(70000, 'a');
  EXPECT_FALSE(parse_url(big));
}

TEST(ParseUrl, PercentDecode) {
  EXPECT_EQ(percent_decode("a%40b%2"), "a@b%2");
  EXPECT_EQ(percent_decode("%zz%41"), "%zzA");
}

}  // namespace
}  // namespace sw::phish
