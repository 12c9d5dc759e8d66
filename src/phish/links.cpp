// SPDX-License-Identifier: Apache-2.0
// Link detectors (see links.h). parse_url() (uriparser, libidn2, libpsl) takes every address
// apart, UrlAnalyzer (analyzer.h) scores each distinct one, libpsl decides which words of a
// link's text are domains. The comparison and the aggregation are ours.
#include "phish/links.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "core/ascii.h"
#include "phish/unwrap.h"
#include "phish/url.h"

namespace sw::phish {
namespace {

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

// Top-level domains that are also common file extensions: "invoice.zip" in a text is a file.
bool is_file_extension(std::string_view tld) {
  static const std::unordered_set<std::string_view> kExt = {
      "zip", "mov", "md", "py", "sh", "pl", "rs", "ps", "ai", "cs", "so", "pm", "mp", "ms", "exe"};
  return kExt.contains(tld);
}

// The address a browser would open for this link, ready for parse_url(); nullopt for links
// that are not web addresses (mailto:, tel:, cid:, "#", relative paths). Tabs and newlines are
// removed first, as browsers do ("java&#9;script:" is javascript:).
std::optional<std::string> web_url(std::string_view raw) {
  std::string u;
  u.reserve(raw.size());
  for (char c : raw) {
    if (c != '\t' && c != '\n' && c != '\r') u += c;
  }
  size_t b = 0;
  while (b < u.size() && static_cast<unsigned char>(u[b]) <= 0x20) ++b;
  u.erase(0, b);
  if (u.empty()) return std::nullopt;
  for (std::string_view s : {"http:", "https:", "ftp:", "data:", "javascript:", "vbscript:"}) {
    if (starts_with_ci(u, s)) return u;
  }
  if (u.starts_with("//")) return "http:" + u;
  if (starts_with_ci(u, "www.")) return u;
  return std::nullopt;
}

// A URL for an explanation: scheme, host and the start of the path; the query and fragment
// (where session tokens and the recipient's address travel) are never shown.
std::string display_url(const ParsedUrl& u) {
  if (u.host.empty()) return u.scheme + ":...";
  std::string out = u.scheme + "://" + u.host_unicode;
  std::string path = u.path;
  if (path.size() > 40) path = path.substr(0, 40) + "...";
  out += path;
  if (!u.query.empty() || !u.fragment.empty()) out += "?...";
  return out;
}

std::string site_of(const ParsedUrl& u) { return u.registrable.empty() ? u.host : u.registrable; }

struct Agg {
  int points = 0;
  std::string text;
  std::vector<FollowUp> follow_ups;
  size_t count = 0;
};

class Collector {
 public:
  void add(const std::string& id, int points, std::string text, std::vector<FollowUp> fu) {
    if (points <= 0) return;
    auto it = std::find_if(aggs_.begin(), aggs_.end(), [&](auto& p) { return p.first == id; });
    if (it == aggs_.end()) {
      aggs_.emplace_back(id, Agg{});
      it = aggs_.end() - 1;
    }
    Agg& a = it->second;
    ++a.count;
    if (points > a.points) {
      a.points = points;
      a.text = std::move(text);
      a.follow_ups = std::move(fu);
    }
  }

  std::vector<Reason> take() {
    std::vector<Reason> out;
    for (auto& [id, a] : aggs_) {
      Reason r{id, a.points, std::move(a.text), std::move(a.follow_ups)};
      if (a.count > 1) {
        r.text += " (" + std::to_string(a.count - 1) + " more link" + (a.count > 2 ? "s" : "") +
                  " in this message do" + (a.count > 2 ? "" : "es") + " the same)";
      }
      out.push_back(std::move(r));
    }
    return out;
  }

 private:
  std::vector<std::pair<std::string, Agg>> aggs_;
};

FollowUp dont_click() {
  return {Party::kRecipient,
          "Do not click the links in this message or type anything into pages it opens; report "
          "the message as phishing."};
}

FollowUp block_site(const std::string& site) {
  return {Party::kOrganization, "Block " + site + " at the web proxy and the mail gateway."};
}

bool same_site(const ParsedUrl& a, const std::string& shown) {
  std::string real = site_of(a);
  if (real == shown) return true;
  // The same brand under another suffix (amazon.com shown, amazon.co.uk linked).
  return !a.registrable.empty() && first_label(a.registrable) == first_label(shown) &&
         first_label(shown).size() >= 4;
}

}  // namespace

DetectorPoints email_link_points() {
  DetectorPoints p;
  // Measured on the dev set (300 + 300 messages): these fire on newsletters and list archives as
  // often as on phishing (login 9/17, address in the query 7/16, odd paths 8/10), so they only
  // nudge and cannot add up to a warning on their own.
  p.login_words = 2;
  p.http_login = 0;  // login_words already says it; the two fired together on ham
  p.email_in_query = 2;
  p.path_oddity = 2;
  p.login_script = 5;  // unsubscribe/login handlers of newsletters: 1 phishing / 2 legitimate
  p.free_hosting = 10;
  // Newsletters link to pages under /images/ or /media/, to sites named "secure..." and to
  // addresses inside tracking paths: 7, 3 and 4 of the 300 legitimate messages, against 1, 4 and
  // 4 phishing. A nudge only.
  p.kit_folder = 2;
  // A brand named in a link's path: 28 phishing, 0 legitimate messages; worth more in mail than
  // in a bare address (where share links such as /share?u=twitter.com name brands).
  p.brand_path = 20;
  p.host_words = 2;
  p.address_in_path = 2;
  // Google's and Facebook's redirects also appear in honest mail (links copied from search
  // results or shared documents).
  p.open_redirect = 5;
  return p;
}

const std::vector<std::string>& default_click_trackers() {
  // Click-tracking hosts of e-mail marketing services (registrable domains), as they appear in
  // honest newsletters. A link through one of these hides its destination by design.
  static const std::vector<std::string> kTrackers = {"list-manage.com",   "mailchi.mp",
                                                     "mcsv.net",          "sendgrid.net",
                                                     "mandrillapp.com",   "rs6.net",
                                                     "exacttarget.com",   "exct.net",
                                                     "sailthru.com",      "hubspotlinks.com",
                                                     "hs-sites.com",      "mailgun.org",
                                                     "sparkpostmail.com", "awstrack.me",
                                                     "createsend.com",    "cmail19.com",
                                                     "cmail20.com",       "klclick.com",
                                                     "klclick1.com",      "klaviyomail.com",
                                                     "en25.com",          "mktoweb.com",
                                                     "doubleclick.net",   "emltrk.com",
                                                     "eloqua.com",        "pardot.com",
                                                     "icptrack.com",      "campaign-archive.com",
                                                     "mailjet.com",       "mjt.lu",
                                                     "sendibt3.com",      "sendibm1.com",
                                                     "brevo.com",         "substack.com",
                                                     "beehiiv.com",       "convertkit-mail.com",
                                                     "ck.page",           "lnks.gd",
                                                     "govdelivery.com",   "bnc.lt",
                                                     "app.link",          "clicks.aweber.com",
                                                     "aweber.com",        "getresponse.com",
                                                     "gr8.com",           "e2ma.net",
                                                     "myemma.com",        "cts.vresp.com",
                                                     "vresp.com",         "click.linksynergy.com",
                                                     "linksynergy.com",   "shareasale.com",
                                                     "awin1.com",         "returnpath.net"};
  return kTrackers;
}

std::vector<std::string> domains_in_text(std::string_view text) {
  std::vector<std::string> out;
  auto push = [&](const std::string& d) {
    if (!d.empty() && std::find(out.begin(), out.end(), d) == out.end()) out.push_back(d);
  };
  if (text.size() > 4096) text = text.substr(0, 4096);
  // URLs first (scheme://..., www....).
  for (const Link& l : find_text_urls(text, 16)) {
    if (auto u = parse_url(l.url); u && !u->host.empty()) push(site_of(*u));
  }
  // Then bare domains: tokens of letters, digits, '-', '.' and non-ASCII (IDN), with >= 1 dot.
  size_t i = 0;
  while (i < text.size() && out.size() < 16) {
    auto c = static_cast<unsigned char>(text[i]);
    auto tok_char = [](unsigned char x) {
      return std::isalnum(x) != 0 || x == '-' || x == '.' || x >= 0x80;
    };
    if (!tok_char(c)) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < text.size() && tok_char(static_cast<unsigned char>(text[i]))) ++i;
    std::string_view tok = text.substr(start, i - start);
    char before = start > 0 ? text[start - 1] : ' ';
    char after = i < text.size() ? text[i] : ' ';
    // Part of an e-mail address, a URL already taken above, or a path: not a bare domain.
    if (before == '@' || after == '@' || before == '/' || before == ':' || after == ':') continue;
    if (tok.size() > 253 || starts_with_ci(tok, "www.")) continue;
    while (!tok.empty() && (tok.back() == '.' || tok.back() == '-')) tok.remove_suffix(1);
    while (!tok.empty() && (tok.front() == '.' || tok.front() == '-')) tok.remove_prefix(1);
    size_t dot = tok.rfind('.');
    if (dot == std::string_view::npos || dot == 0) continue;
    if (tok.find("..") != std::string_view::npos) continue;
    auto u = parse_url("http://" + std::string(tok));
    if (!u || u->host_is_ip || u->registrable.empty()) continue;
    std::string tld = u->host_ascii.substr(u->host_ascii.rfind('.') + 1);
    if (tld.size() < 2 || std::any_of(tld.begin(), tld.end(), [](char x) {
          return std::isdigit(static_cast<unsigned char>(x)) != 0;
        })) {
      continue;
    }
    if (after != '/' && is_file_extension(tld)) continue;
    if (!is_known_tld(tld)) continue;
    push(u->registrable);
  }
  return out;
}

std::vector<Reason> link_reasons(const std::vector<Link>& links, const UrlAnalyzer& urls,
                                 const LinkOptions& o) {
  const LinkPoints& pts = o.points;
  Collector col;
  // Built on first use: only a link whose text names another site needs them.
  std::optional<std::unordered_set<std::string>> prot_set;
  auto prot = [&]() -> const std::unordered_set<std::string>& {
    if (!prot_set) {
      prot_set.emplace();
      for (const auto& d : o.protected_domains) prot_set->insert(ascii_lower(d));
    }
    return *prot_set;
  };
  std::optional<std::unordered_set<std::string>> tracker_set;
  auto trackers = [&]() -> const std::unordered_set<std::string>& {
    if (!tracker_set) tracker_set.emplace(o.click_trackers.begin(), o.click_trackers.end());
    return *tracker_set;
  };
  auto is_brand = [&](const std::string& reg) {
    const auto& domains = prot();
    if (domains.contains(reg)) return true;
    std::string_view label = first_label(reg);
    return label.size() >= 4 &&
           std::any_of(domains.begin(), domains.end(),
                       [&](const std::string& p) { return first_label(p) == label; });
  };

  std::unordered_set<std::string> seen;
  // Each distinct address is parsed (and unwrapped) once: newsletters repeat the same link many
  // times. A link rewritten by a mail gateway or a redirector (unwrap.h) is judged by where it
  // really goes.
  struct Target {
    UnwrapChain chain;                // chain.destination: the destination as text
    std::optional<ParsedUrl> parsed;  // the destination
    std::string via;                  // wrapper_names(chain): "" when direct
  };
  std::unordered_map<std::string, Target> parsed;
  size_t skipped = 0;
  for (const Link& l : links) {
    if (l.kind == LinkKind::kImage) continue;  // remote images: not scored
    std::optional<std::string> raw = web_url(l.url);
    const ParsedUrl* pu = nullptr;
    const Target* target = nullptr;
    if (raw) {
      auto [it, fresh] = parsed.try_emplace(*raw);
      Target& t = it->second;
      if (fresh) {
        t.chain = unwrap_all(*raw);
        t.via = wrapper_names(t.chain);
        if (auto r = parse_url(t.chain.destination); r) t.parsed = std::move(*r);
      }
      if (t.parsed) pu = &*t.parsed;
      target = &t;
    }
    const std::string behind =
        target != nullptr && !target->via.empty() ? " (behind " + target->via + ")" : "";

    // Forms, frames and refreshes are signals whatever their address.
    switch (l.kind) {
      case LinkKind::kForm: {
        std::string where;
        std::vector<FollowUp> fu;
        if (pu && !pu->host.empty()) {
          where = " and sends what you type to " + display_url(*pu);
          if (pu->scheme == "http") where += ", without encryption";
          fu.push_back(block_site(site_of(*pu)));
        } else if (pu) {
          where = " and sends what you type inside a '" + pu->scheme + ":' address";
        }
        if (l.has_password) {
          fu.insert(fu.begin(),
                    {Party::kRecipient,
                     "Do not type your password into this message. If you already did, change "
                     "that password now, and everywhere else you use it."});
          fu.push_back(
              {Party::kMailAdmin, "Quarantine incoming messages that contain password forms."});
          col.add("credential_form", pts.credential_form,
                  "the message itself contains a form asking for your password" + where +
                      "; no honest sender asks for a password inside an e-mail",
                  std::move(fu));
        } else if (l.has_email) {
          fu.insert(fu.begin(), {Party::kRecipient,
                                 "Do not type your e-mail address or user name into this "
                                 "message; report the message as phishing."});
          col.add("data_form", pts.data_form,
                  "the message contains a form asking for your e-mail address or user name" +
                      where + ", often the first step of a stolen-login trick",
                  std::move(fu));
        } else {
          col.add("form", pts.form,
                  "the message contains a form to fill in" + where +
                      "; ordinary messages link to a website instead",
                  {});
        }
        break;
      }
      case LinkKind::kRefresh:
        if (pu) {
          col.add("meta_refresh", pts.meta_refresh,
                  "the message contains an instruction to jump automatically to " +
                      display_url(*pu) + " when it is opened in a browser",
                  {dont_click(), block_site(site_of(*pu))});
        }
        break;
      case LinkKind::kIframe:
        col.add("iframe", pts.iframe,
                "the message tries to embed another page" +
                    (pu ? " (" + display_url(*pu) + ")" : std::string()) +
                    " inside itself, which e-mail has no use for",
                {dont_click()});
        break;
      default:
        break;
    }
    if (!pu) continue;

    // link_text_mismatch: anchors and image-map areas with a web destination.
    if ((l.kind == LinkKind::kAnchor || l.kind == LinkKind::kArea) && !pu->host.empty() &&
        (pu->scheme == "http" || pu->scheme == "https")) {
      std::vector<std::string> shown = domains_in_text(l.text);
      if (shown.empty() && !l.image_alt.empty()) shown = domains_in_text(l.image_alt);
      bool match = std::any_of(shown.begin(), shown.end(),
                               [&](const std::string& s) { return same_site(*pu, s); });
      if (!shown.empty() && !match) {
        const std::string& s = shown.front();
        const std::string real = site_of(*pu);
        bool brand = is_brand(s);
        std::string decoded = ascii_lower(percent_decode(pu->path + "?" + pu->query));
        bool carries_shown = decoded.find(s) != std::string::npos;
        bool tracker = trackers().contains(pu->registrable) || trackers().contains(pu->host) ||
                       (target != nullptr && target->chain.opaque);
        bool senders = !o.sender_domain.empty() && pu->registrable == o.sender_domain;
        std::string what = "a link shows " + s + " but really opens " + display_url(*pu) + behind;
        // The real host borrows the shown name: laposte.fr shown, laposte.evil.de opened.
        std::string shown_label(first_label(s));
        bool borrows =
            shown_label.size() >= 4 && pu->host_ascii.find(shown_label) != std::string::npos;
        if (borrows) {
          col.add("link_text_mismatch", pts.text_mismatch_brand,
                  what + ", which only borrows the name '" + shown_label +
                      "' to look like it; the text is there to make you trust the link",
                  {{Party::kRecipient, "Do not click the link that shows " + s + ". If you need " +
                                           s + ", type its address yourself."},
                   block_site(real)});
        } else if (carries_shown || (senders && !brand) || (tracker && !brand)) {
          col.add("link_text_mismatch", pts.text_mismatch_tracker,
                  what + (carries_shown ? ", a redirect that passes on to the address shown"
                                        : ", a click-counting service that forwards to the real "
                                          "site; common in newsletters, but you cannot see "
                                          "where it leads"),
                  {});
        } else {
          col.add("link_text_mismatch",
                  brand && !tracker ? pts.text_mismatch_brand : pts.text_mismatch,
                  what + (brand ? ", which does not belong to " + s +
                                      "; the text is there to "
                                      "make you trust the link"
                                : "; the text and the destination do not agree"),
                  {{Party::kRecipient, "Do not click the link that shows " + s + ". If you need " +
                                           s + ", type its address yourself."},
                   block_site(real)});
        }
      }
    }

    // link_<detector>: each distinct destination once; a wrapped link with the wrapper's own
    // reason (open_redirect).
    const std::string& key = target->chain.destination;
    if (seen.contains(key)) continue;
    if (seen.size() >= o.max_urls) {
      ++skipped;
      continue;
    }
    seen.insert(key);
    UrlVerdict v = urls.analyze(*pu, target->chain);
    for (Reason& r : v.reasons) {
      int p = r.points * pts.url_percent / 100;
      if (r.detector == "script_uri" && pu->scheme != "data") p = std::min(p, pts.script_link);
      std::vector<FollowUp> fu{dont_click()};
      if (p >= 30 && !pu->host.empty()) fu.push_back(block_site(site_of(*pu)));
      std::string text = "a " + std::string(link_kind_name(l.kind)) + " to " + display_url(*pu) +
                         behind + ": " + r.text;
      col.add("link_" + r.detector, p, std::move(text), std::move(fu));
    }
  }
  std::vector<Reason> out = col.take();
  if (skipped > 0) {
    out.push_back({"link_limit",
                   0,
                   "the message has more than " + std::to_string(o.max_urls) +
                       " different link addresses; " + std::to_string(skipped) +
                       " were not checked",
                   {}});
  }
  return out;
}

std::vector<Reason> html_reasons(const HtmlDoc& doc, const LinkOptions& o) {
  const LinkPoints& pts = o.points;
  std::vector<Reason> out;
  if (pts.html_script > 0 && (doc.scripts > 0 || doc.event_handlers > 0)) {
    std::string what;
    if (doc.scripts > 0) what = std::to_string(doc.scripts) + " script(s)";
    if (doc.event_handlers > 0) {
      what += (what.empty() ? "" : " and ") + std::to_string(doc.event_handlers) +
              " piece(s) of code that run on a click or when the message loads";
    }
    out.push_back({"html_script",
                   pts.html_script,
                   "the message contains program code (" + what +
                       "); e-mail never needs code, and mail programs block it",
                   {{Party::kMailAdmin,
                     "Strip or quarantine HTML mail that carries scripts at the gateway."}}});
  }
  if (pts.hidden_text > 0 && doc.hidden_text_chars >= o.hidden_text_min) {
    out.push_back({"hidden_text",
                   pts.hidden_text,
                   "the message hides " + std::to_string(doc.hidden_text_chars) +
                       " characters of text that you cannot see, filler meant only for spam "
                       "filters",
                   {}});
  }
  if (pts.zero_width > 0 && doc.zero_width_chars >= o.zero_width_min) {
    out.push_back({"zero_width",
                   pts.zero_width,
                   "the message's words are split by " + std::to_string(doc.zero_width_chars) +
                       " invisible characters, a trick to keep spam filters from reading them",
                   {{Party::kMailAdmin,
                     "Report this message to your filtering vendor: it is built to evade "
                     "filters."}}});
  }
  return out;
}

}  // namespace sw::phish
