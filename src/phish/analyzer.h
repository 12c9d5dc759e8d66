// SPDX-License-Identifier: Apache-2.0
// UrlAnalyzer: scores one URL with independent detectors and says why, in plain words. Parsing
// is parse_url() (uriparser, libidn2, libpsl); lookalike and mixed-script checks use ICU's
// uspoof (confusable skeletons, restriction levels). URL-only: no page fetch, no DNS.
//
// The detectors (name: what it looks at, and why it is a signal):
//  ip_host        the host is an IP literal or a numeric form of one (3232235777, 0xc0a80101,
//                 0300.0250.1.1): real services link by name; numeric hosts are cheap
//                 throw-away servers, and the disguised forms exist only to hide that.
//  userinfo       something before '@' in the authority (https://paypal.com@evil.xyz/): the
//                 browser ignores it and opens the host after '@'; scored higher when the part
//                 before '@' looks like a domain or names a brand.
//  shortener      the registrable domain is a link shortener: the real destination is hidden.
//  brand_in_url   the name of a protected brand (second-level label of a protected domain, >= 4
//                 characters) in the subdomain, the domain name, the path or the query of an
//                 unrelated registrable domain (paypal.com.evil.xyz, evil.xyz/paypal/login):
//                 the classic way to borrow a brand's credibility.
//  lookalike      the registrable domain's label looks like a protected one: same ICU confusable
//                 skeleton (paypa1, аpple in Cyrillic), or Damerau-Levenshtein distance <= 1
//                 (labels >= 5 chars) / <= 2 (>= 9 chars); the protected domain itself and the
//                 same label under another suffix (paypal.de) are not lookalikes.
//  mixed_script   an IDN label mixing scripts (uspoof restriction level / mixed-script
//                 confusable): Latin+Cyrillic in one label is almost never honest.
//  script_uri     data: and javascript: (and vbscript:) URIs: they carry a page or code
//                 themselves, a known way to deliver a fake login form without a server.
//  long_host      many subdomain levels or a very long host: hides the real domain at the end
//                 of the address bar (weak).
//  path_oddity    '@' or '//' inside the path: open-redirect and confusion tricks (weak).
//  suspicious_tld a TLD that abuse reports show is mostly cheap/free throw-away registrations
//                 (weak only: plenty of honest sites use them).
//  login_words    words of a login/account/verification page in the path or query (login,
//                 signin, verify, webscr, password, ...): phishing pages collect credentials;
//                 weak alone, since honest login pages say the same.
//  http_login     plain http on such a login-looking page: real login pages are encrypted (weak).
//  free_hosting   the site sits on a free hosting / site-builder / form service where anyone can
//                 publish in minutes (000webhostapp.com, weebly, firebaseapp, Google Forms, ...),
//                 a favourite of throw-away phishing pages (weak).
//  email_in_query an e-mail address carried in the query or fragment, as written or
//                 base64-encoded: phishing kits pre-fill the victim's address to look personal
//                 (weak).
//  feed           the URL or host is on a loaded known-bad feed (PhishTank/OpenPhish).
//  login_script   a server script named like a sign-in step (login.php, verify_account.aspx).
//  kit_path       the page is inside a WordPress site's program folders (wp-content, wp-includes,
//                 wp-admin; static files such as images, styles and scripts excepted): where kits
//                 are planted on hacked sites.
//  session_folder a 32-hex-digit folder (an MD5): the per-visitor copy a phishing kit makes.
//  kit_folder     likewise a page (not an image, style or script) inside folders sites keep for
//                 program code or static files (vendor/, includes/, cgi-bin/, .well-known/,
//                 images/, css/, uploads/, ...) or inside a hidden folder (/.x/).
//  address_in_path another site's address as a folder of the path (evil.xyz/www.bank.com/,
//                 evil.xyz/https/...): kits copy the real site's address into their folders.
//  host_words     account words (secure, login, verify, account, update, billing, wallet, ...)
//                 in the name of a site that belongs to no protected brand
//                 (serviceenligneverificationbp.com, clients-verification.blogspot.com).
//  copied_path    the path copies a big brand's sign-in address structure (PayPal's
//                 "cmd=_login-submit", "customer_center", "webapps/"; Google's "ServiceLogin";
//                 Microsoft's "common/oauth2", "adfs/ls"; Amazon's "ap/signin") on another site.
//  open_redirect  the link goes through a big site's open redirect (google.com/url?q=,
//                 l.facebook.com/l.php?u=) to another site: it borrows the redirector's name.
//                 Links rewritten by the recipient's mail gateway (Safe Links, Proofpoint, ...)
//                 are unwrapped (unwrap.h) and judged by their destination, without points.
//  random_host    a machine-made jumble of letters and digits in the site's name (weak).
//  dynamic_dns    a free dynamic-DNS name (ddns.net, duckdns.org, hopto.org): a home or
//                 throw-away server anyone can name in a minute.
//  file_share     a document on a file-sharing or cloud-storage service (OneDrive, SharePoint
//                 personal sites, Dropbox, Google Drive/Docs, cloud buckets): the "document
//                 shared with you" lure; weak alone, since honest mail shares files too.
// None keys on artefacts of any dataset (dates, "www.", feed ids).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "phish/feed.h"
#include "phish/reason.h"
#include "phish/unwrap.h"
#include "phish/url.h"

namespace sw::phish {

// Points each detector adds when it fires (0 disables it).
struct DetectorPoints {
  int ip_host = 35;
  int ip_host_disguised = 60;  // decimal/hex/octal IPv4 forms
  int userinfo = 30;
  int userinfo_domain = 70;  // the part before '@' looks like a domain or names a brand
  int shortener = 20;
  int brand_subdomain = 45;  // brand in a subdomain label or the domain name (paypal-secure.xyz)
  int brand_path = 15;       // brand in path or query
  int lookalike = 60;
  int mixed_script = 45;
  int script_uri = 70;
  int long_host = 10;
  int path_oddity = 10;
  int suspicious_tld = 15;
  int login_words = 10;
  int http_login = 5;
  int free_hosting = 15;
  int email_in_query = 15;
  int feed = 100;
  int kit_path = 25;
  int login_script = 15;
  int session_folder = 20;
  int kit_folder = 20;
  int address_in_path = 15;
  int host_words = 15;
  int copied_path = 25;
  int random_host = 15;
  int open_redirect = 10;
  int dynamic_dns = 20;
  int file_share = 10;
};

// Protected domains and shorteners shipped with shieldwall (src/phish/default_lists.cpp).
const std::vector<std::string>& default_protected_domains();
const std::vector<std::string>& default_shorteners();
const std::vector<std::string>& default_suspicious_tlds();
const std::vector<std::string>& default_free_hosts();
const std::vector<std::string>& default_dynamic_dns();
const std::vector<std::string>& default_file_shares();

struct UrlOptions {
  std::vector<std::string> protected_domains = default_protected_domains();
  std::vector<std::string> shorteners = default_shorteners();
  std::vector<std::string> suspicious_tlds = default_suspicious_tlds();
  std::vector<std::string> free_hosts =
      default_free_hosts();  // host suffixes; "host/path" prefixes
  std::vector<std::string> dynamic_dns = default_dynamic_dns();  // host suffixes
  std::vector<std::string> file_shares = default_file_shares();  // as free_hosts
  DetectorPoints points;
  int suspicious_at = 20;  // score >= this: "suspicious"
  int phishing_at = 45;    // score >= this: "phishing"
  UrlFeed blocklist;       // load_url_feed()
};

// The URL analyzer's domain checks on one bare domain (a sender's, a Reply-To's), so the sender
// detectors (sender.h) share one implementation with the link detectors.
struct DomainCheck {
  std::string registrable;       // eTLD+1 via libpsl ("" for an IP literal or a bare suffix)
  std::string host_unicode;      // IDNA decoded, for explanations
  std::string lookalike_of;      // the protected domain it imitates ("" when none)
  std::string brand;             // protected brand label in the host (paypal-secure.xyz), or ""
  std::string brand_domain;      // that brand's domain
  bool mixed_script = false;     // an IDN label mixing scripts
  bool protected_brand = false;  // belongs to a protected brand (paypal.com, paypal.de, owned)
};

// A protected brand named in a person-facing text (a display name).
struct BrandMatch {
  std::string label;   // "paypal"
  std::string domain;  // "paypal.com"
};

struct UrlVerdict {
  std::string verdict;  // "phishing", "suspicious", "legitimate"; "invalid" when unparseable
  int score = 0;
  std::vector<Reason> reasons;
};

class UrlAnalyzer {
 public:
  explicit UrlAnalyzer(UrlOptions options);
  ~UrlAnalyzer();
  UrlAnalyzer(const UrlAnalyzer&) = delete;
  UrlAnalyzer& operator=(const UrlAnalyzer&) = delete;

  // A URL that does not parse gets verdict "invalid", score 0 and the parse error as reason.
  // A link wrapped by a mail gateway or redirector (unwrap.h) is judged by its destination.
  UrlVerdict analyze(std::string_view url) const;
  // The detectors on a wrapped link's destination (`chain` = unwrap_all() of the link), with the
  // wrapper's own reason: open_redirect for a redirect the sender chose, a note otherwise.
  UrlVerdict analyze(const ParsedUrl& destination, const UnwrapChain& chain) const;
  // The detectors on an already parsed URL.
  UrlVerdict analyze(const ParsedUrl& url) const;

  // lookalike, mixed_script and brand-in-name on a bare domain ("paypa1-secure.xyz"). A domain
  // that does not parse gives an empty DomainCheck.
  DomainCheck check_domain(std::string_view domain) const;

  // The protected brand a display name claims to be ("PayPal Service", "Bank of America",
  // "Apple Support"). A brand label that is also an ordinary word or a name (apple, chase,
  // office, live, ...) or is shorter than 4 letters (dhl, ups) counts only when written as its
  // domain ("apple.com") or when the rest of the name is service words ("Apple Support", "DHL
  // Express"), so "Chase Miller" and "Office Manager" stay quiet.
  std::optional<BrandMatch> brand_in_name(std::string_view display_name) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A label of `domain` (its public suffix excluded; `registrable` is its eTLD+1) that is a
// machine-made jumble: 8+ characters with at least 2 digits and 4 letters, digits and letters
// interleaved both ways ("3i04bit0zm", "fw1mo8cjo7", "acc19-93a9b"). Names people choose put
// digits at one end ("web2py", "mail163"), which do not count. "" when none.
std::string machine_made_label(std::string_view domain, std::string_view registrable);

// Damerau-Levenshtein (optimal string alignment) distance, bytes.
int damerau_levenshtein(std::string_view a, std::string_view b);

}  // namespace sw::phish
