// SPDX-License-Identifier: Apache-2.0
#include "phish/email.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace sw::phish {
namespace {

const Reason* find(const Verdict& v, std::string_view detector) {
  for (const auto& r : v.reasons) {
    if (r.detector == detector) return &r;
  }
  return nullptr;
}

Message parse(const std::string& text) {
  auto m = parse_message(text, "test.eml");
  EXPECT_TRUE(m.has_value());
  return m ? std::move(*m) : Message{};
}

TEST(EmailAnalyzer, OwnDomainWithoutAuthenticationIsSpoofed) {
  EmailSettings s;
  s.own_domains = {"example.com"};
  EmailAnalyzer a(s);
  Verdict v = a.analyze(parse(
      "Authentication-Results: mx.example.com; spf=fail smtp.mailfrom=example.com; dkim=none\r\n"
      "From: CEO <ceo@example.com>\r\nSubject: wire\r\nContent-Type: text/plain\r\n\r\n"
      "Please pay the attached invoice today.\r\n"));
  const Reason* r = find(v, "own_domain_spoof");
  ASSERT_NE(r, nullptr);
  EXPECT_NE(r->text.find("example.com"), std::string::npos);

  // The same From with an aligned DKIM pass is our own mail.
  Verdict ok = a.analyze(
      parse("Authentication-Results: mx.example.com; dkim=pass header.d=example.com; dmarc=pass "
            "header.from=example.com\r\n"
            "From: CEO <ceo@example.com>\r\nSubject: lunch\r\nContent-Type: text/plain\r\n\r\n"
            "Lunch at noon?\r\n"));
  EXPECT_EQ(find(ok, "own_domain_spoof"), nullptr);
  EXPECT_EQ(ok.verdict, "legitimate");

  // Without any trusted result nothing can be said either way.
  Verdict unknown = a.analyze(
      parse("From: CEO <ceo@example.com>\r\nSubject: lunch\r\nContent-Type: text/plain\r\n\r\n"
            "Lunch?\r\n"));
  EXPECT_EQ(find(unknown, "own_domain_spoof"), nullptr);
}

TEST(EmailAnalyzer, QuotedBrandAddressWithoutDomainIsMalformed) {
  EmailAnalyzer a(EmailSettings{});
  // As GMime reads it: the quoted "no-reply@Edeka.de" is the whole address, with no domain.
  Verdict v =
      a.analyze(parse("From: \"Edeka gift card\" <\"no-reply@Edeka.de\">\r\n"
                      "Subject: Gutschein\r\nContent-Type: text/plain\r\n\r\nHallo\r\n"));
  const Reason* r = find(v, "from_malformed");
  ASSERT_NE(r, nullptr) << v.verdict;
  EXPECT_NE(r->text.find("no-reply@Edeka.de"), std::string::npos) << r->text;
  Verdict ok =
      a.analyze(parse("From: Edeka <no-reply@edeka.de>\r\n"
                      "Subject: Gutschein\r\nContent-Type: text/plain\r\n\r\nHallo\r\n"));
  EXPECT_EQ(find(ok, "from_malformed"), nullptr);
}

TEST(EmailAnalyzer, MixedAlphabetWordsInSubjectOrName) {
  EmailAnalyzer a(EmailSettings{});
  // "Suspеnded" with a Cyrillic "е" (U+0435); the name "МetaMask" with a Cyrillic "М".
  Verdict v = a.analyze(parse(
      "From: =?utf-8?b?0JxldGFNYXNr?= <post@example.net>\r\n"
      "Subject: =?utf-8?b?V2FsbGV0IFN1c3DQtW5kZWQ=?=\r\nContent-Type: text/plain\r\n\r\nHi\r\n"));
  const Reason* r = find(v, "confusable_text");
  ASSERT_NE(r, nullptr) << v.subject;
  EXPECT_NE(r->text.find("Susp\xd0\xb5nded"), std::string::npos) << r->text;
  // Honest Russian or Greek text is not mixed within a word.
  Verdict ru =
      a.analyze(parse("From: a@example.ru\r\nSubject: =?utf-8?b?0J/RgNC40LLQtdGCIFRvbQ==?=\r\n"
                      "Content-Type: text/plain\r\n\r\nHi\r\n"));
  EXPECT_EQ(find(ru, "confusable_text"), nullptr) << ru.subject;
}

TEST(EmailAnalyzer, StyledLettersAndMissingSender) {
  EmailAnalyzer a(EmailSettings{});
  // Subject in mathematical bold capitals: "SELL" (U+1D412 U+1D404 U+1D40B U+1D40B).
  Verdict v =
      a.analyze(parse("From: Deals <d@example.net>\r\n"
                      "Subject: \xf0\x9d\x90\x92\xf0\x9d\x90\x84\xf0\x9d\x90\x8b"
                      "\xf0\x9d\x90\x8b now\r\nContent-Type: text/plain\r\n\r\nHi\r\n"));
  EXPECT_NE(find(v, "styled_letters"), nullptr);
  EXPECT_EQ(find(v, "no_sender"), nullptr);
  Verdict plain =
      a.analyze(parse("From: Deals <d@example.net>\r\nSubject: SELL now\r\n"
                      "Content-Type: text/plain\r\n\r\nHi\r\n"));
  EXPECT_EQ(find(plain, "styled_letters"), nullptr);

  Verdict nobody = a.analyze(
      parse("From: Facebook <>\r\nSubject: login\r\nContent-Type: text/plain\r\n\r\nHi\r\n"));
  EXPECT_NE(find(nobody, "no_sender"), nullptr);
}

TEST(EmailAnalyzer, TextAndHtmlThatDisagree) {
  EmailAnalyzer a(EmailSettings{});
  std::string text =
      "Meeting notes about quarterly planning budget review schedule project timeline "
      "resources hiring roadmap priorities quality testing release deployment customers "
      "support documentation training security audit compliance\r\n";
  std::string html =
      "<p>Congratulations winner claim your prize money reward gift voucher lottery "
      "jackpot bonus instantly today unclaimed funds transfer beneficiary inheritance "
      "million dollars payment processing verification account</p>";
  std::string msg =
      "From: a@example.org\r\nSubject: notes\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\n"
      "Content-Type: text/plain\r\n\r\n" +
      text + "--b\r\nContent-Type: text/html\r\n\r\n" + html + "\r\n--b--\r\n";
  Verdict v = a.analyze(parse(msg));
  EXPECT_NE(find(v, "parts_disagree"), nullptr);

  std::string same =
      "From: a@example.org\r\nSubject: notes\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\n"
      "Content-Type: text/plain\r\n\r\n" +
      text + "--b\r\nContent-Type: text/html\r\n\r\n<p>" + text + "</p>\r\n--b--\r\n";
  EXPECT_EQ(find(a.analyze(parse(same)), "parts_disagree"), nullptr);
}

TEST(EmailAnalyzer, AttachedMessageReasonsAreFoldedIn) {
  EmailAnalyzer a(EmailSettings{});
  std::string inner =
      "From: PayPal <service@paypa1-secure.xyz>\r\nSubject: verify\r\n"
      "Content-Type: text/html\r\n\r\n"
      "<a href=\"http://paypa1-secure.xyz/login\">https://www.paypal.com/</a>\r\n";
  std::string outer =
      "From: Colleague <bob@example.org>\r\nSubject: Fwd: is this real?\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/mixed; boundary=o\r\n\r\n--o\r\nContent-Type: text/plain\r\n\r\n"
      "Look at this one.\r\n--o\r\nContent-Type: message/rfc822\r\n\r\n" +
      inner + "\r\n--o--\r\n";
  Verdict v = a.analyze(parse(outer));
  bool folded = std::any_of(v.reasons.begin(), v.reasons.end(), [](const Reason& r) {
    return r.text.rfind("In the attached message from PayPal <service@paypa1-secure.xyz>", 0) == 0;
  });
  EXPECT_TRUE(folded);
  EXPECT_NE(v.verdict, "legitimate");
}

TEST(EmailAnalyzer, UrlModeUsesItsOwnThresholds) {
  EmailSettings s;
  s.url_thresholds = {10, 20};
  EmailAnalyzer a(s);
  Verdict v = a.analyze_url("http://198.51.100.7/login");
  EXPECT_EQ(v.kind, "url");
  EXPECT_EQ(v.verdict, "phishing");
  Verdict bad = a.analyze_url("http://[::1");
  EXPECT_EQ(bad.verdict, "error");
  EXPECT_FALSE(bad.notes.empty());
}

}  // namespace
}  // namespace sw::phish
