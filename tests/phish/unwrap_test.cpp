// SPDX-License-Identifier: Apache-2.0
// Link unwrapping: each wrapper's format (examples built here in the vendors' published or
// observed shapes, with our own destinations), nesting and the depth limit, look-alike hosts
// that must not unwrap, and broken input giving nullopt rather than a crash.
#include "phish/unwrap.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace sw::phish {
namespace {

// %XX for everything but unreserved characters, as Safe Links and Barracuda write `url=`.
std::string pct(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string safelinks(std::string_view dest, std::string_view host = "nam12") {
  return "https://" + std::string(host) + ".safelinks.protection.outlook.com/?url=" + pct(dest) +
         "&data=05%7C02%7Cjane%40example.org%7C4f0c1d2e%7C72f988bf%7C0%7C0%7C638500000000000000"
         "%7CUnknown%7CTWFpbGZsb3d8eyJWIjoiMC4wLjAwMDAifQ%3D%3D%7C0%7C%7C%7C&sdata=AbC%2Fd%3D&"
         "reserved=0";
}

std::string url_of(std::string_view wrapped) {
  auto u = unwrap_url(wrapped);
  return u ? u->url : "<nullopt>";
}

TEST(Unwrap, SafeLinks) {
  auto u = unwrap_url(safelinks("https://www.example.com/login?a=1&b=2#top"));
  ASSERT_TRUE(u);
  EXPECT_EQ(u->wrapper, Wrapper::kSafeLinks);
  EXPECT_EQ(u->url, "https://www.example.com/login?a=1&b=2#top");
  EXPECT_EQ(wrapper_name(u->wrapper), "Microsoft Defender Safe Links");
  EXPECT_TRUE(is_security_gateway(u->wrapper));
  // Lower-case escapes, a different region, and the parameter not first.
  EXPECT_EQ(url_of("https://eur04.safelinks.protection.outlook.com/?data=x&url=http%3a%2f%2f"
                   "evil.example%2fa&reserved=0"),
            "http://evil.example/a");
  // '+' in a query value is a space, as the server reads it.
  EXPECT_EQ(url_of("https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.com"
                   "%2Fa+b%3Fq%3Dx%2By&data=1"),
            "https://example.com/a b?q=x+y");
}

TEST(Unwrap, SafeLinksGovernmentAndTeams) {
  EXPECT_EQ(url_of("https://gcc02.safelinks.protection.office365.us/?url=" +
                   pct("https://example.gov/a") + "&data=05%7C01&reserved=0"),
            "https://example.gov/a");
  EXPECT_EQ(url_of("https://usg02.safelinks.protection.office365.us/?url=https%3A%2F%2F"
                   "portal.example.mil%2F&data=05%7C02"),
            "https://portal.example.mil/");
  EXPECT_EQ(url_of("https://statics.teams.cdn.office.net/evergreen-assets/safelinks/1/"
                   "atp-safelinks.html?url=https%3A%2F%2Fexample.net%2Fdoc&locale=en-us"),
            "https://example.net/doc");
}

TEST(Unwrap, LookalikeHostsDoNotUnwrap) {
  std::string q = "/?url=" + pct("https://paypal.com/") + "&data=1";
  EXPECT_FALSE(unwrap_url("https://nam12.safelinks.protection.outlook.com.evil.example" + q));
  EXPECT_FALSE(unwrap_url("https://nam12safelinks.protection.outlook.com" + q));
  EXPECT_FALSE(unwrap_url("https://evil.example/nam12.safelinks.protection.outlook.com" + q));
  // userinfo: the browser opens evil.example, not Microsoft.
  EXPECT_FALSE(unwrap_url("https://nam12.safelinks.protection.outlook.com@evil.example" + q));
  EXPECT_FALSE(unwrap_url("https://urldefense.com.evil.example/v3/__https://a.example/__;!!x$"));
  EXPECT_FALSE(unwrap_url("https://google.netlify.app/url?q=https://paypal.com/"));
  EXPECT_FALSE(unwrap_url("https://l.facebook.com.evil.example/l.php?u=https%3A%2F%2Fa.example"));
  EXPECT_FALSE(
      unwrap_url("https://secure-web.cisco.com.evil.example/1abc/https%3A%2F%2Fa.example"));
}

TEST(Unwrap, OnlyHttpDestinations) {
  EXPECT_FALSE(unwrap_url(safelinks("javascript:alert(1)")));
  EXPECT_FALSE(unwrap_url(safelinks("data:text/html;base64,PGgxPg==")));
  EXPECT_FALSE(unwrap_url(safelinks("ftp://files.example.com/a")));
  EXPECT_FALSE(unwrap_url(safelinks("www.example.com/no-scheme")));
  EXPECT_FALSE(unwrap_url(safelinks("//example.com/protocol-relative")));
  EXPECT_FALSE(unwrap_url(safelinks("https://")));
  EXPECT_FALSE(unwrap_url(safelinks("")));
  EXPECT_FALSE(unwrap_url("https://nam12.safelinks.protection.outlook.com/?data=1&reserved=0"));
  EXPECT_FALSE(unwrap_url("https://nam12.safelinks.protection.outlook.com/"));
  // Spaces around the destination are dropped, as browsers do.
  EXPECT_EQ(url_of(safelinks("  https://example.com/x ")), "https://example.com/x");
}

TEST(Unwrap, ProofpointV1) {
  auto u = unwrap_url(
      "https://urldefense.proofpoint.com/v1/url?u=http://www.example.com/a%3Fb%3Dc&k=7s3R%0A"
      "&r=abc%0A&m=def%0A&s=ghi");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->wrapper, Wrapper::kProofpointV1);
  EXPECT_EQ(u->url, "http://www.example.com/a?b=c");
  EXPECT_EQ(wrapper_name(u->wrapper), "Proofpoint URL Defense");
  // u= runs to "&k=" and HTML character references are decoded, as in Proofpoint's decoder.
  EXPECT_EQ(url_of("https://urldefense.proofpoint.com/v1/url?u=https://example.com/?a=1&amp;b=2"
                   "&k=x&r=y"),
            "https://example.com/?a=1&b=2");
}

TEST(Unwrap, ProofpointV2) {
  auto u = unwrap_url(
      "https://urldefense.proofpoint.com/v2/url?u=https-3A__www.example.com_path_page-3Fid-3D7"
      "-26x-3Dy&d=DwMFaQ&c=euGZstcaTDllvimEN8b7jXrwqOf-v5A_CdpgnVfiiMM&r=abc&m=def&s=ghi&e=");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->wrapper, Wrapper::kProofpointV2);
  EXPECT_EQ(u->url, "https://www.example.com/path/page?id=7&x=y");
  EXPECT_EQ(url_of("https://urldefense.proofpoint.com/v2/url?u=http-3A__www.example.org_url&c=E"),
            "http://www.example.org/url");
  // Without &d= or &c=, u= runs to the next parameter.
  EXPECT_EQ(url_of("https://urldefense.proofpoint.com/v2/url?e=&u=http-3A__a.example_b&x=1"),
            "http://a.example/b");
  EXPECT_FALSE(unwrap_url("https://urldefense.proofpoint.com/v2/url?d=DwMFaQ&c=abc"));
  EXPECT_FALSE(unwrap_url("https://urldefense.proofpoint.com/v2/url?u=&d=DwMFaQ"));
  EXPECT_FALSE(unwrap_url("https://urldefense.proofpoint.com/v4/url?u=http-3A__a.example&d=1"));
}

TEST(Unwrap, ProofpointV3Plain) {
  auto u = unwrap_url(
      "https://urldefense.com/v3/__https://www.example.com/a/b?x=1&y=2*__;Iw!!ACWV5N9M2RV99hQ"
      "!Ue6tQudNKaShHg93trcdjqDP8se2ySE65jyCIe2K1D_uNjZ1Lnf6YLQERujngZv9UWf66ujQIQ$");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->wrapper, Wrapper::kProofpointV3);
  EXPECT_EQ(u->url, "https://www.example.com/a/b?x=1&y=2#");
  // Nothing replaced: an empty block between ";" and "!".
  EXPECT_EQ(url_of("https://urldefense.com/v3/__https://www.example.com/a/b__;!!ABCdef!ghi$"),
            "https://www.example.com/a/b");
  // urldefense.us, and "https:/" given its second slash back.
  EXPECT_EQ(url_of("https://urldefense.us/v3/__https:/www.example.com/news/a__;!!Fqb0NA!f3Ez$"),
            "https://www.example.com/news/a");
}

TEST(Unwrap, ProofpointV3Replacements) {
  // '*' takes one character: "+" is "Kw" in base64url.
  EXPECT_EQ(url_of("https://urldefense.com/v3/__https://example.com/search?q=a*test&gs=ps__;Kw"
                   "!!-612Flbf0JvQ3kNJkRi5Jg!Ue6tQudNKa$"),
            "https://example.com/search?q=a+test&gs=ps");
  // The URL is %-decoded before the tokens: "*2B" + "%" is "%2B" (stays encoded).
  EXPECT_EQ(url_of("https://urldefense.com/v3/__https://github.example/r/tag/v2.1*2Bxpu__;JQ!!G_"
                   "uCfscf7eWS!ZDMn$"),
            "https://github.example/r/tag/v2.1%2Bxpu");
  // "**C" is a run of 4: "$$$$" is "JCQkJA".
  EXPECT_EQ(url_of("https://urldefense.com/v3/__https://example.com/p?x=**C&y=1__;JCQkJA!!x!y$"),
            "https://example.com/p?x=$$$$&y=1");
  // Runs and singles mixed, counted in characters, not bytes: "é" then "üü" ("w6nDvMO8").
  EXPECT_EQ(url_of("https://urldefense.com/v3/__https://example.com/caf*/**A/x__;w6nDvMO8!!x$"),
            "https://example.com/café/üü/x");
  // "**" at the very end is two single tokens.
  EXPECT_EQ(url_of("https://urldefense.com/v3/__https://example.com/a**__;JCQ!!x$"),
            "https://example.com/a$$");
}

TEST(Unwrap, ProofpointV3Malformed) {
  const std::string base = "https://urldefense.com/v3/__https://example.com/a*b";
  EXPECT_TRUE(unwrap_url(base + "__;Kw!!x$"));
  EXPECT_FALSE(unwrap_url(base + "__;Kw"));         // no '!': truncated
  EXPECT_FALSE(unwrap_url(base + "__"));            // no "__;"
  EXPECT_FALSE(unwrap_url(base));                   // truncated inside the URL
  EXPECT_FALSE(unwrap_url(base + "__;!!x$"));       // a '*' without its character
  EXPECT_FALSE(unwrap_url(base + "__;K#w!!x$"));    // not base64url
  EXPECT_FALSE(unwrap_url(base + "__;KwKwK!!x$"));  // impossible base64 length
  EXPECT_FALSE(unwrap_url(base + "__;_w!!x$"));     // 0xFF: not UTF-8
  EXPECT_FALSE(unwrap_url(base + "__;wA!!x$"));     // overlong UTF-8
  EXPECT_FALSE(unwrap_url(base + "__;w!!x$"));      // one base64 character
  EXPECT_FALSE(unwrap_url("https://urldefense.com/v3/__https://example.com/**C__;JCQk!!x$"));
  EXPECT_FALSE(unwrap_url("https://urldefense.com/v3/__https://example.com/**!__;JCQk!!x$"));
  EXPECT_FALSE(unwrap_url("https://urldefense.com/v3/____;!!x$"));  // empty URL
  EXPECT_FALSE(unwrap_url("https://urldefense.com/v3/__javascript:alert(1)__;!!x$"));
  EXPECT_FALSE(unwrap_url("https://urldefense.com/v3/"));
  EXPECT_FALSE(unwrap_url("https://urldefense.com/"));
}

TEST(Unwrap, OtherGateways) {
  auto b = unwrap_url(
      "https://linkprotect.cudasvc.com/url?a=https%3a%2f%2fwww.example.com%2fdoc%3fid%3d5&c=E,1,"
      "n7k2-Xr9LqM,&typo=1");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->wrapper, Wrapper::kBarracuda);
  EXPECT_EQ(b->url, "https://www.example.com/doc?id=5");
  EXPECT_FALSE(unwrap_url("https://linkprotect.cudasvc.com/url?c=E,1,abc&typo=1"));

  auto c = unwrap_url(
      "https://secure-web.cisco.com/1EH1B-CLV31IF8vcULmniGDoJim0uL59SwzKlscoLeueHtIl9uJoz5RjL9T/"
      "https%3A%2F%2Fwww.example.org%2Flicenses%2F");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->wrapper, Wrapper::kCisco);
  EXPECT_EQ(c->url, "https://www.example.org/licenses/");
  EXPECT_FALSE(unwrap_url("https://secure-web.cisco.com/1EH1B-CLV31IF8vcULmniGDoJim0uL59"));
  EXPECT_FALSE(unwrap_url("https://secure-web.cisco.com//https%3A%2F%2Fa.example%2F"));
  EXPECT_FALSE(unwrap_url("https://secure-web.cisco.com/1abc/"));

  auto t = unwrap_url(
      "https://imsva91-ctp.trendmicro.com:443/wis/clicktime/v1/query?url=https%3a%2f%2fportal."
      "example.com%2flogin&umid=6a6586e6-1bcb-48d2-8c0c-75ef6bb15df9&auth=53c7c7de28b92dfd96e9");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->wrapper, Wrapper::kTrendMicro);
  EXPECT_EQ(t->url, "https://portal.example.com/login");
  EXPECT_FALSE(unwrap_url("https://imsva91-ctp.trendmicro.com/wis/clicktime/v1/query?umid=1"));
  EXPECT_FALSE(unwrap_url("https://www.trendmicro.com/search?url=https%3a%2f%2fa.example"));
}

TEST(Unwrap, Redirectors) {
  auto g = unwrap_url(
      "https://www.google.com/url?q=https://evil.example/login?id%3D1&sa=D&source=editors&ust=17"
      "00000000000000&usg=AOvVaw0abc");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->wrapper, Wrapper::kGoogleRedirect);
  EXPECT_EQ(g->url, "https://evil.example/login?id=1");
  EXPECT_FALSE(is_security_gateway(g->wrapper));
  // Search results: an empty q= and the address in url=.
  EXPECT_EQ(url_of("https://www.google.com/url?sa=t&rct=j&q=&esrc=s&source=web&cd=1&url=https%3A"
                   "%2F%2Fevil.example%2F&usg=x"),
            "https://evil.example/");
  EXPECT_EQ(url_of("https://google.co.uk/url?q=http%3A%2F%2Fa.example%2F"), "http://a.example/");
  EXPECT_EQ(url_of("https://www.google.com.br/url?q=http%3A%2F%2Fa.example%2F"),
            "http://a.example/");
  EXPECT_FALSE(unwrap_url("https://www.google.com/search?q=https://evil.example/"));
  EXPECT_FALSE(unwrap_url("https://maps.google.com/url?q=https://evil.example/"));
  EXPECT_FALSE(unwrap_url("https://www.google.com/url?q=not+a+url"));

  auto f = unwrap_url(
      "https://l.facebook.com/l.php?u=https%3A%2F%2Fevil.example%2Fgift&h=AT0pQ-abc&s=1");
  ASSERT_TRUE(f);
  EXPECT_EQ(f->wrapper, Wrapper::kFacebookRedirect);
  EXPECT_EQ(f->url, "https://evil.example/gift");
  EXPECT_EQ(url_of("https://lm.facebook.com/l.php?u=http%3A%2F%2Fa.example%2F"),
            "http://a.example/");
  EXPECT_FALSE(unwrap_url("https://www.facebook.com/l.php?u=http%3A%2F%2Fa.example%2F"));
}

TEST(Unwrap, MimecastIsOpaque) {
  std::string m = "https://protect-eu.mimecast.com/s/0wSdCVON0gczLDq1tGaO_q?domain=example.com";
  EXPECT_FALSE(unwrap_url(m));
  EXPECT_EQ(opaque_wrapper(m), Wrapper::kMimecast);
  EXPECT_EQ(opaque_wrapper("https://protect-us.mimecast.com/s/AbCdEfGhIj/"), Wrapper::kMimecast);
  EXPECT_FALSE(opaque_wrapper("https://www.mimecast.com/s/AbCd"));
  EXPECT_FALSE(opaque_wrapper("https://example.com/"));
  // Inside Safe Links: the chain ends at Mimecast and says so.
  UnwrapChain c = unwrap_all(safelinks("https://protect-us.mimecast.com/s/AbCdEfGhIj/"));
  EXPECT_EQ(c.destination, "https://protect-us.mimecast.com/s/AbCdEfGhIj/");
  EXPECT_EQ(c.opaque, Wrapper::kMimecast);
  EXPECT_EQ(wrapper_name(Wrapper::kMimecast), "Mimecast URL Protect");
}

TEST(Unwrap, NestedSafeLinksAroundProofpoint) {
  std::string v3 =
      "https://urldefense.com/v3/__https://paypa1-login.example/verify?u=a*b__;Kw!!ACWV5N9M2RV99"
      "hQ!Ue6tQud$";
  std::string outer = safelinks(v3);
  auto one = unwrap_url(outer);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->url, v3);
  UnwrapChain c = unwrap_all(outer);
  EXPECT_EQ(c.destination, "https://paypa1-login.example/verify?u=a+b");
  ASSERT_EQ(c.wrappers.size(), 2U);
  EXPECT_EQ(c.wrappers[0], Wrapper::kSafeLinks);
  EXPECT_EQ(c.wrappers[1], Wrapper::kProofpointV3);
  EXPECT_FALSE(c.depth_limited);
  EXPECT_FALSE(c.opaque);
}

TEST(Unwrap, DepthLimit) {
  std::string u = "https://evil.example/";
  for (int i = 0; i < 7; ++i) u = "https://www.google.com/url?q=" + pct(u);
  UnwrapChain c = unwrap_all(u);
  EXPECT_EQ(c.wrappers.size(), 5U);
  EXPECT_TRUE(c.depth_limited);
  EXPECT_TRUE(c.destination.starts_with("https://www.google.com/url?q="));
  UnwrapChain all = unwrap_all(u, 10);
  EXPECT_EQ(all.wrappers.size(), 7U);
  EXPECT_FALSE(all.depth_limited);
  EXPECT_EQ(all.destination, "https://evil.example/");
  UnwrapChain none = unwrap_all(u, 0);
  EXPECT_TRUE(none.wrappers.empty());
  EXPECT_TRUE(none.depth_limited);
  EXPECT_EQ(none.destination, u);
}

TEST(Unwrap, NotWrappers) {
  for (std::string_view s :
       {"", "https://www.example.com/", "https://www.google.com/", "not a url at all", "http://",
        "https://[::1", "mailto:a@example.com", "javascript:alert('safelinks')",
        "https://%73afelinks.protection.outlook.com.evil.example/?url=https%3A%2F%2Fa.example"}) {
    EXPECT_FALSE(unwrap_url(s)) << s;
    UnwrapChain c = unwrap_all(s);
    EXPECT_EQ(c.destination, s);
    EXPECT_TRUE(c.wrappers.empty());
    EXPECT_FALSE(c.depth_limited);
  }
}

TEST(Unwrap, EscapedHostStillUnwraps) {
  // %XX in the host is decoded by browsers (and parse_url): still Microsoft's host.
  EXPECT_EQ(url_of("https://nam12.%73afelinks.protection.outlook.com/?url=https%3A%2F%2F"
                   "evil.example%2F&data=1"),
            "https://evil.example/");
}

TEST(Unwrap, SecondHashDoesNotBlockUnwrapping) {
  // Browsers keep further '#' in the fragment, and so does parse_url(): a second '#' does not
  // leave the link wrapped (an easy way to hide the destination otherwise).
  EXPECT_EQ(url_of(safelinks("https://evil.example/#a#b")), "https://evil.example/#a#b");
  EXPECT_EQ(url_of("https://urldefense.com/v3/__https://evil.example/a#b#c__;!!x$"),
            "https://evil.example/a#b#c");
  // An unescaped '#' in the wrapper's own query ends it: the browser never sends the rest.
  EXPECT_EQ(url_of("https://www.google.com/url?q=https://evil.example/#x#y"),
            "https://evil.example/");
}

TEST(Unwrap, EveryPrefixIsSafe) {
  // Truncated anywhere: no crash (ASan/UBSan in debug), and a result only when complete enough.
  std::string outer =
      safelinks("https://urldefense.com/v3/__https://example.com/caf*/**A/x__;w6nDvMO8!!x$");
  for (size_t n = 0; n <= outer.size(); ++n) {
    std::string_view p(outer.data(), n);
    UnwrapChain c = unwrap_all(p);
    EXPECT_LE(c.wrappers.size(), 2U);
    (void)opaque_wrapper(p);
  }
  std::string v2 = "https://urldefense.proofpoint.com/v2/url?u=https-3A__a.example_b-3Fc-3D1&d=x";
  for (size_t n = 0; n <= v2.size(); ++n) (void)unwrap_url(std::string_view(v2.data(), n));
}

}  // namespace
}  // namespace sw::phish
