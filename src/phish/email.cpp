// SPDX-License-Identifier: Apache-2.0
// EmailAnalyzer (see email.h): runs the detector groups over one parsed message and sums their
// reasons. The groups live beside it (sender.h, links.h, attachment.h, lure.h, dkim.h); what is
// here are the few detectors that need the whole message:
//  own_domain_spoof  the From claims one of the organization's own domains, but the trusted
//                    receiver saw neither DMARC nor an aligned DKIM / SPF pass for it: mail from
//                    colleagues does not arrive like that (the CEO-fraud pattern).
//  confusable_text   words in the subject or the sender's name that mix alphabets (a Cyrillic
//                    "е" inside "Suspеnded"): written so that filters do not read the word,
//                    which honest senders never need (ICU: UScript of every letter).
//  styled_letters    the subject or sender name written in "fancy" letters (mathematical bold
//                    or italic, small capitals, circled or full-width Latin): looks like text to
//                    a person, is not text to a filter.
//  no_sender         no usable From address ("Facebook <>"): nobody to reply to or check.
//  html_only         only an HTML body and no plain-text one (weak: bulk senders do it too).
//  parts_disagree    a text and an HTML version that say different things: filters and
//                    text-only readers see one, the person sees the other.
//  dkim_verify_fail  with --dkim-keys: a DKIM signature that does not verify (libopendkim).
// Attached messages are analysed with the same detectors and their reasons folded in.
#include "phish/email.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <unordered_set>

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "core/ascii.h"
#include "phish/analyzer.h"
#include "phish/attachment.h"
#include "phish/authres.h"
#include "phish/dkim.h"
#include "phish/html.h"
#include "phish/links.h"
#include "phish/lure.h"
#include "phish/sender.h"

namespace sw::phish {
namespace {

struct EmailPoints {
  int own_domain_spoof = 50;
  int confusable_text = 35;
  int styled_letters = 25;
  int no_sender = 25;
  int html_only = 5;
  int parts_disagree = 10;
  int dkim_verify_fail = 30;
};

// Words (runs of letters and marks) that mix Latin with Cyrillic, Greek or Armenian letters.
std::vector<std::string> mixed_script_words(std::string_view text, size_t max_words = 5) {
  std::vector<std::string> out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t len = static_cast<int32_t>(std::min<size_t>(text.size(), 1u << 16));
  int32_t i = 0;
  int32_t word_start = 0;
  bool latin = false;
  bool other = false;
  auto end_word = [&](int32_t end) {
    if (latin && other && out.size() < max_words) {
      out.emplace_back(
          text.substr(static_cast<size_t>(word_start), static_cast<size_t>(end - word_start)));
    }
    latin = other = false;
  };
  while (i < len) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if (c < 0 || !(u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0)) {
      end_word(at);
      word_start = i;
      continue;
    }
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &err);
    if (U_FAILURE(err)) continue;
    if (sc == USCRIPT_LATIN) latin = true;
    if (sc == USCRIPT_CYRILLIC || sc == USCRIPT_GREEK || sc == USCRIPT_ARMENIAN ||
        sc == USCRIPT_CHEROKEE) {
      other = true;
    }
  }
  end_word(len);
  return out;
}

// Letters that look like Latin text but are symbols: Mathematical Alphanumeric Symbols, small
// capitals (IPA and Phonetic Extensions), circled, parenthesized and full-width Latin.
size_t styled_letter_count(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t len = static_cast<int32_t>(std::min<size_t>(text.size(), 1u << 16));
  int32_t i = 0;
  size_t n = 0;
  while (i < len) {
    UChar32 c;
    U8_NEXT(s, i, len, c);
    if ((c >= 0x1D400 && c <= 0x1D7FF) ||  // mathematical bold, italic, script, ...
        (c >= 0x1D00 && c <= 0x1D22) ||    // small capitals
        c == 0x0280 || c == 0x026A || c == 0x0299 || c == 0x029C || c == 0x029F || c == 0x0262 ||
        c == 0x0274 || c == 0x0281 || c == 0x028F || c == 0xA731 ||
        (c >= 0x249C && c <= 0x24E9) ||  // parenthesized and circled Latin
        (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A)) {  // full-width
      ++n;
    }
  }
  return n;
}

// Lower-cased words of 4+ letters (ASCII letters and any non-ASCII byte sequence).
std::unordered_set<std::string> word_set(std::string_view text, size_t max_bytes = 64u << 10) {
  std::unordered_set<std::string> out;
  std::string cur;
  text = text.substr(0, std::min(text.size(), max_bytes));
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalpha(c) != 0 || c >= 0x80) {
      cur += ascii_lower(static_cast<char>(c));
    } else {
      if (cur.size() >= 4) out.insert(cur);
      cur.clear();
    }
  }
  if (cur.size() >= 4) out.insert(cur);
  return out;
}

std::string mailbox_text(const Mailbox& m) {
  if (m.display_name.empty()) return m.address;
  return fmt::format("{} <{}>", m.display_name, m.address);
}

}  // namespace

struct EmailAnalyzer::Impl {
  EmailSettings settings;
  std::unique_ptr<UrlAnalyzer> urls;       // URL mode and the sender's domain checks
  std::unique_ptr<UrlAnalyzer> link_urls;  // links inside messages (email_link_points())
  SenderOptions sender;
  LinkOptions links;
  AttachmentOptions attachments;
  EmailPoints points;
  std::optional<DkimKeys> dkim_keys;
  std::vector<std::string> setup_notes;
  std::set<std::string> own;  // registrable own domains

  void analyze_into(const Message& m, std::string_view raw, Verdict& v, int depth) const;
};

EmailAnalyzer::EmailAnalyzer(EmailSettings settings) : impl_(std::make_unique<Impl>()) {
  Impl& x = *impl_;
  x.settings = std::move(settings);
  const EmailSettings& s = x.settings;
  UrlOptions uo;
  uo.protected_domains.insert(uo.protected_domains.end(), s.protected_domains.begin(),
                              s.protected_domains.end());
  uo.blocklist = s.blocklist;
  uo.suspicious_at = s.url_thresholds.suspicious_at;
  uo.phishing_at = s.url_thresholds.phishing_at;
  UrlOptions lo = uo;
  lo.points = email_link_points();
  x.urls = std::make_unique<UrlAnalyzer>(std::move(uo));
  x.link_urls = std::make_unique<UrlAnalyzer>(std::move(lo));
  x.sender.auth.trusted_authserv_ids = s.trusted_authserv_ids;
  x.sender.auth.trusted_arc_sealers = s.trusted_arc_sealers;
  x.sender.protected_people = s.protected_people;
  x.links.protected_domains.insert(x.links.protected_domains.end(), s.protected_domains.begin(),
                                   s.protected_domains.end());
  for (const auto& d : s.own_domains) x.own.insert(registrable_domain(d));
  if (!s.dkim_keys.empty()) {
    auto keys = DkimKeys::load(s.dkim_keys);
    if (keys) {
      x.dkim_keys = std::move(*keys);
      for (const auto& n : x.dkim_keys->notes()) x.setup_notes.push_back(n);
    } else {
      x.setup_notes.push_back("DKIM keys not loaded: " + keys.error().to_string());
    }
  }
}

EmailAnalyzer::~EmailAnalyzer() = default;

const EmailSettings& EmailAnalyzer::settings() const { return impl_->settings; }

const std::vector<std::string>& EmailAnalyzer::setup_notes() const { return impl_->setup_notes; }

Verdict EmailAnalyzer::analyze_url(std::string_view url) const {
  Verdict v;
  v.kind = "url";
  v.source = std::string(url);
  UrlVerdict u = impl_->urls->analyze(url);
  if (u.verdict == "invalid") {
    v.verdict = "error";
    for (const auto& r : u.reasons) v.notes.push_back(r.text);
    return v;
  }
  v.reasons = std::move(u.reasons);
  const Thresholds& t = impl_->settings.url_thresholds;
  finalize(v, t);
  return v;
}

Verdict EmailAnalyzer::analyze(const Message& message, std::string_view raw) const {
  Verdict v;
  v.source = message.source;
  if (!message.from.empty()) v.from = mailbox_text(message.from.front());
  v.subject = message.subject;
  impl_->analyze_into(message, raw.empty() ? std::string_view(message.raw) : raw, v, 0);
  v.notes.insert(v.notes.begin(), message.notes.begin(), message.notes.end());
  finalize(v, impl_->settings.thresholds);
  return v;
}

void EmailAnalyzer::Impl::analyze_into(const Message& m, std::string_view raw, Verdict& v,
                                       int depth) const {
  std::vector<Reason> reasons;
  auto add = [&](std::vector<Reason>&& rs) {
    for (auto& r : rs) reasons.push_back(std::move(r));
  };

  // Sender: authentication at the trusted receiver, alignment, names, lookalike domains.
  AuthSummary auth = summarize_auth(m, sender.auth);
  for (const auto& n : auth.notes) v.notes.push_back(n);
  add(check_sender(m, auth, *urls, sender));

  std::string from_domain = m.from.empty() ? std::string() : registrable_domain(m.from[0].domain);
  if (!from_domain.empty() && own.count(from_domain) > 0 && auth.present) {
    bool aligned_pass = auth.dmarc == "pass";
    for (const auto& d : auth.dkim) {
      if (d.result == "pass" && registrable_domain(d.domain) == from_domain) aligned_pass = true;
    }
    if (auth.spf == "pass" && registrable_domain(auth.spf_domain) == from_domain) {
      aligned_pass = true;
    }
    if (!aligned_pass) {
      reasons.push_back(
          {"own_domain_spoof",
           points.own_domain_spoof,
           fmt::format("The message says it comes from {}, your own organization's domain, but "
                       "your mail server could not confirm that (no DMARC, DKIM or SPF pass for "
                       "it): it was sent from outside, by someone using your name.",
                       from_domain),
           {{Party::kRecipient,
             "Do not act on requests in it (payments, gift cards, passwords) without calling the "
             "colleague on a number you already have."},
            {Party::kMailAdmin, fmt::format("Publish a DMARC policy of p=reject for {} and "
                                            "reject unauthenticated mail claiming it.",
                                            from_domain)}}});
    }
  }

  // Confusable (mixed-alphabet) words where filters and people read the message first.
  std::vector<std::string> mixed = mixed_script_words(m.subject);
  for (const auto& mb : m.from) {
    for (auto& w : mixed_script_words(mb.display_name)) mixed.push_back(std::move(w));
  }
  if (!mixed.empty()) {
    std::string list;
    for (size_t i = 0; i < mixed.size() && i < 3; ++i) {
      list += (i ? ", \"" : "\"") + mixed[i] + "\"";
    }
    reasons.push_back(
        {"confusable_text",
         points.confusable_text,
         fmt::format("The subject or sender name spells words with letters from another "
                     "alphabet that look like ours ({}): a trick to slip past filters that honest "
                     "senders have no reason to use.",
                     list),
         {{Party::kMailAdmin, "Add a filter rule for mixed-alphabet words in subjects."}}});
  }

  size_t styled = styled_letter_count(m.subject);
  for (const auto& mb : m.from) styled += styled_letter_count(mb.display_name);
  if (styled >= 3) {
    reasons.push_back(
        {"styled_letters",
         points.styled_letters,
         "The subject or sender name is written in \"fancy\" letters (bold, italic, small "
         "capitals or circled symbols that only look like letters): a way to get words past "
         "spam filters, which read them as symbols.",
         {}});
  }
  bool has_sender = std::any_of(m.from.begin(), m.from.end(), [](const Mailbox& mb) {
    return mb.address.find('@') != std::string::npos && !mb.domain.empty();
  });
  if (!has_sender && depth == 0) {
    reasons.push_back({"no_sender",
                       points.no_sender,
                       m.from.empty() ? "The message has no sender address at all."
                                      : "The sender's name is shown, but there is no real "
                                        "address behind it: nobody can be checked or answered.",
                       {}});
  }

  // Bodies: links, forms and the visible text.
  std::vector<Link> all_links;
  std::string visible;  // what the reader sees first: the plain text, else the HTML's text
  std::string html_visible;
  for (const auto& part : m.html_parts) {
    HtmlDoc doc = parse_html(part.text);
    for (auto& l : doc.links) all_links.push_back(std::move(l));
    add(html_reasons(doc, links));
    for (const auto& n : doc.notes) v.notes.push_back("HTML: " + n);
    if (html_visible.size() < 64u << 10) html_visible += doc.visible_text + "\n";
  }
  std::string plain;
  for (const auto& part : m.text_parts) {
    for (auto& l : find_text_urls(part.text)) all_links.push_back(std::move(l));
    if (plain.size() < 64u << 10) plain += part.text + "\n";
  }
  visible = plain.find_first_not_of(" \t\r\n") != std::string::npos ? plain : html_visible;
  LinkOptions lo = links;
  lo.sender_domain = from_domain;
  add(link_reasons(all_links, *link_urls, lo));

  // MIME shape.
  if (!m.html_parts.empty() && m.text_parts.empty()) {
    reasons.push_back({"html_only",
                       points.html_only,
                       "The message has only an HTML version (no plain text): common in bulk "
                       "mail, and the shape most phishing has.",
                       {}});
  }
  if (!m.html_parts.empty() && !m.text_parts.empty()) {
    auto a = word_set(plain);
    auto b = word_set(html_visible);
    if (a.size() >= 20 && b.size() >= 20) {
      size_t common = 0;
      for (const auto& w : a) common += b.count(w);
      double overlap =
          static_cast<double>(common) / static_cast<double>(std::min(a.size(), b.size()));
      if (overlap < 0.2) {
        reasons.push_back(
            {"parts_disagree",
             points.parts_disagree,
             fmt::format("The plain-text and HTML versions of the message say different things "
                         "({:.0f}% of words in common): filters may read one while you see the "
                         "other.",
                         overlap * 100),
             {}});
      }
    }
  }

  // Attachments by content, lure language.
  std::vector<std::string> att_notes;
  add(analyze_attachments(m.attachments, attachments, att_notes));
  for (auto& n : att_notes) v.notes.push_back(std::move(n));
  add(analyze_lures(m.subject, visible));

  // Offline DKIM verification (only with keys given).
  if (dkim_keys && depth == 0) {
    if (raw.empty()) {
      v.notes.push_back("DKIM not verified: the message's bytes were not kept");
    } else if (auto rep = verify_dkim(raw, *dkim_keys)) {
      for (const auto& n : rep->notes) v.notes.push_back("DKIM: " + n);
      for (const auto& sig : rep->signatures) {
        if (sig.status == DkimStatus::kFail) {
          reasons.push_back(
              {"dkim_verify_fail",
               points.dkim_verify_fail,
               fmt::format("The message's DKIM signature for {} does not verify ({}): it was "
                           "changed after signing, or the signature is forged.",
                           sig.domain, sig.reason),
               {}});
        } else if (sig.status == DkimStatus::kNoKey) {
          v.notes.push_back(fmt::format("DKIM: no key for {}._domainkey.{} in the key file",
                                        sig.selector, sig.domain));
        }
      }
    } else {
      v.notes.push_back("DKIM not verified: " + rep.error().to_string());
    }
  }

  // Attached messages (a forwarded phish, a bounce): same detectors, reasons folded in.
  for (const auto& e : m.embedded) {
    Verdict inner;
    analyze_into(e, {}, inner, depth + 1);
    std::string who = e.from.empty() ? std::string() : " from " + mailbox_text(e.from.front());
    for (auto& r : inner.reasons) {
      r.text = fmt::format("In the attached message{}: {}", who, r.text);
      reasons.push_back(std::move(r));
    }
    for (auto& n : inner.notes) v.notes.push_back("attached message: " + n);
  }

  for (auto& r : reasons) v.reasons.push_back(std::move(r));
}

}  // namespace sw::phish
