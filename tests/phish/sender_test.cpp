// SPDX-License-Identifier: Apache-2.0
// Sender detectors: each one firing and staying quiet, with exact points and the domains named
// in the text; mailing-list awareness; the helpers. Messages are built here field by field.
#include "phish/sender.h"

#include <algorithm>
#include <string>

#include <gtest/gtest.h>

namespace sw::phish {
namespace {

const UrlAnalyzer& urls() {
  static const UrlAnalyzer a{UrlOptions{}};
  return a;
}

Mailbox mailbox(std::string name, std::string address) {
  Mailbox m;
  m.display_name = std::move(name);
  m.address = address;
  size_t at = address.rfind('@');
  if (at != std::string::npos) {
    m.domain = address.substr(at + 1);
    std::transform(m.domain.begin(), m.domain.end(), m.domain.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  }
  return m;
}

Message from(std::string name, std::string address) {
  Message m;
  m.from.push_back(mailbox(std::move(name), std::move(address)));
  return m;
}

const Reason* find(const std::vector<Reason>& rs, std::string_view detector) {
  auto it =
      std::find_if(rs.begin(), rs.end(), [&](const Reason& r) { return r.detector == detector; });
  return it == rs.end() ? nullptr : &*it;
}

std::string ids(const std::vector<Reason>& rs) {
  std::string s;
  for (const auto& r : rs) s += r.detector + "(" + std::to_string(r.points) + ") ";
  return s;
}

bool has_party(const Reason& r, Party p) {
  return std::any_of(r.follow_ups.begin(), r.follow_ups.end(),
                     [&](const FollowUp& f) { return f.party == p; });
}

TEST(SenderHelpers, RegistrableFreemailLists) {
  EXPECT_EQ(registrable_domain("a@Mail.Example.co.uk"), "example.co.uk");
  EXPECT_EQ(registrable_domain("bounce.example.org"), "example.org");
  EXPECT_EQ(registrable_domain(""), "");
  EXPECT_TRUE(is_freemail("gmail.com", default_freemail_domains()));
  EXPECT_TRUE(is_freemail("yahoo.co.uk", default_freemail_domains()));
  EXPECT_TRUE(is_freemail("gmx.de", default_freemail_domains()));
  EXPECT_FALSE(is_freemail("example.com", default_freemail_domains()));
  EXPECT_FALSE(is_freemail("notgmail.com", default_freemail_domains()));
  Message m;
  EXPECT_FALSE(is_list_mail(m));
  m.headers.push_back({"list-id", "<linux-man.vger.kernel.org>"});
  EXPECT_TRUE(is_list_mail(m));
  Message p;
  p.headers.push_back({"Precedence", "list"});
  EXPECT_TRUE(is_list_mail(p));
}

TEST(SenderHelpers, NamesInDisplayName) {
  EXPECT_EQ(names_in_display_name("support@Apple.com"),
            std::vector<std::string>{"support@apple.com"});
  EXPECT_EQ(names_in_display_name("PayPal.com Service"), std::vector<std::string>{"paypal.com"});
  EXPECT_TRUE(names_in_display_name("J.R. Smith").empty());
  EXPECT_TRUE(names_in_display_name("Node.js Weekly").empty());
  EXPECT_TRUE(names_in_display_name("Version 2.0").empty());
  EXPECT_TRUE(names_in_display_name("@handle").empty());
}

TEST(SenderAuth, DmarcFailNamesTheDomainAndRoutesToAdmin) {
  Message m = from("Costco", "noreply@costco.com");
  AuthSummary a;
  a.present = true;
  a.dmarc = "fail";
  a.dmarc_from = "costco.com";
  a.dmarc_action = "none";
  a.compauth = "fail";
  a.compauth_reason = "001";
  a.spf = "fail";
  auto rs = auth_reasons(m, a, SenderPoints{});
  const Reason* r = find(rs, "dmarc_fail");
  ASSERT_NE(r, nullptr) << ids(rs);
  EXPECT_EQ(r->points, 40);
  EXPECT_NE(r->text.find("costco.com"), std::string::npos);
  EXPECT_TRUE(has_party(*r, Party::kRecipient));
  EXPECT_TRUE(has_party(*r, Party::kMailAdmin));
  // DMARC already says it: no double counting by compauth or SPF.
  EXPECT_EQ(find(rs, "compauth_fail"), nullptr);
  EXPECT_EQ(find(rs, "spf_fail"), nullptr);
  EXPECT_EQ(rs.size(), 1u) << ids(rs);
}

TEST(SenderAuth, CompauthSpfDkimWithoutDmarcFail) {
  Message m = from("", "x@shop-test.com");
  AuthSummary a;
  a.present = true;
  a.dmarc = "none";
  a.compauth = "fail";
  a.compauth_reason = "001";
  a.spf = "softfail";
  a.spf_domain = "bounce-test.com";
  a.dkim = {{"shop-test.com", "fail", "bad signature"}};
  auto rs = auth_reasons(m, a, SenderPoints{});
  ASSERT_NE(find(rs, "compauth_fail"), nullptr) << ids(rs);
  EXPECT_EQ(find(rs, "compauth_fail")->points, 35);
  EXPECT_NE(find(rs, "compauth_fail")->text.find("no DMARC policy"), std::string::npos);
  ASSERT_NE(find(rs, "spf_fail"), nullptr);
  EXPECT_EQ(find(rs, "spf_fail")->points, 5);
  EXPECT_NE(find(rs, "spf_fail")->text.find("bounce-test.com"), std::string::npos);
  ASSERT_NE(find(rs, "dkim_fail"), nullptr);
  EXPECT_EQ(find(rs, "dkim_fail")->points, 10);
  const Reason* none = find(rs, "dmarc_none");
  ASSERT_NE(none, nullptr);
  EXPECT_EQ(none->points, 5);
  EXPECT_TRUE(has_party(*none, Party::kOrganization));
  EXPECT_NE(none->follow_ups[0].action.find("shop-test.com"), std::string::npos);
}

TEST(SenderAuth, TrustedArcSealerTurnsFailuresIntoANote) {
  Message m = from("Alice", "alice@a.com");
  m.headers.push_back(
      {"Authentication-Results", "mx.ours.example; arc=pass; dmarc=fail header.from=a.com"});
  m.headers.push_back({"ARC-Seal", "i=1; cv=none; d=lists.example.org; s=arc; b=x"});
  m.headers.push_back(
      {"ARC-Authentication-Results", "i=1; lists.example.org; dmarc=pass header.from=a.com"});
  SenderOptions o;
  EXPECT_NE(find(check_sender(m, urls(), o), "dmarc_fail"), nullptr);
  o.auth.trusted_arc_sealers = {"lists.example.org"};
  auto rs = check_sender(m, urls(), o);
  EXPECT_EQ(find(rs, "dmarc_fail"), nullptr) << ids(rs);
  const Reason* r = find(rs, "arc_vouched");
  ASSERT_NE(r, nullptr) << ids(rs);
  EXPECT_EQ(r->points, 0);
  EXPECT_NE(r->text.find("lists.example.org"), std::string::npos);
}

TEST(SenderAuth, PassesAndNoResultsAreQuiet) {
  Message m = from("", "x@example.com");
  AuthSummary a;
  a.present = true;
  a.dmarc = "pass";
  a.spf = "pass";
  a.compauth = "pass";
  a.dkim = {{"example.com", "pass", ""}, {"other.org", "fail", ""}};
  EXPECT_TRUE(auth_reasons(m, a, SenderPoints{}).empty());
  EXPECT_TRUE(auth_reasons(m, AuthSummary{}, SenderPoints{}).empty());
}

TEST(SenderAuth, ForgedHeaderFromSummary) {
  Message m = from("Bank", "x@bank-test.com");
  m.headers = {
      {"Authentication-Results", "mx.ours-test.com; dmarc=fail header.from=bank-test.com"},
      {"Authentication-Results", "evil-test.com; dmarc=pass header.from=bank-test.com"},
  };
  auto rs = check_sender(m, urls(), SenderOptions{});
  const Reason* r = find(rs, "forged_auth_header");
  ASSERT_NE(r, nullptr) << ids(rs);
  EXPECT_EQ(r->points, 20);
  EXPECT_NE(r->text.find("'evil-test.com'"), std::string::npos) << r->text;
  EXPECT_NE(r->text.find("'fail'"), std::string::npos) << r->text;
  ASSERT_NE(find(rs, "dmarc_fail"), nullptr);

  // A lower header agreeing with the trusted pass is not a signal.
  m.headers[0].value = "mx.ours-test.com; dmarc=pass header.from=bank-test.com";
  EXPECT_EQ(find(check_sender(m, urls(), SenderOptions{}), "forged_auth_header"), nullptr);

  // A pass the trusted receiver did not report at all counts half.
  m.headers[0].value = "mx.ours-test.com; spf=pass smtp.mailfrom=bank-test.com";
  auto half = check_sender(m, urls(), SenderOptions{});
  const Reason* h = find(half, "forged_auth_header");
  ASSERT_NE(h, nullptr) << ids(half);
  EXPECT_EQ(h->points, 10);
  EXPECT_NE(h->text.find("did not report it"), std::string::npos) << h->text;
}

TEST(SenderAlignment, ReplyToFreemailOnCompanyFrom) {
  Message m = from("Accounts", "billing@supplier-test.com");
  m.reply_to.push_back(mailbox("", "supplier.billing@gmail.com"));
  auto rs = alignment_reasons(m, AuthSummary{}, SenderOptions{});
  const Reason* r = find(rs, "reply_to_freemail");
  ASSERT_NE(r, nullptr) << ids(rs);
  EXPECT_EQ(r->points, 30);
  EXPECT_NE(r->text.find("supplier.billing@gmail.com"), std::string::npos);
  EXPECT_NE(r->text.find("supplier-test.com"), std::string::npos);
  EXPECT_EQ(find(rs, "reply_to_mismatch"), nullptr);
}

TEST(SenderAlignment, ReplyToOtherDomainAndSameDomain) {
  Message m = from("", "news@shop-test.com");
  m.reply_to.push_back(mailbox("", "help@elsewhere-test.com"));
  auto rs = alignment_reasons(m, AuthSummary{}, SenderOptions{});
  ASSERT_NE(find(rs, "reply_to_mismatch"), nullptr) << ids(rs);
  EXPECT_EQ(find(rs, "reply_to_mismatch")->points, 10);

  Message same = from("", "news@shop-test.com");
  same.reply_to.push_back(mailbox("", "help@support.shop-test.com"));
  EXPECT_TRUE(alignment_reasons(same, AuthSummary{}, SenderOptions{}).empty());

  // Free mail to free mail is not the company-vs-free-mail pattern.
  Message free = from("", "someone@gmail.com");
  free.reply_to.push_back(mailbox("", "other@outlook.com"));
  auto fr = alignment_reasons(free, AuthSummary{}, SenderOptions{});
  EXPECT_EQ(find(fr, "reply_to_freemail"), nullptr);
  EXPECT_NE(find(fr, "reply_to_mismatch"), nullptr);
}

TEST(SenderAlignment, ReturnPathSenderDkimAndLists) {
  Message m = from("", "a@shop-test.com");
  m.return_path = "bounces+123@esp-test.com";
  m.sender.push_back(mailbox("", "agent@esp-test.com"));
  AuthSummary a;
  a.present = true;
  a.dkim = {{"esp-test.com", "pass", ""}};
  auto rs = alignment_reasons(m, a, SenderOptions{});
  ASSERT_NE(find(rs, "return_path_mismatch"), nullptr) << ids(rs);
  EXPECT_EQ(find(rs, "return_path_mismatch")->points, 2);
  EXPECT_NE(find(rs, "return_path_mismatch")->text.find("esp-test.com"), std::string::npos);
  ASSERT_NE(find(rs, "sender_mismatch"), nullptr);
  ASSERT_NE(find(rs, "dkim_unaligned"), nullptr);
  EXPECT_EQ(find(rs, "dkim_unaligned")->points, 5);

  // The same on a mailing list: From/Return-Path/Sender mismatches are how lists work.
  m.list_id = "<dev.lists-test.com>";
  auto lr = alignment_reasons(m, a, SenderOptions{});
  EXPECT_EQ(find(lr, "return_path_mismatch"), nullptr) << ids(lr);
  EXPECT_EQ(find(lr, "sender_mismatch"), nullptr);

  // Aligned DKIM (subdomain of the From's registrable domain) is quiet.
  Message ok = from("", "a@shop-test.com");
  ok.return_path = "b@mail.shop-test.com";
  AuthSummary aligned;
  aligned.dkim = {{"mail.shop-test.com", "pass", ""}};
  EXPECT_TRUE(alignment_reasons(ok, aligned, SenderOptions{}).empty());
}

TEST(SenderAlignment, FromWithoutARealDomainIsNotAligned) {
  Message m = from("", "someone@localhost");
  m.return_path = "x@other-test.com";
  m.reply_to.push_back(mailbox("", "y@gmail.com"));
  EXPECT_TRUE(alignment_reasons(m, AuthSummary{}, SenderOptions{}).empty());
}

TEST(SenderName, BrandFromAnotherDomain) {
  Message m = from("PayPal Service", "x@paypa1-secure.xyz");
  auto rs = display_name_reasons(m, urls(), SenderOptions{});
  const Reason* r = find(rs, "name_brand");
  ASSERT_NE(r, nullptr) << ids(rs);
  EXPECT_EQ(r->points, 45);
  EXPECT_EQ(r->text,
            "the sender's name says 'PayPal Service', but the message comes from "
            "paypa1-secure.xyz, which does not belong to paypal.com");
  EXPECT_TRUE(has_party(*r, Party::kOrganization));

  // The brand's own domains (and its family) are quiet.
  EXPECT_TRUE(
      display_name_reasons(from("PayPal", "service@paypal.com"), urls(), SenderOptions{}).empty());
  EXPECT_TRUE(
      display_name_reasons(from("PayPal", "service@mail.paypal.de"), urls(), SenderOptions{})
          .empty());
  EXPECT_TRUE(
      display_name_reasons(from("Outlook Team", "no-reply@microsoft.com"), urls(), SenderOptions{})
          .empty());
}

TEST(SenderName, GenericBrandWordsNeedServiceContext) {
  EXPECT_NE(
      find(display_name_reasons(from("Apple Support", "a@x-test.com"), urls(), {}), "name_brand"),
      nullptr);
  EXPECT_NE(
      find(display_name_reasons(from("DHL Express", "a@x-test.com"), urls(), {}), "name_brand"),
      nullptr);
  EXPECT_NE(
      find(display_name_reasons(from("Bank of America", "a@x-test.com"), urls(), {}), "name_brand"),
      nullptr);
  EXPECT_EQ(find(display_name_reasons(from("Chase Miller", "chase@x-test.com"), urls(), {}),
                 "name_brand"),
            nullptr);
  EXPECT_EQ(
      find(display_name_reasons(from("Office Manager", "om@x-test.com"), urls(), {}), "name_brand"),
      nullptr);
  EXPECT_EQ(
      find(display_name_reasons(from("Follow-ups Desk", "d@x-test.com"), urls(), {}), "name_brand"),
      nullptr);
  EXPECT_EQ(
      find(display_name_reasons(from("Pineapple Farm", "p@x-test.com"), urls(), {}), "name_brand"),
      nullptr);
}

TEST(SenderName, AddressOrDomainInTheName) {
  auto rs = display_name_reasons(from("billing@acme-corp-test.com", "evil@x.ru"), urls(), {});
  const Reason* r = find(rs, "name_has_address");
  ASSERT_NE(r, nullptr) << ids(rs);
  EXPECT_EQ(r->points, 35);
  EXPECT_NE(r->text.find("billing@acme-corp-test.com"), std::string::npos);
  EXPECT_NE(r->text.find("evil@x.ru"), std::string::npos);

  // A brand's address in the name is the brand detector's, not counted twice.
  auto brand = display_name_reasons(from("support@apple.com", "evil@x.ru"), urls(), {});
  EXPECT_NE(find(brand, "name_brand"), nullptr) << ids(brand);
  EXPECT_EQ(find(brand, "name_has_address"), nullptr) << ids(brand);

  auto dom =
      display_name_reasons(from("Shop-test.com Deals", "n@mailer.other-test.com"), urls(), {});
  ASSERT_NE(find(dom, "name_has_domain"), nullptr) << ids(dom);
  EXPECT_EQ(find(dom, "name_has_domain")->points, 5);

  // Its own address or domain in the name is fine.
  EXPECT_TRUE(
      display_name_reasons(from("joe@shop-test.com", "joe@shop-test.com"), urls(), {}).empty());
  EXPECT_TRUE(
      display_name_reasons(from("Shop-test.com", "news@mail.shop-test.com"), urls(), {}).empty());
}

TEST(SenderName, ListViaNamesAreQuiet) {
  Message m = from("'someone@corp-test.com' via Dev Group", "dev@groups-test.com");
  m.list_id = "<dev.groups-test.com>";
  EXPECT_TRUE(display_name_reasons(m, urls(), {}).empty());
}

TEST(SenderName, ProtectedPerson) {
  SenderOptions o;
  o.protected_people = {{"Jane Doe", {"corp-test.com"}}};
  auto rs = display_name_reasons(from("Doe, Jane", "jane.doe.ceo@gmail.com"), urls(), o);
  const Reason* r = find(rs, "name_person");
  ASSERT_NE(r, nullptr) << ids(rs);
  EXPECT_EQ(r->points, 50);
  EXPECT_NE(r->text.find("jane.doe.ceo@gmail.com"), std::string::npos);
  EXPECT_TRUE(has_party(*r, Party::kOrganization));
  EXPECT_TRUE(display_name_reasons(from("Jane Doe", "jane@mail.corp-test.com"), urls(), o).empty());
  EXPECT_TRUE(display_name_reasons(from("Jane Smith", "js@gmail.com"), urls(), o).empty());
}

TEST(SenderName, EncodedFromHidesAddress) {
  Message m = from("service@bank-test.com", "x@y-test.com");
  m.encoded_from_hides_address = true;
  auto rs = display_name_reasons(m, urls(), {});
  ASSERT_NE(find(rs, "encoded_from_hides_address"), nullptr) << ids(rs);
  EXPECT_EQ(find(rs, "encoded_from_hides_address")->points, 25);
}

TEST(SenderDomain, LookalikeMixedScriptBrand) {
  auto look = sender_domain_reasons(from("", "a@paypa1.com"), urls(), {});
  ASSERT_NE(find(look, "sender_lookalike"), nullptr) << ids(look);
  EXPECT_EQ(find(look, "sender_lookalike")->points, 60);
  EXPECT_NE(find(look, "sender_lookalike")->text.find("paypal.com"), std::string::npos);
  EXPECT_TRUE(has_party(*find(look, "sender_lookalike"), Party::kOrganization));

  // Cyrillic 'а' in "pаypal".
  auto mixed = sender_domain_reasons(from("", "a@p\xD0\xB0ypal.com"), urls(), {});
  EXPECT_NE(find(mixed, "sender_mixed_script"), nullptr) << ids(mixed);

  auto brand = sender_domain_reasons(from("", "a@paypal-secure.xyz"), urls(), {});
  ASSERT_NE(find(brand, "sender_brand_in_domain"), nullptr) << ids(brand);
  EXPECT_EQ(find(brand, "sender_brand_in_domain")->points, 30);

  // A brand label ending a longer word, real neighbours and the brand itself are quiet.
  EXPECT_TRUE(sender_domain_reasons(from("", "a@shagmail.com"), urls(), {}).empty());
  // A Microsoft 365 tenant is no lookalike of microsoft.com (it is a free host: see below).
  EXPECT_EQ(find(sender_domain_reasons(from("", "a@tenant.onmicrosoft.com"), urls(), {}),
                 "sender_lookalike"),
            nullptr);
  EXPECT_TRUE(sender_domain_reasons(from("", "a@mail.com"), urls(), {}).empty());
  EXPECT_TRUE(sender_domain_reasons(from("", "a@paypal.com"), urls(), {}).empty());

  // The Reply-To domain is checked as well.
  Message m = from("", "a@shop-test.com");
  m.reply_to.push_back(mailbox("", "b@micros0ft.com"));
  auto rr = sender_domain_reasons(m, urls(), {});
  ASSERT_NE(find(rr, "sender_lookalike"), nullptr) << ids(rr);
  EXPECT_EQ(find(rr, "sender_lookalike")->text.rfind("replies to this message go to", 0), 0u);
}

TEST(SenderDomain, MachineMadeAndFreeHostDomains) {
  SenderOptions o;
  auto rs = sender_domain_reasons(from("CVS Pharmacy", "02dhn@3i04bit0zm.com"), urls(), o);
  const Reason* r = find(rs, "sender_random_domain");
  ASSERT_NE(r, nullptr) << ids(rs);
  EXPECT_EQ(r->points, 20);
  EXPECT_NE(r->text.find("3i04bit0zm"), std::string::npos) << r->text;
  // Subdomain jumbles count too; the reply-to domain does not.
  EXPECT_NE(find(sender_domain_reasons(from("x", "a@mail.k9x7pq2zr.example.com"), urls(), o),
                 "sender_random_domain"),
            nullptr);
  // Names people choose: digits at one end, short labels, words.
  for (const char* addr : {"a@mail163.com", "b@web2py.com", "c@kernel.org", "d@365datascience.com",
                           "e@x1.example.com", "f@linux-foundation.org"}) {
    EXPECT_EQ(find(sender_domain_reasons(from("x", addr), urls(), o), "sender_random_domain"),
              nullptr)
        << addr;
  }
  auto tenant = sender_domain_reasons(from("Best Buy", "x@v27dnkoozs.onmicrosoft.com"), urls(), o);
  const Reason* t = find(tenant, "sender_free_host");
  ASSERT_NE(t, nullptr) << ids(tenant);
  EXPECT_NE(t->text.find("onmicrosoft.com"), std::string::npos);
  EXPECT_EQ(
      find(sender_domain_reasons(from("MS", "x@microsoft.com"), urls(), o), "sender_free_host"),
      nullptr);
}

TEST(SenderDomain, MalformedFromAddress) {
  SenderOptions o;
  // A quoted local part carrying '@' and no domain: shows as a brand's address, checks as none.
  auto rs = sender_domain_reasons(from("Edeka gift card", "\"no-reply@Edeka.de\""), urls(), o);
  const Reason* r = find(rs, "from_malformed");
  ASSERT_NE(r, nullptr) << ids(rs);
  EXPECT_EQ(r->points, 30);
  EXPECT_NE(r->text.find("no-reply@Edeka.de"), std::string::npos) << r->text;
  EXPECT_NE(
      find(sender_domain_reasons(from("Congratulations!", "vfuloCN@<noreply@digid.nl"), urls(), o),
           "from_malformed"),
      nullptr);
  // A single-label domain behind a name that claims someone.
  auto dotless = sender_domain_reasons(from("Correios", "contato@correios"), urls(), o);
  const Reason* d = find(dotless, "from_malformed");
  ASSERT_NE(d, nullptr) << ids(dotless);
  EXPECT_NE(d->text.find("@correios"), std::string::npos) << d->text;
  // No claim (the address is its own name, or there is no name), or a real domain: quiet.
  for (const Message& m : {from("root@server1", "root@server1"), from("", "root@server1"),
                           from("Correios", "contato@correios.com.br")}) {
    EXPECT_EQ(find(sender_domain_reasons(m, urls(), o), "from_malformed"), nullptr)
        << m.from[0].address;
  }
}

TEST(SenderDomain, RandomLocalPart) {
  SenderOptions o;
  for (const char* addr :
       {"EVzJgFo@eaux.example.com", "DgcPUJUlz@x.example", "XhFTOvfL@a.example"}) {
    auto rs = sender_domain_reasons(from("Shop", addr), urls(), o);
    const Reason* r = find(rs, "sender_random_local");
    ASSERT_NE(r, nullptr) << addr << " " << ids(rs);
    EXPECT_EQ(r->points, 10);
  }
  // Chosen names, capitals and all, and bulk-mail tracking codes with digits: quiet.
  for (const char* addr : {"JohnMcDonald@example.com", "noreply@example.com", "INFO@example.com",
                           "Online#3.20351.c6-p402lCSzguclhRRR.1@newsletter.example.com",
                           "john.smith@example.com", "AbCdE@example.com"}) {
    EXPECT_EQ(find(sender_domain_reasons(from("x", addr), urls(), o), "sender_random_local"),
              nullptr)
        << addr;
  }
}

TEST(SenderAll, PointsZeroDisables) {
  SenderOptions o;
  o.points.name_brand = 0;
  EXPECT_EQ(find(check_sender(from("PayPal", "x@evil-test.com"), urls(), o), "name_brand"),
            nullptr);
  EXPECT_NE(find(check_sender(from("PayPal", "x@evil-test.com"), urls(), {}), "name_brand"),
            nullptr);
}

}  // namespace
}  // namespace sw::phish
