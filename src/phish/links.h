// SPDX-License-Identifier: Apache-2.0
// Link detectors: what the links, forms and frames of a message (html.h: parse_html,
// find_text_urls) say about it, as Reasons with points, plain words and follow-ups. Every link
// goes through the URL detectors of analyzer.h (uriparser, libidn2, libpsl, ICU uspoof); libpsl
// also decides whether words in a link's visible text name a real domain (a public suffix,
// without the "*" default rule). Written here, because no library does it: the comparison of the
// shown domain with the real one, the aggregation, and the short list of click-tracking services.
//
// The detectors (id: what it looks at, and why it is a signal):
//  link_text_mismatch  the visible text of a link names a web address or domain (paypal.com,
//                      https://www.paypal.com/signin) but the link goes to another registrable
//                      domain. Strongest when the shown domain is a protected brand; weak when the
//                      link goes through a click-tracking service, the sender's own domain, or a
//                      redirect that carries the shown domain (marketing mail does all three);
//                      strong again when the real host borrows the shown name
//                      (laposte.fr shown, laposte.example-evil.de or laposteinfo.com.br opened).
//  credential_form     a form with a password field inside the message: no honest sender asks
//                      for a password in an e-mail.
//  data_form           a form asking for an e-mail address or user name (no password): the
//                      first step of a two-step credential phish (medium).
//  form                any other form in a message (weak: surveys and newsletters rarely do it).
//  meta_refresh        <meta http-equiv=refresh> to a web address: opening the HTML (as an
//                      attachment in a browser) sends the reader there without a click.
//  iframe              an embedded frame, object or embed: loads another page inside the
//                      message; mail programs block it, it exists to show a page off the message.
//  html_script         <script> elements or on* event handlers: e-mail never needs code.
//  hidden_text         a lot of text in hidden elements (display:none, font-size:0, ...): filler
//                      that only a filter reads, to look like an ordinary message.
//  zero_width          invisible characters splitting words ("Pay\u200bPal") so that filters
//                      do not recognise them.
//  link_<url detector> each URL detector of analyzer.h (link_ip_host, link_lookalike, ...) over
//                      the distinct link addresses. A detector counts once per message, with the
//                      points of its worst link; the text names that link and how many more fired.
// Remote images are not scored (honest newsletters are full of them). Nothing here opens a link.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "phish/analyzer.h"
#include "phish/html.h"
#include "phish/reason.h"

namespace sw::phish {

// Points each detector adds (0 disables it).
struct LinkPoints {
  int text_mismatch_brand = 60;   // shown domain is a protected brand's, link goes elsewhere
  int text_mismatch = 40;         // shown domain is another site's
  int text_mismatch_tracker = 5;  // ... via a click tracker / the sender's domain / a redirect
  int credential_form = 70;
  int data_form = 20;
  int form = 2;  // search boxes and surveys in newsletters (1 phishing / 12 legitimate)
  int meta_refresh = 30;
  int iframe = 2;        // ad frames in newsletters (0 / 9)
  int script_link = 15;  // a javascript:/vbscript: link (link_script_uri): no mail program runs it
  int html_script = 15;
  int hidden_text = 10;
  int zero_width = 20;
  int url_percent = 100;  // the URL detectors' own points (analyzer.h), scaled by this percentage
};

// The URL detectors' points for links inside e-mail: build the UrlAnalyzer passed to
// link_reasons() with these. Measured on the shared dev set (300 phishing / 300 ham messages),
// login_words, http_login, email_in_query and path_oddity fire on newsletter and mailing-list
// archive links (unsubscribe links with the reader's address, message-ids with '@' in
// lore.kernel.org paths) at least as often as on phishing, so they only nudge here.
DetectorPoints email_link_points();

// Registrable domains of common click-tracking / e-mail marketing services.
const std::vector<std::string>& default_click_trackers();

struct LinkOptions {
  LinkPoints points;
  std::vector<std::string> protected_domains = default_protected_domains();
  std::vector<std::string> click_trackers = default_click_trackers();
  // Registrable domain of the From address ("" when unknown). Only used to recognise the
  // sender's own click tracker (links.example.com behind "www.example.com"); never to excuse a
  // link whose text names a protected brand that is not the sender's.
  std::string sender_domain;
  size_t max_urls = 500;         // distinct addresses run through the URL detectors (noted)
  size_t hidden_text_min = 400;  // hidden_text fires from this many bytes of hidden text
  size_t zero_width_min = 3;     // zero_width fires from this many invisible characters
};

// Domains named in a piece of visible text: URLs (scheme://..., www....) and bare domains whose
// suffix is a real public suffix ("PayPal.com" -> "paypal.com"); e-mail addresses and file
// names (invoice.pdf, setup.zip) are not domains. Registrable domains, lower-cased, in order,
// without duplicates.
std::vector<std::string> domains_in_text(std::string_view text);

// The detectors over the links of one message (HTML links and find_text_urls results together).
std::vector<Reason> link_reasons(const std::vector<Link>& links, const UrlAnalyzer& urls,
                                 const LinkOptions& options = {});

// The detectors over the document itself: html_script, hidden_text, zero_width.
std::vector<Reason> html_reasons(const HtmlDoc& doc, const LinkOptions& options = {});

}  // namespace sw::phish
