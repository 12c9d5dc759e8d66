// SPDX-License-Identifier: Apache-2.0
// Authentication-Results parsing (RFC 8601 forms, Microsoft's id-less form, SpamAssassin's
// nice/authres oddities, junk) and the trust rule of summarize_auth(). Headers are written here.
#include "phish/authres.h"

#include <string>

#include <gtest/gtest.h>

namespace sw::phish {
namespace {

Message with_headers(std::vector<std::pair<std::string, std::string>> hs) {
  Message m;
  for (auto& [n, v] : hs) m.headers.push_back({n, v});
  return m;
}

TEST(AuthResParse, StandardHeaderWithVersionAndProperties) {
  auto h = parse_authres(
      "mx.example.net 1; spf=pass smtp.mailfrom=bounce.example.org; "
      "dkim=pass (2048-bit key; unprotected) header.d=example.org header.i=@example.org "
      "header.b=SI+iq/kld; dmarc=fail (p=reject dis=none) header.from=example.org");
  ASSERT_TRUE(h) << h.error().message();
  EXPECT_EQ(h->authserv_id, "mx.example.net");
  EXPECT_EQ(h->version, "1");
  ASSERT_EQ(h->results.size(), 3u);
  EXPECT_EQ(h->results[0].method, "spf");
  EXPECT_EQ(h->results[0].result, "pass");
  EXPECT_EQ(h->results[0].property("smtp.mailfrom"), "bounce.example.org");
  EXPECT_EQ(h->results[1].method, "dkim");
  EXPECT_EQ(h->results[1].comment, "2048-bit key; unprotected");
  EXPECT_EQ(h->results[1].property("header.b"), "SI+iq/kld");
  EXPECT_EQ(h->results[1].property("header.i"), "@example.org");
  EXPECT_EQ(h->results[2].result, "fail");
  EXPECT_EQ(h->results[2].comment, "p=reject dis=none");
  EXPECT_TRUE(h->problems.empty());
}

TEST(AuthResParse, MicrosoftIdlessForm) {
  auto h = parse_authres(
      "spf=pass (sender IP is 1.2.3.4) smtp.mailfrom=x.com; dkim=none (message not signed) "
      "header.d=none;dmarc=fail action=none header.from=y.com;compauth=fail reason=001");
  ASSERT_TRUE(h) << h.error().message();
  EXPECT_EQ(h->authserv_id, "");
  ASSERT_EQ(h->results.size(), 4u);
  EXPECT_EQ(h->results[0].comment, "sender IP is 1.2.3.4");
  EXPECT_EQ(h->results[1].result, "none");
  EXPECT_EQ(h->results[1].property("header.d"), "none");
  EXPECT_EQ(h->results[2].property("action"), "none");
  EXPECT_EQ(h->results[2].property("header.from"), "y.com");
  EXPECT_EQ(h->results[3].method, "compauth");
  EXPECT_EQ(h->results[3].result, "fail");
  EXPECT_EQ(h->results[3].reason, "001");
}

TEST(AuthResParse, SpamAssassinOddities) {
  // Comment between "reason" and '=', a quoted reason with specials, nested comments.
  auto h = parse_authres(
      "authrestest4int 2; spf=fail reason (BAH) = \"just some (<>.%&! reason\" "
      "smtp.mailfrom=dogma.slashnull.org");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->version, "2");
  ASSERT_EQ(h->results.size(), 1u);
  EXPECT_EQ(h->results[0].reason, "just some (<>.%&! reason");
  EXPECT_EQ(h->results[0].property("smtp.mailfrom"), "dogma.slashnull.org");

  auto q = parse_authres(
      "authrestest6int; dkim=fail (2048-bit key (nested (deep)) x) header.d=gmail.com "
      "header.i=\" foo bar \\\"xyz\\\"@gmail.com\"");
  ASSERT_TRUE(q);
  ASSERT_EQ(q->results.size(), 1u);
  EXPECT_EQ(q->results[0].comment, "2048-bit key (nested (deep)) x");
  EXPECT_EQ(q->results[0].property("header.i"), " foo bar \"xyz\"@gmail.com");
}

TEST(AuthResParse, NoneAndQuotedIdAndMethodVersion) {
  auto n = parse_authres("example.com; none");
  ASSERT_TRUE(n);
  EXPECT_TRUE(n->no_result);
  EXPECT_TRUE(n->results.empty());

  auto v = parse_authres("\"Mail.Example.COM\"; (c) dkim/1 = pass header.d = example.com");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->authserv_id, "mail.example.com");
  ASSERT_EQ(v->results.size(), 1u);
  EXPECT_EQ(v->results[0].method, "dkim");
  EXPECT_EQ(v->results[0].version, "1");
  EXPECT_EQ(v->results[0].property("header.d"), "example.com");
}

TEST(AuthResParse, ArcInstancePrefix) {
  auto a = parse_arc_authres(
      "i=2; mx.microsoft.com 1; spf=pass (sender ip is 40.107.6.94) "
      "smtp.rcpttodomain=hotmail.com smtp.mailfrom=x.org; arc=pass (0 oda=1 ltdi=1 "
      "spf=[1,1,smtp.mailfrom=x.org]); dmarc=bestguesspass action=none header.from=x.org");
  ASSERT_TRUE(a) << a.error().message();
  EXPECT_EQ(a->arc_instance, 2);
  EXPECT_EQ(a->authserv_id, "mx.microsoft.com");
  EXPECT_EQ(a->version, "1");
  ASSERT_EQ(a->results.size(), 3u);
  EXPECT_EQ(a->results[1].method, "arc");
  EXPECT_EQ(a->results[2].result, "bestguesspass");
  EXPECT_FALSE(parse_arc_authres("mx.example.com; spf=pass"));
  EXPECT_FALSE(parse_arc_authres("i=0; mx.example.com; spf=pass"));
  EXPECT_FALSE(parse_arc_authres("i=99; mx.example.com; spf=pass"));
}

TEST(AuthResParse, JunkIsAnErrorOrPartialNeverACrash) {
  EXPECT_FALSE(parse_authres(""));
  EXPECT_FALSE(parse_authres("   (only a comment)  "));
  EXPECT_FALSE(parse_authres("=;=;="));
  auto p = parse_authres("mx.example.com; spf pass; dkim=pass header.d=ok.org; ===; dmarc=");
  ASSERT_TRUE(p);
  ASSERT_EQ(p->results.size(), 1u);
  EXPECT_EQ(p->results[0].method, "dkim");
  EXPECT_GE(p->problems.size(), 2u);
  auto u = parse_authres("mx.example.com; spf=pass (never closed");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->results.size(), 1u);
  EXPECT_FALSE(u->problems.empty());
  auto q = parse_authres("mx.example.com; dkim=pass header.i=\"never closed");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->results[0].property("header.i"), "never closed");
}

TEST(AuthResParse, LimitsAreNoted) {
  std::string many = "mx.example.com";
  for (int i = 0; i < 100; ++i) many += "; spf=pass";
  auto h = parse_authres(many);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->results.size(), kMaxAuthResResults);
  EXPECT_FALSE(h->problems.empty());
  std::string big = "mx.example.com; spf=pass smtp.mailfrom=" + std::string(40000, 'a');
  auto b = parse_authres(big);
  ASSERT_TRUE(b);
  EXPECT_FALSE(b->problems.empty());
}

TEST(AuthDomain, TakesTheDomainPart) {
  EXPECT_EQ(auth_domain("user@Example.COM"), "example.com");
  EXPECT_EQ(auth_domain("@example.org"), "example.org");
  EXPECT_EQ(auth_domain("<a@b.example.>"), "b.example");
  EXPECT_EQ(auth_domain("x.com"), "x.com");
}

TEST(AuthSummary, TopmostIdIsTrustedAndForgedLowerHeaderIgnored) {
  auto m = with_headers({
      {"Received", "from a by b"},
      {"Authentication-Results", "mx.victim.example; dmarc=fail (p=reject) header.from=bank.com"},
      {"Authentication-Results", "mx.victim.example; spf=softfail smtp.mailfrom=evil.xyz"},
      {"Received", "from c by d"},
      {"Authentication-Results", "forged.example; dmarc=pass header.from=bank.com; spf=pass"},
  });
  AuthSummary s = summarize_auth(m);
  EXPECT_TRUE(s.present);
  EXPECT_EQ(s.authserv_id, "mx.victim.example");
  EXPECT_EQ(s.dmarc, "fail");
  EXPECT_EQ(s.dmarc_from, "bank.com");
  EXPECT_EQ(s.dmarc_policy, "reject");
  EXPECT_EQ(s.spf, "softfail");
  EXPECT_EQ(s.spf_domain, "evil.xyz");
  EXPECT_EQ(s.ignored_headers, 1u);
  ASSERT_EQ(s.ignored_ids.size(), 1u);
  EXPECT_EQ(s.ignored_ids[0], "forged.example");
  ASSERT_EQ(s.untrusted_pass.size(), 2u);
  EXPECT_EQ(s.untrusted_pass[0].method, "dmarc");
  EXPECT_EQ(s.untrusted_pass[0].domain, "bank.com");
}

TEST(AuthSummary, ConfiguredIdsWin) {
  auto m = with_headers({
      {"Authentication-Results", "relay.other.example; dmarc=pass header.from=a.com"},
      {"Authentication-Results", "MX.Ours.Example; dmarc=none header.from=a.com"},
  });
  AuthOptions o;
  o.trusted_authserv_ids = {"mx.ours.example"};
  AuthSummary s = summarize_auth(m, o);
  EXPECT_EQ(s.authserv_id, "mx.ours.example");
  EXPECT_EQ(s.dmarc, "none");
  EXPECT_EQ(s.ignored_headers, 1u);

  o.trusted_authserv_ids = {"nobody.example"};
  AuthSummary none = summarize_auth(m, o);
  EXPECT_FALSE(none.present);
  EXPECT_EQ(none.dmarc, "");
  EXPECT_EQ(none.ignored_headers, 2u);
}

TEST(ArcSeal, Tags) {
  ArcSealTags t = parse_arc_seal_tags(
      "i=2; a=rsa-sha256; t=1700000000; cv=pass; d=Lists.Example.ORG.; s=arc; b=AbC==");
  EXPECT_EQ(t.instance, 2);
  EXPECT_EQ(t.domain, "lists.example.org");
  EXPECT_EQ(parse_arc_seal_tags("i=0; d=x.org").instance, 0);
  EXPECT_EQ(parse_arc_seal_tags("i=99; d=x.org").instance, 0);
  EXPECT_EQ(parse_arc_seal_tags("garbage; ;=;i=").instance, 0);
}

TEST(AuthSummary, TrustedArcSealerVouchesForABrokenDmarc) {
  // A mailing list forwarded a.com's mail: DMARC fails at our receiver, the chain verifies, and
  // the list's own record (i=1) says DMARC passed when the list received it.
  auto m = with_headers({
      {"Authentication-Results",
       "mx.ours.example; arc=pass; dmarc=fail header.from=a.com; spf=fail "
       "smtp.mailfrom=lists.example.org"},
      {"ARC-Seal", "i=1; a=rsa-sha256; cv=none; d=lists.example.org; s=arc; b=xyz"},
      {"ARC-Authentication-Results",
       "i=1; mx.lists.example.org; dmarc=pass header.from=a.com; spf=pass smtp.mailfrom=a.com"},
  });
  AuthOptions o;
  EXPECT_EQ(summarize_auth(m, o).arc_vouched_by, "");  // no sealer trusted: nothing changes
  o.trusted_arc_sealers = {"Lists.Example.org"};
  EXPECT_EQ(summarize_auth(m, o).arc_vouched_by, "lists.example.org");
  // Another sealer, a record for another From domain, or a chain our receiver did not verify:
  // no vouching.
  o.trusted_arc_sealers = {"other.example"};
  EXPECT_EQ(summarize_auth(m, o).arc_vouched_by, "");
  o.trusted_arc_sealers = {"lists.example.org"};
  auto other_from = m;
  other_from.headers[2].value = "i=1; mx.lists.example.org; dmarc=pass header.from=b.com";
  EXPECT_EQ(summarize_auth(other_from, o).arc_vouched_by, "");
  auto broken = m;
  broken.headers[0].value = "mx.ours.example; arc=fail; dmarc=fail header.from=a.com";
  EXPECT_EQ(summarize_auth(broken, o).arc_vouched_by, "");
}

TEST(AuthSummary, MicrosoftTopmostIdlessHeader) {
  auto m = with_headers({
      {"Authentication-Results",
       "spf=pass (sender IP is 1.2.3.4) smtp.mailfrom=x.com; dkim=pass (signature was verified) "
       "header.d=x.com;dkim=fail header.d=other.org;dmarc=bestguesspass action=none "
       "header.from=x.com;compauth=softfail reason=201"},
      {"Authentication-Results", "dmarc=pass header.from=x.com"},
      {"ARC-Authentication-Results", "i=1; mx.microsoft.com 1; dmarc=pass header.from=x.com"},
  });
  AuthSummary s = summarize_auth(m);
  EXPECT_TRUE(s.idless);
  EXPECT_EQ(s.dmarc, "bestguesspass");
  EXPECT_EQ(s.dmarc_action, "none");
  EXPECT_EQ(s.compauth, "softfail");
  EXPECT_EQ(s.compauth_reason, "201");
  ASSERT_EQ(s.dkim.size(), 2u);
  EXPECT_EQ(s.dkim[0].domain, "x.com");
  EXPECT_EQ(s.dkim[0].result, "pass");
  EXPECT_EQ(s.dkim[0].reason, "signature was verified");
  EXPECT_EQ(s.dkim[1].domain, "other.org");
  EXPECT_EQ(s.ignored_headers, 1u);  // the second id-less header; ARC-AR is not counted

  // With ids configured, an id-less header counts only when asked to.
  AuthOptions o;
  o.trusted_authserv_ids = {"mx.ours.example"};
  EXPECT_FALSE(summarize_auth(m, o).present);
  o.trust_idless = true;
  EXPECT_EQ(summarize_auth(m, o).compauth, "softfail");
}

TEST(AuthSummary, SplitHeadersOfOneReceiverAllCount) {
  // The linux-man archive's receiver writes one result per header, with Received in between.
  auto m = with_headers({
      {"Authentication-Results", "smtp.subspace.kernel.org; arc=none smtp.client-ip=1.2.3.4"},
      {"Received", "x"},
      {"Authentication-Results",
       "smtp.subspace.kernel.org; dkim=pass (2048-bit key) header.d=kernel.org "
       "header.i=@kernel.org header.b=\"jQx631W1\""},
      {"Authentication-Results",
       "smtp.subspace.kernel.org; dmarc=pass (p=reject dis=none) header.from=kernel.org"},
  });
  AuthSummary s = summarize_auth(m);
  EXPECT_EQ(s.arc, "none");
  EXPECT_EQ(s.dmarc, "pass");
  EXPECT_EQ(s.dmarc_policy, "reject");
  ASSERT_EQ(s.dkim.size(), 1u);
  EXPECT_EQ(s.dkim[0].domain, "kernel.org");
  EXPECT_EQ(s.ignored_headers, 0u);
}

TEST(AuthSummary, UnreadableTopHeaderIsSkippedAndNoted) {
  auto m = with_headers({
      {"Authentication-Results", "   "},
      {"Authentication-Results", "mx.example.com; spf=fail smtp.mailfrom=a@b.example"},
  });
  AuthSummary s = summarize_auth(m);
  EXPECT_EQ(s.authserv_id, "mx.example.com");
  EXPECT_EQ(s.spf, "fail");
  EXPECT_EQ(s.spf_domain, "b.example");
  EXPECT_EQ(s.ignored_headers, 1u);
  EXPECT_EQ(s.notes.size(), 1u);
}

}  // namespace
}  // namespace sw::phish
