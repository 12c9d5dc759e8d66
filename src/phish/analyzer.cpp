// SPDX-License-Identifier: Apache-2.0
// UrlAnalyzer: the detectors (see analyzer.h) over parse_url()'s result; ICU uspoof supplies
// the confusable skeletons and the mixed-script check.
#include "phish/analyzer.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include <unicode/uspoof.h>
#include <unicode/utypes.h>

#include "core/ascii.h"
#include "core/base64.h"
#include "phish/unwrap.h"
#include "phish/verdict.h"

namespace sw::phish {
namespace {

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  while (true) {
    size_t p = s.find(sep);
    out.push_back(s.substr(0, p));
    if (p == std::string_view::npos) break;
    s.remove_prefix(p + 1);
  }
  return out;
}

// Runs of ASCII letters and digits ("my-PayPal.login" -> my, paypal, login), lower-cased.
std::vector<std::string> tokens(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0) {
      cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// Brand labels that are also ordinary words or name fragments: matched only as a whole token,
// never inside a longer one ("live" in "delivery", "apple" in "pineapple", "citi" in "citizen").
bool is_generic_word(std::string_view label) {
  static const std::unordered_set<std::string_view> kGeneric = {
      "live",       "office",     "outlook", "chase",   "apple",   "citi",
      "caixa",      "allegro",    "steam",   "spotify", "discord", "walmart",
      "sharepoint", "onedrive",   "verizon", "hotmail", "yahoo",   "ledger",
      "norton",     "blockchain", "zoom",    "stripe",  "halifax", "nationwide",
      "desjardins", "electrum",   "delta",   "visa",    "orange",  "interac"};
  return kGeneric.contains(label);
}

// Registrable domains a brand owns besides its main one, for the brand-in-domain-name check.
bool is_brand_owned(std::string_view registrable) {
  static const std::unordered_set<std::string_view> kOwned = {"amazonaws.com",
                                                              "googleapis.com",
                                                              "googleusercontent.com",
                                                              "googlesyndication.com",
                                                              "paypalobjects.com",
                                                              "microsoftonline.com",
                                                              "facebookmail.com",
                                                              "appleid.apple.com",
                                                              "googlevideo.com",
                                                              "amazontrust.com",
                                                              "linkedin.cn",
                                                              "ebaystatic.com",
                                                              "ebayimg.com",
                                                              "adobelogin.com",
                                                              "dropboxusercontent.com",
                                                              "googletagmanager.com",
                                                              "google-analytics.com",
                                                              "steamstatic.com",
                                                              "microsoftstore.com",
                                                              "yahooapis.com",
                                                              "bb.com.br",
                                                              "poste.it",
                                                              "zoom.com",
                                                              "runescape.wiki"};
  return kOwned.contains(registrable);
}

// Real, established domains within a lookalike's distance of a protected one that belong to
// someone else honestly: Microsoft 365 tenant domains (x.onmicrosoft.com), mail.com (a mail
// provider, one letter from gmail.com), PayPay (a Japanese payment service).
bool is_known_not_lookalike(std::string_view registrable) {
  static const std::unordered_set<std::string_view> kKnown = {"onmicrosoft.com", "mail.com",
                                                              "paypay.ne.jp"};
  return kKnown.contains(registrable);
}

struct Protected {
  std::string domain;    // paypal.com
  std::string label;     // paypal
  std::string skeleton;  // ICU skeleton of the label
  bool generic = false;
  uint64_t chars = 0;  // char_mask(label)
};

// Which of a-z, 0-9 and '-' occur in `s` (other bytes share one bit): a word can contain a
// label only if it has all of the label's characters, a cheap test before the comparisons.
uint64_t char_mask(std::string_view s) {
  uint64_t m = 0;
  for (char c : s) {
    int bit = c >= 'a' && c <= 'z'   ? c - 'a'
              : c >= '0' && c <= '9' ? 26 + (c - '0')
              : c == '-'             ? 36
                                     : 37;
    m |= uint64_t{1} << bit;
  }
  return m;
}

struct SpoofCloser {
  void operator()(USpoofChecker* sc) const { uspoof_close(sc); }
};
using SpoofPtr = std::unique_ptr<USpoofChecker, SpoofCloser>;

std::string skeleton_of(const USpoofChecker* sc, const std::string& s) {
  if (sc == nullptr || s.size() > 1024) return s;
  UErrorCode st = U_ZERO_ERROR;
  char buf[4096];
  int32_t n = uspoof_getSkeletonUTF8(sc, 0, s.c_str(), static_cast<int32_t>(s.size()), buf,
                                     sizeof(buf), &st);
  if (U_FAILURE(st) || n < 0 || n >= static_cast<int32_t>(sizeof(buf))) return s;
  return std::string(buf, static_cast<size_t>(n));
}

// The first label of the registrable domain, as written in Unicode (host_unicode's tail).
std::string registrable_label_unicode(const ParsedUrl& u) {
  size_t labels =
      static_cast<size_t>(std::count(u.registrable.begin(), u.registrable.end(), '.')) + 1;
  auto parts = split(u.host_unicode, '.');
  if (!parts.empty() && parts.back().empty()) parts.pop_back();
  if (parts.size() < labels) return {};
  return std::string(parts[parts.size() - labels]);
}

// A host list entry ("weebly.com", "docs.google.com/forms"): without a path, the host is a
// subdomain of it (users' pages; the provider's own site is not one); with a path, the host is it
// or a subdomain and the path starts with the entry's (ASCII case ignored).
bool host_list_hit(const ParsedUrl& u, std::string_view entry) {
  size_t slash = entry.find('/');
  std::string_view fhost = entry.substr(0, slash);
  const std::string& host = u.host_ascii;
  bool sub = is_subdomain_of(host, fhost);
  if (slash == std::string_view::npos) return sub;
  if (host != fhost && !sub) return false;
  std::string_view prefix = entry.substr(slash);
  return u.path.size() >= prefix.size() &&
         ascii_lower(std::string_view(u.path).substr(0, prefix.size())) == prefix;
}

// The first entry of `list` that `u` hits, or nullptr.
const std::string* host_list_find(const ParsedUrl& u, const std::vector<std::string>& list) {
  for (const auto& entry : list) {
    if (host_list_hit(u, entry)) return &entry;
  }
  return nullptr;
}

// A path segment that is a web address of its own: "www.bank.com", "sucursal.banco.com.co",
// "tim.it"; letters, digits and '-' in dot-separated labels ending in a generic or two-letter
// country TLD. File names (".php", ".html") are not addresses; neither are the two-letter endings
// that are also file types (".sh", ".py", ".pl", ".js", ".md", ...).
bool is_address_segment(std::string_view seg) {
  if (seg.size() < 4 || seg.size() > 253 || seg.find('.') == std::string_view::npos) return false;
  auto labels = split(seg, '.');
  for (auto l : labels) {
    if (l.empty() || !std::all_of(l.begin(), l.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-';
        })) {
      return false;
    }
  }
  std::string_view tld = labels.back();
  if (labels[labels.size() - 2].size() < 2 ||
      !std::all_of(tld.begin(), tld.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return false;
  }
  static const std::unordered_set<std::string_view> kGeneric = {
      "com", "net", "org", "info", "biz", "gov", "edu", "online", "xyz", "site", "top"};
  static const std::unordered_set<std::string_view> kFileTypes = {
      "sh", "py", "pl", "js", "md", "rs", "ts", "so", "cc", "hh", "ai", "ps", "rb",
      "cs", "fs", "ml", "mm", "gz", "xz", "bz", "db", "do", "me", "tv", "io", "ws",
      "to", "ly", "im", "am", "fm", "gs", "vc", "lv", "ms", "es", "pm"};
  if (kGeneric.contains(tld)) return true;
  return tld.size() == 2 && !kFileTypes.contains(tld);
}

// The verdict a URL's score earns under `o`'s thresholds (the e-mail rule, verdict.h).
std::string url_verdict(int score, const UrlOptions& o) {
  return verdict_for(score, Thresholds{o.suspicious_at, o.phishing_at});
}

// `host` without its public suffix: subdomains and the registrable domain's own label
// ("secure.paypal.com-zx" for secure.paypal.com-zx.ru, registrable com-zx.ru); "" when
// `registrable` (eTLD+1) is not a domain of it.
std::string_view without_public_suffix(std::string_view host, std::string_view registrable) {
  size_t reg_dot = registrable.find('.');
  if (registrable.empty() || reg_dot == std::string_view::npos ||
      registrable.size() > host.size()) {
    return {};
  }
  return host.substr(0, host.size() - (registrable.size() - reg_dot));  // ".com", ".com.br" off
}

// Words of an account or security page inside a host name (without its public suffix), or
// nullptr.
const char* account_word_in(std::string_view host) {
  static const char* const kWords[] = {"secure",  "login",   "logon",   "signin",  "verif",
                                       "account", "update",  "confirm", "webscr",  "billing",
                                       "recover", "unlock",  "wallet",  "banking", "payment",
                                       "suspend", "activat", "validat", "refund",  "customer"};
  for (const char* w : kWords) {
    if (host.find(w) != std::string_view::npos) return w;
  }
  return nullptr;
}

// "name@domain.tld" shape at `at` in `s`: a letter or digit on both sides, a dot after.
bool address_at(std::string_view s, size_t at) {
  return at > 0 && at + 1 < s.size() && s.find('.', at) != std::string_view::npos &&
         std::isalnum(static_cast<unsigned char>(s[at - 1])) != 0 &&
         std::isalnum(static_cast<unsigned char>(s[at + 1])) != 0;
}

// An e-mail address in a query or fragment: percent-decoded, or a base64 / base64url value of
// 12+ characters that decodes to one.
bool has_email_address(std::string_view part) {
  if (part.empty()) return false;
  std::string decoded = percent_decode(part);
  for (size_t at = decoded.find('@'); at != std::string::npos; at = decoded.find('@', at + 1)) {
    if (address_at(decoded, at)) return true;
  }
  for (auto field : split(decoded, '&')) {
    std::string_view v =
        field.substr(field.find('=') == std::string_view::npos ? 0 : field.find('=') + 1);
    while (!v.empty() && v.back() == '=') v.remove_suffix(1);
    if (v.size() < 12 || v.size() > 512) continue;
    auto bytes = v.find_first_of("-_") != std::string_view::npos ? base64_decode_url(v)
                                                                 : base64_decode_std(v);
    if (!bytes) continue;
    size_t at = bytes->find('@');
    if (at != std::string::npos && address_at(*bytes, at) &&
        std::all_of(bytes->begin(), bytes->end(),
                    [](char c) { return std::isgraph(static_cast<unsigned char>(c)) != 0; })) {
      return true;
    }
  }
  return false;
}

// A piece of a big brand's sign-in address structure in a lower-cased "path?query", or nullptr.
const char* copied_sign_in_path(std::string_view pq) {
  static const char* const kMarkers[] = {
      "customer_center", "myaccount/signin", "cmd=_",      "cmd=login_submit", "/webapps/",
      "/cgi-bin/webscr", "country.x=",       "/ap/signin", "/servicelogin",    "/signin/v2/",
      "/common/oauth2/", "/adfs/ls",         "/owa/auth"};
  for (const char* m : kMarkers) {
    if (pq.find(m) != std::string_view::npos) return m;
  }
  return nullptr;
}

}  // namespace

std::string machine_made_label(std::string_view domain, std::string_view registrable) {
  // Everything before the public suffix: subdomains and the registrable domain's own label.
  std::string_view rest = without_public_suffix(domain, registrable);
  if (rest.empty()) return {};
  size_t start = 0;
  while (start <= rest.size()) {
    size_t end = rest.find_first_of(".-", start);
    if (end == std::string_view::npos) end = rest.size();
    std::string_view part = rest.substr(start, end - start);
    if (part.size() >= 8) {
      int digits = 0;
      int letters = 0;
      bool digit_letter = false;
      bool letter_digit = false;
      for (size_t i = 0; i < part.size(); ++i) {
        bool d = std::isdigit(static_cast<unsigned char>(part[i])) != 0;
        digits += d ? 1 : 0;
        letters += std::isalpha(static_cast<unsigned char>(part[i])) != 0 ? 1 : 0;
        if (i > 0) {
          bool pd = std::isdigit(static_cast<unsigned char>(part[i - 1])) != 0;
          if (pd && !d) digit_letter = true;
          if (!pd && d) letter_digit = true;
        }
      }
      if (digits >= 2 && letters >= 4 && digit_letter && letter_digit) {
        // The whole hyphenated word it belongs to, for the explanation.
        size_t w0 = rest.rfind('.', start == 0 ? 0 : start - 1);
        w0 = (w0 == std::string_view::npos || start == 0) ? 0 : w0 + 1;
        size_t w1 = rest.find('.', end);
        return std::string(rest.substr(w0, (w1 == std::string_view::npos ? rest.size() : w1) - w0));
      }
    }
    if (end >= rest.size()) break;
    start = end + 1;
  }
  return {};
}

int damerau_levenshtein(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  const size_t m = b.size();
  if (n > 256 || m > 256) return static_cast<int>(std::max(n, m));
  // Three rolling rows (i-2, i-1, i) of the optimal-string-alignment table, in one buffer per
  // thread: this runs for every protected brand on every new domain.
  thread_local std::vector<int> buf;
  buf.assign(3 * (m + 1), 0);
  int* two = buf.data();
  int* prev = two + (m + 1);
  int* cur = prev + (m + 1);
  for (size_t j = 0; j <= m; ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], two[j - 2] + 1);
      }
    }
    int* t = two;
    two = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

struct UrlAnalyzer::Impl {
  UrlOptions opt;
  std::vector<Protected> prot;
  std::unordered_set<std::string> protected_domains;
  std::unordered_set<std::string> shorteners;
  std::unordered_set<std::string> tlds;
  SpoofPtr skel_checker;  // skeletons only
  SpoofPtr mixed;         // restriction level + mixed-script confusables
  // lookalike() answers by registrable domain: a message links to the same few sites many times,
  // and each answer costs a skeleton and an edit distance per protected domain.
  mutable std::mutex memo_mu;
  mutable std::unordered_map<std::string, const Protected*> lookalike_memo;

  const Protected* brand_by_label(std::string_view label) const {
    for (const auto& p : prot) {
      if (p.label == label) return &p;
    }
    return nullptr;
  }

  // A protected brand named in `text` (its tokens contain the label). A brand label that is an
  // ordinary word counts only with its suffix ("live.com.evil.xyz", "/office.com/login"), not
  // "delivery-live-news.com" or "/modern-office-interior".
  const Protected* brand_in(std::string_view text) const {
    auto toks = tokens(text);
    std::vector<uint64_t> masks;
    masks.reserve(toks.size());
    uint64_t all = 0;
    for (const auto& t : toks) {
      masks.push_back(char_mask(t));
      all |= masks.back();
    }
    for (const auto& p : prot) {
      if (p.label.size() < 4 || (p.chars & ~all) != 0) continue;
      if (p.generic) {
        if (text.find(p.domain) != std::string_view::npos) return &p;
        continue;
      }
      for (size_t i = 0; i < toks.size(); ++i) {
        if ((p.chars & ~masks[i]) == 0 && label_in_token(toks[i], p.label)) return &p;
      }
    }
    return nullptr;
  }

  // A folder or page of the path named exactly as a protected brand ("/chase/", "/dhl/",
  // "/onedrive.html"), ordinary-word and three-letter labels included: a folder named only by
  // the brand is a kit's, while "/2015/chase-utley-hits" or "/pop-ups/" are not counted.
  const Protected* brand_folder(std::string_view path) const {
    std::string lower = ascii_lower(percent_decode(path));
    for (auto seg : split(lower, '/')) {
      if (size_t dot = seg.rfind('.'); dot != std::string_view::npos) seg = seg.substr(0, dot);
      if (seg.size() < 3) continue;
      for (const auto& p : prot) {
        if (p.label == seg) return &p;
      }
    }
    return nullptr;
  }

  // A brand label inside one token of a host: the whole token, its start (paypalsecure), its end
  // for labels of 6+ letters (securepaypal), anywhere for 7+ (mymicrosoftlogin). A short label at
  // the end or in the middle is most often part of another word ("gmail" in "shagmail").
  static bool label_in_token(std::string_view t, std::string_view label) {
    if (t == label || t.starts_with(label)) return true;
    if (label.size() >= 6 && t.ends_with(label)) return true;
    return label.size() >= 7 && t.find(label) != std::string_view::npos;
  }

  bool is_protected(const ParsedUrl& u) const {
    return protected_domains.contains(u.registrable) || is_brand_owned(u.registrable) ||
           is_brand_owned(u.host_ascii);
  }

  // The registrable domain belongs to a protected brand: the brand's own domain, a domain it
  // owns, or the same label under another suffix (paypal.de, amazon.co.uk).
  bool same_brand(const ParsedUrl& u) const {
    if (is_protected(u)) return true;
    return brand_by_label(first_label(u.registrable)) != nullptr;
  }

  // A protected brand named in the subdomain part of the host (paypal.com.evil.xyz) or inside
  // the registrable domain's name (paypal-secure.xyz); not the brand's own label alone.
  const Protected* brand_in_host(const ParsedUrl& u) const {
    std::string sub = u.host_ascii.size() > u.registrable.size()
                          ? u.host_ascii.substr(0, u.host_ascii.size() - u.registrable.size())
                          : std::string();
    if (const Protected* b = brand_in(sub); b != nullptr) return b;
    const Protected* in_name = brand_in(u.registrable);
    if (in_name != nullptr && in_name->label != first_label(u.registrable)) return in_name;
    return nullptr;
  }

  // The protected domain whose label the registrable domain's label imitates: the same ICU
  // confusable skeleton (paypa1, Cyrillic аpple), or Damerau-Levenshtein distance <= 1 (labels
  // >= 5 chars) / <= 2 (>= 9 chars); for "paypa1-secure" each hyphen-separated part as well.
  const Protected* lookalike(const ParsedUrl& u) const {
    if (is_known_not_lookalike(u.registrable)) return nullptr;
    std::string key = u.registrable + '\n' + registrable_label_unicode(u);
    {
      std::lock_guard<std::mutex> lock(memo_mu);
      if (auto it = lookalike_memo.find(key); it != lookalike_memo.end()) return it->second;
    }
    const Protected* found = lookalike_uncached(u);
    std::lock_guard<std::mutex> lock(memo_mu);
    if (lookalike_memo.size() >= 65536) lookalike_memo.clear();
    lookalike_memo.emplace(std::move(key), found);
    return found;
  }

  const Protected* lookalike_uncached(const ParsedUrl& u) const {
    std::string label_u = registrable_label_unicode(u);
    std::string label_a(first_label(u.registrable));
    const std::string skel = skeleton_of(skel_checker.get(), label_u.empty() ? label_a : label_u);
    std::vector<std::pair<std::string, std::string>> candidates;  // (ascii, skeleton)
    candidates.emplace_back(label_a, skel);
    if (label_a.find('-') != std::string::npos && !label_a.starts_with("xn--")) {
      for (auto part : split(label_u.empty() ? label_a : label_u, '-')) {
        if (part.size() >= 4) {
          candidates.emplace_back(std::string(part),
                                  skeleton_of(skel_checker.get(), std::string(part)));
        }
      }
    }
    for (const auto& p : prot) {
      for (const auto& [cand, cand_skel] : candidates) {
        if (cand == p.label) continue;
        bool hit = p.label.size() >= 3 && cand_skel == p.skeleton;
        if (!hit && is_ascii(cand) && !cand.starts_with("xn--") && p.label.size() >= 5) {
          int limit = p.label.size() >= 9 ? 2 : 1;
          size_t diff = cand.size() > p.label.size() ? cand.size() - p.label.size()
                                                     : p.label.size() - cand.size();
          hit = diff <= static_cast<size_t>(limit) && damerau_levenshtein(cand, p.label) <= limit;
        }
        if (hit) return &p;
      }
    }
    return nullptr;
  }

  // An IDN label of the host mixing scripts (uspoof restriction level / mixed-script
  // confusable).
  bool mixed_script(const ParsedUrl& u) const {
    if (is_ascii(u.host_unicode) || !mixed) return false;
    for (auto label : split(u.host_unicode, '.')) {
      if (is_ascii(label)) continue;
      UErrorCode st = U_ZERO_ERROR;
      int32_t r = uspoof_check2UTF8(mixed.get(), label.data(), static_cast<int32_t>(label.size()),
                                    nullptr, &st);
      if (U_SUCCESS(st) && r != 0) return true;
    }
    return false;
  }
};

UrlAnalyzer::UrlAnalyzer(UrlOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->opt = std::move(options);
  UErrorCode st = U_ZERO_ERROR;
  impl_->skel_checker.reset(uspoof_open(&st));
  if (U_FAILURE(st)) impl_->skel_checker.reset();
  st = U_ZERO_ERROR;
  impl_->mixed.reset(uspoof_open(&st));
  if (U_SUCCESS(st) && impl_->mixed) {
    uspoof_setChecks(impl_->mixed.get(), USPOOF_RESTRICTION_LEVEL | USPOOF_MIXED_SCRIPT_CONFUSABLE,
                     &st);
    uspoof_setRestrictionLevel(impl_->mixed.get(), USPOOF_HIGHLY_RESTRICTIVE);
  }
  if (U_FAILURE(st)) impl_->mixed.reset();
  for (const auto& d : impl_->opt.protected_domains) {
    Protected p;
    p.domain = ascii_lower(d);
    p.label = first_label(p.domain);
    p.skeleton = skeleton_of(impl_->skel_checker.get(), p.label);
    p.generic = is_generic_word(p.label);
    p.chars = char_mask(p.label);
    impl_->protected_domains.insert(p.domain);
    impl_->prot.push_back(std::move(p));
  }
  for (const auto& s : impl_->opt.shorteners) impl_->shorteners.insert(ascii_lower(s));
  for (const auto& t : impl_->opt.suspicious_tlds) impl_->tlds.insert(ascii_lower(t));
}

UrlAnalyzer::~UrlAnalyzer() = default;

DomainCheck UrlAnalyzer::check_domain(std::string_view domain) const {
  DomainCheck c;
  if (domain.empty() || domain.find_first_of("/?#@:") != std::string_view::npos) return c;
  auto u = parse_url("http://" + std::string(domain) + "/");
  if (!u || u->host_is_ip) return c;
  const Impl& im = *impl_;
  c.registrable = u->registrable;
  c.host_unicode = u->host_unicode;
  c.mixed_script = im.mixed_script(*u);
  if (u->registrable.empty()) return c;
  c.protected_brand = im.same_brand(*u);
  if (c.protected_brand) return c;
  if (const Protected* b = im.brand_in_host(*u); b != nullptr) {
    c.brand = b->label;
    c.brand_domain = b->domain;
  }
  if (const Protected* p = im.lookalike(*u); p != nullptr) c.lookalike_of = p->domain;
  return c;
}

std::optional<BrandMatch> UrlAnalyzer::brand_in_name(std::string_view display_name) const {
  // Words a brand's real mail puts beside its name; a name made only of a brand and these is
  // the brand speaking ("Apple Support", "DHL Express", "Chase Online Banking").
  static const std::unordered_set<std::string_view> kServiceWords = {
      "support",       "service",   "services", "team",     "account",       "accounts",
      "security",      "id",        "billing",  "customer", "customers",     "help",
      "helpdesk",      "noreply",   "no",       "reply",    "info",          "alert",
      "alerts",        "store",     "inc",      "online",   "care",          "center",
      "centre",        "express",   "delivery", "shipping", "parcel",        "notification",
      "notifications", "official",  "bank",     "banking",  "mail",          "the",
      "verification",  "payments",  "payment",  "pay",      "wallet",        "member",
      "members",       "services",  "com",      "admin",    "administrator", "it",
      "desk",          "technical", "tech",     "via"};
  const Impl& im = *impl_;
  std::string lower = ascii_lower(display_name);
  auto toks = tokens(lower);
  if (toks.empty() || toks.size() > 64) return std::nullopt;
  // Every way of naming a brand below spells its label's letters in the name.
  const uint64_t present = char_mask(lower);
  for (const auto& p : im.prot) {
    if ((p.chars & ~present) != 0) continue;
    // Written as its domain: "paypal.com", "apple.com".
    size_t at = lower.find(p.domain);
    bool hit = at != std::string::npos &&
               (at == 0 || std::isalnum(static_cast<unsigned char>(lower[at - 1])) == 0);
    if (!hit) {
      // The label as one token, or as adjacent tokens ("Bank of America", "Wells Fargo").
      size_t first = toks.size();
      size_t last = 0;
      for (size_t start = 0; start < toks.size() && first == toks.size(); ++start) {
        std::string joined;
        for (size_t end = start; end < toks.size() && joined.size() < p.label.size(); ++end) {
          joined += toks[end];
          if (joined == p.label) {
            first = start;
            last = end;
            break;
          }
        }
      }
      if (first == toks.size()) {
        // Glued to service words ("PayPalService", "AppleID") only for distinctive labels.
        if (!p.generic && p.label.size() >= 5) {
          for (const auto& t : toks) {
            if (t.size() > p.label.size() && t.starts_with(p.label) &&
                kServiceWords.contains(std::string_view(t).substr(p.label.size()))) {
              return BrandMatch{p.label, p.domain};
            }
          }
        }
        continue;
      }
      hit = true;
      if (p.generic || p.label.size() < 4) {
        for (size_t idx = 0; idx < toks.size(); ++idx) {
          if ((idx < first || idx > last) && !kServiceWords.contains(toks[idx])) hit = false;
        }
      }
    }
    if (hit) return BrandMatch{p.label, p.domain};
  }
  return std::nullopt;
}

UrlVerdict UrlAnalyzer::analyze(std::string_view url) const {
  // A link rewritten by a mail gateway or a redirector is judged by where it really goes.
  UnwrapChain chain = unwrap_all(url);
  auto u = parse_url(chain.destination);
  if (!u) {
    UrlVerdict v;
    v.verdict = "invalid";
    v.reasons.push_back(
        {"parse", 0, "this is not a valid web address: " + u.error().message(), {}});
    return v;
  }
  return analyze(*u, chain);
}

UrlVerdict UrlAnalyzer::analyze(const ParsedUrl& destination, const UnwrapChain& chain) const {
  UrlVerdict v = analyze(destination);
  if (!chain.wrappers.empty()) {
    const bool redirector = std::any_of(chain.wrappers.begin(), chain.wrappers.end(),
                                        [](Wrapper w) { return !is_security_gateway(w); });
    const int points = redirector ? impl_->opt.points.open_redirect : 0;
    v.reasons.insert(v.reasons.begin(),
                     {redirector ? "open_redirect" : "unwrapped",
                      points,
                      "the link passes through " + wrapper_names(chain) + " and really opens " +
                          chain.destination +
                          (redirector ? ": a well-known site's redirect, used to borrow its good "
                                        "name and hide the destination"
                                      : "; that destination is what was checked"),
                      {}});
    v.score += points;
    v.verdict = url_verdict(v.score, impl_->opt);
  } else if (chain.opaque) {
    v.reasons.insert(v.reasons.begin(),
                     {"unwrapped",
                      0,
                      "the link is rewritten by " + wrapper_names(chain) +
                          ", which keeps the real destination on its own servers: only the "
                          "gateway can tell where it goes",
                      {}});
  }
  return v;
}

UrlVerdict UrlAnalyzer::analyze(const ParsedUrl& u) const {
  const Impl& im = *impl_;
  const DetectorPoints& pts = im.opt.points;
  UrlVerdict v;
  auto add = [&](const char* detector, int points, std::string text) {
    if (points <= 0) return;
    v.score += points;
    v.reasons.push_back({detector, points, std::move(text), {}});
  };
  const std::string site = u.registrable.empty() ? u.host_unicode : u.registrable;

  // feed
  if (!im.opt.blocklist.empty() && im.opt.blocklist.contains(u)) {
    add("feed", pts.feed, "this address is on a list of known phishing sites");
  }

  // script_uri
  if (u.scheme == "data" || u.scheme == "javascript" || u.scheme == "vbscript") {
    add("script_uri", pts.script_uri,
        "this is not a link to a website: it is a '" + u.scheme +
            ":' link that carries its own page or program, a trick used to show a fake login "
            "form");
  }

  if (!u.host.empty()) {
    // Whether the site belongs to a protected brand, asked once: the brand-borrowing detectors
    // judge only other sites, the planted-kit detectors skip the brands' own.
    const bool brand_site = !u.registrable.empty() && im.same_brand(u);
    const bool other_site = !u.host_is_ip && !u.registrable.empty() && !brand_site;
    // ip_host
    if (u.host_is_ip) {
      auto parts = split(u.host, '.');
      bool dotted = u.host.find(':') != std::string::npos ||
                    (parts.size() == 4 && u.host.find("0x") == std::string::npos &&
                     std::none_of(parts.begin(), parts.end(),
                                  [](std::string_view p) { return p.size() > 1 && p[0] == '0'; }));
      if (dotted) {
        add("ip_host", pts.ip_host,
            "the link goes to a bare numeric internet address (" + u.host +
                ") instead of a named website; real companies do not send links like this");
      } else {
        add("ip_host", pts.ip_host_disguised,
            "the link goes to a numeric internet address written in a disguised form (" + u.host +
                "), which only serves to hide where it really goes");
      }
    }

    // userinfo
    if (!u.userinfo.empty()) {
      std::string before = ascii_lower(u.userinfo);
      const Protected* b = im.brand_in(before);
      bool domain_like = before.find('.') != std::string::npos || b != nullptr;
      add("userinfo", domain_like ? pts.userinfo_domain : pts.userinfo,
          "the address starts with '" + u.userinfo +
              "@', but everything before '@' is ignored: "
              "the link actually opens " +
              site);
    }

    // shortener
    if (im.shorteners.contains(u.registrable) || im.shorteners.contains(u.host_ascii)) {
      add("shortener", pts.shortener,
          "the link goes through a link shortener (" + site +
              "), which hides the real destination until you click");
    }

    if (other_site) {
      // brand_in_url
      if (const Protected* b = im.brand_in_host(u); b != nullptr) {
        add("brand_in_url", pts.brand_subdomain,
            "the address uses the name '" + b->label + "' but the site is actually " + site +
                ", which does not belong to " + b->domain);
      } else if (const Protected* bp = im.brand_in(percent_decode(u.path + " " + u.query));
                 bp != nullptr || (bp = im.brand_folder(u.path)) != nullptr) {
        add("brand_in_url", pts.brand_path,
            "the address mentions '" + bp->label + "' in its path, but the site is " + site +
                ", which does not belong to " + bp->domain);
      }

      // host_words: words of an account page in the site's own name. A protected brand's sites
      // are excluded above; everyone else's "secure.", "login." and "verify-" are what a
      // phishing site puts in its name to look like the real thing's account pages.
      if (const char* w = account_word_in(without_public_suffix(u.host_ascii, u.registrable));
          w != nullptr) {
        add("host_words", pts.host_words,
            std::string("the site's name contains '") + w + "' (" + u.host_unicode +
                "), as phishing sites name themselves to look like an account page; it does "
                "not belong to any company you would expect");
      }

      // copied_path: the path or query copies the address structure of a big brand's sign-in
      // pages (PayPal's "cmd=_login-submit", "webapps/.../signin", "customer_center"; Google's
      // "ServiceLogin"; Microsoft's "common/oauth2", "adfs/ls", "owa/auth"; Amazon's
      // "ap/signin"): kits reproduce them so the address bar looks right. On the brand's own
      // site (excluded above) they are simply its pages.
      if (const char* marker = copied_sign_in_path(ascii_lower(u.path + "?" + u.query));
          marker != nullptr) {
        add("copied_path", pts.copied_path,
            std::string("the address copies the sign-in address of a big company ('") + marker +
                "') but the site is " + site + ": a copied login page");
      }

      // lookalike
      if (const Protected* p = im.lookalike(u); p != nullptr) {
        add("lookalike", pts.lookalike,
            "the site's name " + (registrable_label_unicode(u).empty() ? site : u.host_unicode) +
                " is made to look like " + p->domain + " but is a different website");
      }
    }

    // mixed_script
    if (im.mixed_script(u)) {
      add("mixed_script", pts.mixed_script,
          "the site's name " + u.host_unicode +
              " mixes letters from different alphabets, a way to imitate a familiar name");
    }

    // long_host
    size_t host_labels =
        static_cast<size_t>(std::count(u.host_ascii.begin(), u.host_ascii.end(), '.')) + 1;
    size_t reg_labels =
        u.registrable.empty()
            ? host_labels
            : static_cast<size_t>(std::count(u.registrable.begin(), u.registrable.end(), '.')) + 1;
    if (!u.host_is_ip && (host_labels >= reg_labels + 4 || u.host_ascii.size() > 60)) {
      add("long_host", pts.long_host,
          "the site's name is unusually long or has many parts, which pushes the real site (" +
              site + ") out of view");
    }

    // random_host: a machine-made jumble in the site's name ("mkbixh3nv9c.example.org"): names
    // made by the thousand for throw-away sites.
    if (other_site) {
      if (std::string label = machine_made_label(u.host_ascii, u.registrable); !label.empty()) {
        add("random_host", pts.random_host,
            "the site's name contains '" + label +
                "', a machine-made jumble of letters and digits: the kind of name made by the "
                "thousand for short-lived sites");
      }
    }

    // suspicious_tld
    std::string tld = u.host_ascii.substr(u.host_ascii.rfind('.') + 1);
    if (!u.host_is_ip && im.tlds.contains(tld)) {
      add("suspicious_tld", pts.suspicious_tld,
          "the site ends in ." + tld + ", an ending often used for short-lived scam sites");
    }

    // path_oddity
    std::string path = percent_decode(u.path);
    if (path.find("//") != std::string::npos || path.find('@') != std::string::npos) {
      add("path_oddity", pts.path_oddity,
          "the address has an odd '//' or '@' in the middle, often used to smuggle in another "
          "address");
    }

    // login_words, http_login
    std::string pq = ascii_lower(percent_decode(u.path + "?" + u.query));
    static const char* const kLogin[] = {
        "login",   "log-in",   "signin",      "sign-in", "logon",   "verify",     "verification",
        "webscr",  "password", "passwd",      "banking", "wallet",  "credential", "unlock",
        "suspend", "validate", "authenticat", "recover", "webmail", "myaccount",  "confirm"};
    for (const char* w : kLogin) {
      if (pq.find(w) != std::string::npos) {
        add("login_words", pts.login_words,
            std::string("the address looks like a login or account page ('") + w + "') on " + site +
                "; check that this really is the company's own site");
        if (u.scheme == "http") {
          add("http_login", pts.http_login,
              "the page looks like a login or account page but the connection is not encrypted "
              "(http, not https)");
        }
        break;
      }
    }

    // free_hosting, dynamic_dns, file_share
    if (const std::string* f = host_list_find(u, im.opt.free_hosts); f != nullptr) {
      add("free_hosting", pts.free_hosting,
          "the page is on " + *f +
              ", a free service where anyone can publish a page or form in minutes");
    }
    if (const std::string* f = host_list_find(u, im.opt.dynamic_dns); f != nullptr) {
      add("dynamic_dns", pts.dynamic_dns,
          "the site's name " + u.host_unicode + " is a free dynamic-DNS name under " + *f +
              ": anyone can point one at their own server in a minute, without owning a domain");
    }
    if (const std::string* f = host_list_find(u, im.opt.file_shares); f != nullptr) {
      add("file_share", pts.file_share,
          "the link opens a file shared through " + f->substr(0, f->find('/')) +
              "; anyone can share a file there, so the sharer, not the service, is who you must "
              "trust");
    }

    // email_in_query: an address in the query or the fragment, as written or base64-encoded
    // (kits encode it so filters do not see it).
    if (has_email_address(u.query) || has_email_address(u.fragment)) {
      add("email_in_query", pts.email_in_query,
          "the link carries an e-mail address, as phishing links do to look addressed to you");
    }

    // login_script: a server script named as a login or account step ("login.php",
    // "verify_account.aspx"): the form handler of a copied login page. Honest sites route
    // their login through paths, rarely through a script file with such a name.
    {
      std::string lpath = ascii_lower(path);
      size_t slash = lpath.rfind('/');
      std::string file = slash == std::string::npos ? lpath : lpath.substr(slash + 1);
      size_t dot = file.rfind('.');
      std::string ext = dot == std::string::npos ? std::string() : file.substr(dot + 1);
      if (ext == "php" || ext == "asp" || ext == "aspx" || ext == "cgi" || ext == "jsp") {
        static const char* const kSteps[] = {"login",   "logon",   "signin",   "sign-in", "verif",
                                             "secur",   "account", "confirm",  "update",  "auth",
                                             "session", "webscr",  "password", "validat"};
        for (const char* w : kSteps) {
          if (file.find(w) != std::string::npos) {
            add("login_script", pts.login_script,
                "the address opens a script named like a sign-in step ('" + file + "') on " + site +
                    ": the form handler of a copied login page");
            break;
          }
        }
      }
    }

    // kit_path: a page inside a site's WordPress program folders, or inside folders sites keep
    // for program code, libraries or static files, or inside a hidden folder. Phishing kits are
    // uploaded into hacked sites there; honest links point to pages, or to the images, styles
    // and scripts kept there (not counted).
    {
      std::string kpath = ascii_lower(u.path);
      // Static files (images, styles, scripts, fonts, documents) there are what honest pages load.
      bool static_file = false;
      if (size_t slash = kpath.rfind('/'), dot = kpath.rfind('.');
          dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
        static const std::unordered_set<std::string_view> kStatic = {
            "jpg", "jpeg", "png",   "gif", "webp", "svg", "ico", "css", "js",
            "map", "woff", "woff2", "ttf", "eot",  "pdf", "mp4", "mp3", "zip"};
        static_file = kStatic.contains(std::string_view(kpath).substr(dot + 1));
      }
      static const std::unordered_set<std::string_view> kWordPress = {"wp-content", "wp-includes",
                                                                      "wp-admin"};
      static const std::unordered_set<std::string_view> kProgram = {
          "vendor", "node_modules", "includes", "wp-json", "cgi-bin", "libraries", "plugins",
          "cache",  "tmp",          "temp",     "assets",  "css",     "js",        "img",
          "images", "fonts",        "uploads",  "media",   "skin"};
      auto segs = split(kpath, '/');
      std::string_view folder;
      bool wordpress = false;
      for (size_t i = 0; !static_file && i + 1 < segs.size(); ++i) {
        std::string_view seg = segs[i];
        if (kWordPress.contains(seg)) {
          folder = seg;
          wordpress = true;
          break;
        }
        // Hidden folders, except the standard ACME challenge (a token file, not a page).
        bool hidden =
            seg.size() > 1 && seg[0] == '.' && seg != ".." &&
            !(seg == ".well-known" && i + 2 < segs.size() && segs[i + 1] == "acme-challenge");
        if (folder.empty() && (hidden || kProgram.contains(seg))) folder = seg;
      }
      // A protected brand's own site is not a hacked one (amazon.co.uk keeps pages under /css/).
      if (brand_site) folder = {};
      if (wordpress && !brand_site) {
        add("kit_path", pts.kit_path,
            "the page sits inside the program folders of a WordPress site (/" +
                std::string(folder) + "/...) on " + site +
                ", where phishing pages are planted on hacked sites");
      } else if (!folder.empty()) {
        add("kit_folder", pts.kit_folder,
            "the page sits inside a folder where websites keep program code, images or hidden "
            "files (/" +
                std::string(folder) + "/...) on " + site +
                ", not pages: that is where phishing pages are planted on hacked sites");
      }

      // address_in_path: another site's address, or a folder named "http"/"https", inside the
      // path: kits copy the real site's address into their folder names to look right.
      for (size_t i = 1; i < segs.size(); ++i) {
        std::string seg = percent_decode(segs[i]);
        bool scheme_folder = (seg == "http" || seg == "https") && i + 1 < segs.size();
        bool address =
            is_address_segment(seg) && !u.registrable.empty() && !seg.ends_with(u.registrable);
        if ((scheme_folder || address) && !brand_site) {
          add("address_in_path", pts.address_in_path,
              "the address of the page on " + site + " contains another address ('" + seg +
                  "'), as copied phishing sites do to look like the real one");
          break;
        }
      }

      // session_folder: a folder named by 32 hexadecimal digits (an MD5), the per-visitor copy a
      // phishing kit makes of itself so that each link works once.
      for (auto seg : split(kpath, '/')) {
        if (seg.size() == 32 && std::all_of(seg.begin(), seg.end(), [](char c) {
              return std::isxdigit(static_cast<unsigned char>(c)) != 0;
            })) {
          add("session_folder", pts.session_folder,
              "the address has a folder named by a 32-digit code, the copy a phishing kit makes "
              "of itself for each visitor");
          break;
        }
      }
    }
  }

  v.verdict = url_verdict(v.score, im.opt);
  return v;
}

}  // namespace sw::phish
