// SPDX-License-Identifier: Apache-2.0
// Sender detectors: is the message really from who it says, and does the name it shows match
// the address it comes from? Each detector returns Reasons (reason.h) with points from
// SenderPoints, plain-words text naming the domains involved, and follow-ups for the party who
// can act.
//
// Libraries: the trusted Authentication-Results come from authres.h (parsed by hand, see there);
// registrable domains from libpsl (through parse_url(), with libidn2 for IDN senders) and, for
// "does this word in a display name end in a real TLD", libpsl's suffix list directly; lookalike,
// mixed-script and brand checks on sender domains and display names are the URL analyzer's own
// (UrlAnalyzer::check_domain / brand_in_name, ICU uspoof), not a second implementation. Finding
// an address or domain inside a display name is a small hand scan (no library does it).
//
// The detectors (id: what it looks at, and why):
//  dmarc_fail             the receiving server's DMARC check failed for the From domain: the
//                         domain's owner says this mail is not theirs.
//  compauth_fail          Microsoft's composite authentication failed (it also judges domains
//                         without DMARC); counted only when DMARC itself did not fail.
//  spf_fail / dkim_fail   the envelope sender's SPF failed / every DKIM signature failed;
//                         counted only when DMARC did not fail (that already says it).
//  dmarc_none             the From domain publishes no DMARC policy: anyone can use its name
//                         (weak; a note for the organization).
//  forged_auth_header     an Authentication-Results header not added by the trusted receiver
//                         claims a pass the trusted receiver did not see.
//  return_path_mismatch   From and Return-Path on different registrable domains (weak: bulk
//                         senders and lists do it all the time; never scored on list mail).
//  dkim_unaligned         DKIM passes only for domains other than the From's (weak).
//  sender_mismatch        Sender: on another registrable domain than From (weak; not on lists).
//  reply_to_mismatch      Reply-To on another registrable domain: answers go somewhere else;
//  reply_to_freemail      ... and scored more when that is a free-mail box while the From is a
//                         company's domain (the classic "reply to this gmail" fraud).
//  name_has_address       the display name contains an e-mail address on another domain
//                         ("support@apple.com <evil@x.ru>");
//  name_has_domain        ... or a domain name that is not the sender's ("PayPal.com <x@y.ru>").
//  name_brand             the display name claims a protected brand (the URL analyzer's
//                         protected domains) but the sender's domain is none of the brands'.
//  name_person            the display name is a configured protected person, sent from a
//                         domain that is not one of theirs.
//  sender_lookalike       the From (or Reply-To) domain imitates a protected one (paypa1.com);
//  sender_mixed_script    ... mixes alphabets (Cyrillic 'а' in "pаypal");
//  sender_brand_in_domain ... carries a brand's name (paypal-secure.xyz).
//  sender_random_domain   the From domain is a machine-made jumble ("3i04bit0zm.com"): names
//                         registered in bulk for one campaign.
//  sender_free_host       the From domain is a free app host or a trial Microsoft 365 tenant
//                         (x.onmicrosoft.com, x.firebaseapp.com): no company's real mail domain.
//  encoded_from_hides_address  the From name was encoded (RFC 2047) and hides an '@' inside.
//  from_malformed         the From address only looks like one: a quoted local part carrying
//                         '@' and no domain ("no-reply@brand.de" in quotes), a '<' inside it, a
//                         comma for a dot, or a single-label domain ("@correios") behind a name.
//  sender_random_local    the From address's local part is a random jumble of capitals and small
//                         letters ("EVzJgFo@"): made per message by a sending script (weak).
// None looks at the recipient address or the date.
#pragma once

#include <string>
#include <vector>

#include "core/config.h"
#include "phish/analyzer.h"
#include "phish/authres.h"
#include "phish/message.h"
#include "phish/reason.h"

namespace sw::phish {

// Points each detector adds when it fires (0 disables it).
struct SenderPoints {
  int dmarc_fail = 40;
  int compauth_fail = 35;
  int compauth_softfail = 10;
  int spf_fail = 15;
  int spf_softfail = 5;
  int dkim_fail = 10;
  int dmarc_none = 5;
  int forged_auth_header = 20;
  int return_path_mismatch = 2;
  int dkim_unaligned = 5;
  int sender_mismatch = 5;
  int reply_to_mismatch = 10;
  int reply_to_freemail = 30;
  int name_has_address = 35;
  int name_has_domain = 5;  // "CNET News.com": as often on newsletters (5 / 5)
  int name_brand = 45;
  int name_person = 50;
  int sender_lookalike = 60;
  int sender_mixed_script = 45;
  int sender_brand_in_domain = 30;
  int sender_random_domain = 20;
  int sender_free_host = 15;
  int encoded_from_hides_address = 25;
  int from_malformed = 30;
  int sender_random_local = 10;
};

// Free-mail providers shipped with shieldwall: registrable domains, or "label.*" for a provider
// under any suffix (yahoo.*, gmx.*, yandex.*).
const std::vector<std::string>& default_freemail_domains();

struct SenderOptions {
  AuthOptions auth;
  std::vector<ProtectedPerson> protected_people;
  std::vector<std::string> freemail_domains = default_freemail_domains();
  SenderPoints points;
};

// All sender detectors on one message. `urls` supplies the protected brands and the lookalike /
// mixed-script logic. The message is read only through its header fields (message.h); nothing
// here touches the recipient or the date.
std::vector<Reason> check_sender(const Message& message, const UrlAnalyzer& urls,
                                 const SenderOptions& options = {});
// The same with the authentication summary already computed (summarize_auth()).
std::vector<Reason> check_sender(const Message& message, const AuthSummary& auth,
                                 const UrlAnalyzer& urls, const SenderOptions& options);

// The groups alone, for tests and callers that want one of them.
std::vector<Reason> auth_reasons(const Message& message, const AuthSummary& auth,
                                 const SenderPoints& points);
std::vector<Reason> alignment_reasons(const Message& message, const AuthSummary& auth,
                                      const SenderOptions& options);
std::vector<Reason> display_name_reasons(const Message& message, const UrlAnalyzer& urls,
                                         const SenderOptions& options);
std::vector<Reason> sender_domain_reasons(const Message& message, const UrlAnalyzer& urls,
                                          const SenderOptions& options);

// Helpers the detectors use, public for tests.
// The registrable domain (eTLD+1, libpsl) of a domain or address ("a@mail.x.co.uk" -> "x.co.uk");
// lower-cased; the input itself when libpsl finds none; "" for "".
std::string registrable_domain(std::string_view domain_or_address);
bool is_freemail(std::string_view domain, const std::vector<std::string>& freemail);
// Mailing-list traffic: List-Id, List-Post, Mailing-List, X-Mailing-List or "Precedence: list".
bool is_list_mail(const Message& message);
// Addresses ("a@b.com") and domains with a real TLD ("PayPal.com") written in a display name,
// lower-cased, in order, at most 8.
std::vector<std::string> names_in_display_name(std::string_view display_name);

}  // namespace sw::phish
