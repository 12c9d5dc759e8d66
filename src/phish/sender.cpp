// SPDX-License-Identifier: Apache-2.0
// Sender detectors (see sender.h). Registrable domains: libpsl through parse_url(); the
// display-name scan for addresses and domains is by hand, with libpsl deciding whether a word's
// ending is a real TLD; brands, lookalikes and mixed scripts: UrlAnalyzer (ICU uspoof).
#include "phish/sender.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/ascii.h"
#include "phish/shown.h"
#include "phish/url.h"

namespace sw::phish {
namespace {

constexpr size_t kMaxNameScan = 512;  // bytes of a display name scanned for addresses/domains
constexpr size_t kMaxNamesFound = 8;  // addresses/domains kept per display name

// The From mailbox the detectors judge: the first one with an address.
const Mailbox* from_of(const Message& m) {
  for (const auto& mb : m.from) {
    if (!mb.domain.empty()) return &mb;
  }
  return nullptr;
}

std::string domain_of(const Mailbox& mb) {
  if (!mb.domain.empty()) return ascii_lower(mb.domain);
  return mb.address.find('@') == std::string::npos ? std::string() : auth_domain(mb.address);
}

// Only letters, 6 to 16 of them, with at least three capitals after the first letter, three
// small letters and three switches between the two: "EVzJgFo", "DgcPUJUlz"; not "JohnMcDonald"
// (two capitals after the first), "noreply" or "INFO".
bool is_random_case_word(std::string_view w) {
  if (w.size() < 6 || w.size() > 16) return false;
  int upper_after_first = 0;
  int lower = 0;
  int switches = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    bool up = c >= 'A' && c <= 'Z';
    bool lo = c >= 'a' && c <= 'z';
    if (!up && !lo) return false;
    if (up && i > 0) ++upper_after_first;
    if (lo) ++lower;
    if (i > 0) {
      bool prev_up = w[i - 1] >= 'A' && w[i - 1] <= 'Z';
      if (prev_up != up) ++switches;
    }
  }
  return upper_after_first >= 3 && lower >= 3 && switches >= 3;
}

// A domain mail can really come from: at least two labels, ending in a TLD libpsl knows (not
// its "*" default rule). "pot", "bradesco" or "aaa" as a From domain are not.
bool plausible_domain(std::string_view d) {
  size_t dot = d.rfind('.');
  if (d.empty() || dot == std::string_view::npos || dot == 0 || dot + 1 >= d.size()) return false;
  std::string tld = ascii_lower(d.substr(dot + 1));
  return is_known_tld(tld);
}

// Free hosts and trial tenants a From domain can sit on: "" when none, else the service.
std::string free_sender_host(std::string_view domain) {
  static const char* const kHosts[] = {"onmicrosoft.com", "firebaseapp.com",  "web.app",
                                       "herokuapp.com",   "netlify.app",      "vercel.app",
                                       "pages.dev",       "workers.dev",      "github.io",
                                       "appspot.com",     "azurewebsites.net"};
  for (const char* h : kHosts) {
    std::string_view hv(h);
    if (domain.size() > hv.size() && domain.ends_with(hv) &&
        domain[domain.size() - hv.size() - 1] == '.') {
      return h;
    }
  }
  return {};
}

// `brand` begins one of the words of `host` ("uspsquy.com", "icloud12.x.com"), so a brand
// name ending a longer word ("shagmail.com") is not taken for the brand.
bool brand_starts_word(std::string_view host, std::string_view brand) {
  for (size_t i = 0; i + brand.size() <= host.size(); ++i) {
    bool boundary = i == 0 || std::isalnum(static_cast<unsigned char>(host[i - 1])) == 0;
    if (boundary && host.substr(i, brand.size()) == brand) return true;
  }
  return false;
}

struct Adder {
  std::vector<Reason>& out;
  void operator()(const char* detector, int points, std::string text,
                  std::vector<FollowUp> follow_ups = {}) const {
    if (points <= 0) return;
    out.push_back({detector, points, std::move(text), std::move(follow_ups)});
  }
};

FollowUp recipient(std::string action) { return {Party::kRecipient, std::move(action)}; }
FollowUp admin(std::string action) { return {Party::kMailAdmin, std::move(action)}; }
FollowUp org(std::string action) { return {Party::kOrganization, std::move(action)}; }

const char* kDontTrust =
    "Do not reply, click links or open attachments in this message; if it matters, contact "
    "the sender through a website or phone number you already know.";

std::string compauth_words(std::string_view code) {
  if (code == "000") return " (the sending domain's DMARC check failed)";
  if (code == "001") {
    return " (the sending domain has no DMARC policy and the sender could not be verified "
           "otherwise)";
  }
  if (code == "002") return " (the organization's own policy forbids this sender)";
  if (code == "010") return " (DMARC failed and the domain asks receivers to reject it)";
  return code.empty() ? std::string() : " (Microsoft reason code " + shown(code) + ")";
}

}  // namespace

const std::vector<std::string>& default_freemail_domains() {
  static const std::vector<std::string> kFree = {
      "gmail.com",      "googlemail.com", "outlook.com",    "outlook.*",      "hotmail.*",
      "live.*",         "msn.com",        "yahoo.*",        "ymail.com",      "rocketmail.com",
      "aol.com",        "aim.com",        "gmx.*",          "web.de",         "mail.ru",
      "inbox.ru",       "list.ru",        "bk.ru",          "yandex.*",       "ya.ru",
      "proton.me",      "protonmail.com", "protonmail.ch",  "pm.me",          "icloud.com",
      "me.com",         "mac.com",        "zoho.com",       "zohomail.com",   "mail.com",
      "email.com",      "usa.com",        "qq.com",         "163.com",        "126.com",
      "sina.com",       "naver.com",      "daum.net",       "hanmail.net",    "tutanota.com",
      "tuta.io",        "libero.it",      "virgilio.it",    "orange.fr",      "wanadoo.fr",
      "laposte.net",    "free.fr",        "t-online.de",    "seznam.cz",      "wp.pl",
      "o2.pl",          "interia.pl",     "onet.pl",        "rediffmail.com", "yopmail.com",
      "mailinator.com", "fastmail.com",   "hushmail.com",   "lycos.com",      "earthlink.net",
      "comcast.net",    "att.net",        "sbcglobal.net",  "verizon.net",    "bellsouth.net",
      "cox.net",        "juno.com",       "btinternet.com", "sky.com",        "bigpond.com",
      "shaw.ca",        "rogers.com",     "uol.com.br",     "bol.com.br",     "terra.com.br",
      "abv.bg",         "rambler.ru",     "op.pl",          "mail.ee",        "excite.com",
  };
  return kFree;
}

std::string registrable_domain(std::string_view domain_or_address) {
  std::string d = auth_domain(domain_or_address);
  if (d.empty() || d.find_first_of("/?#:@[] ") != std::string::npos) return d;
  auto u = parse_url("http://" + d + "/");
  if (!u || u->registrable.empty()) return d;
  return u->registrable;
}

bool is_freemail(std::string_view domain, const std::vector<std::string>& freemail) {
  std::string reg = registrable_domain(domain);
  if (reg.empty()) return false;
  std::string label(first_label(reg));
  for (const auto& f : freemail) {
    if (f.ends_with(".*")) {
      if (label == std::string_view(f).substr(0, f.size() - 2)) return true;
    } else if (reg == f) {
      return true;
    }
  }
  return false;
}

bool is_list_mail(const Message& m) {
  if (!m.list_id.empty()) return true;
  for (const char* h : {"List-Id", "List-Post", "Mailing-List", "X-Mailing-List"}) {
    if (!m.header_values(h).empty()) return true;
  }
  for (auto v : m.header_values("Precedence")) {
    if (ascii_lower(v).find("list") != std::string::npos) return true;
  }
  return false;
}

std::vector<std::string> names_in_display_name(std::string_view name) {
  std::vector<std::string> out;
  name = name.substr(0, std::min(name.size(), kMaxNameScan));
  auto word_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' || c == '_' ||
           c == '@' || c == '+';
  };
  size_t i = 0;
  while (i < name.size() && out.size() < kMaxNamesFound) {
    if (!word_char(name[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < name.size() && word_char(name[i])) ++i;
    std::string w = ascii_lower(name.substr(start, i - start));
    while (!w.empty() && (w.back() == '.' || w.back() == '-')) w.pop_back();
    size_t at = w.rfind('@');
    std::string domain = at == std::string::npos ? w : w.substr(at + 1);
    if (at == 0) continue;  // "@handle"
    size_t dot = domain.rfind('.');
    if (dot == std::string::npos || dot == 0 || dot + 2 > domain.size()) continue;
    std::string tld = domain.substr(dot + 1);
    if (!std::all_of(tld.begin(), tld.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; })) {
      continue;
    }
    if (!is_known_tld(tld)) continue;
    if (domain.starts_with(".") || domain.find("..") != std::string::npos) continue;
    out.push_back(std::move(w));
  }
  return out;
}

std::vector<Reason> auth_reasons(const Message& message, const AuthSummary& auth,
                                 const SenderPoints& pts) {
  std::vector<Reason> out;
  Adder add{out};
  const Mailbox* from = from_of(message);
  const std::string from_domain = from != nullptr ? domain_of(*from) : std::string();

  // forged_auth_header: passes claimed by headers the trust rule set aside, checked even when
  // no trusted header exists (then nothing vouches for the message at all).
  {
    std::set<std::string> said;
    for (const auto& p : auth.untrusted_pass) {
      std::string trusted_result = p.method == "dmarc"      ? auth.dmarc
                                   : p.method == "spf"      ? auth.spf
                                   : p.method == "arc"      ? auth.arc
                                   : p.method == "compauth" ? auth.compauth
                                                            : std::string();
      if (p.method == "dkim") {
        for (const auto& d : auth.dkim) {
          if (d.domain == p.domain && (trusted_result.empty() || d.result == "pass")) {
            trusted_result = d.result;
          }
        }
      }
      if (trusted_result == "pass" || trusted_result == "bestguesspass") continue;
      if (!said.insert(p.method).second) continue;
      std::string who = p.authserv_id.empty() ? "a server that does not name itself"
                                              : "'" + shown(p.authserv_id) + "'";
      std::string what = p.method == "dmarc"  ? "the sender's domain check (DMARC)"
                         : p.method == "spf"  ? "the sending server check (SPF)"
                         : p.method == "dkim" ? "the digital signature check (DKIM)"
                                              : "the " + p.method + " check";
      std::string mine = auth.present
                             ? (trusted_result.empty()
                                    ? "your mail server did not report it"
                                    : "your mail server's own result is '" + trusted_result + "'")
                             : "your mail server added no result of its own";
      // Contradicting the trusted result scores fully; a pass the trusted receiver did not
      // report at all, half.
      add("forged_auth_header",
          trusted_result.empty() ? pts.forged_auth_header / 2 : pts.forged_auth_header,
          "the message carries a header from " + who + " claiming that " + what + " passed" +
              (p.domain.empty() ? "" : " for " + shown(p.domain)) + ", but " + mine +
              "; a header like this can be written by the sender to look trustworthy",
          {recipient(kDontTrust)});
    }
  }
  if (!auth.present) return out;

  const std::string claimed = !auth.dmarc_from.empty() ? auth.dmarc_from : from_domain;
  const std::string claimed_shown = claimed.empty() ? "the sender's domain" : shown(claimed);
  // A forwarder the deployment trusts saw the message pass DMARC on receipt (ARC, RFC 8617):
  // the failures here come from its forwarding (a list's footer, a changed subject), not from a
  // forger. Said, without points.
  const bool vouched =
      !auth.arc_vouched_by.empty() && (auth.dmarc == "fail" || auth.compauth == "fail" ||
                                       auth.spf == "fail" || auth.spf == "softfail");
  if (vouched) {
    out.push_back({"arc_vouched",
                   0,
                   "the sender checks failed here, but the message came through " +
                       shown(auth.arc_vouched_by) +
                       ", a forwarder you trust, and its sealed record (ARC) says the sender's "
                       "domain check passed when it received the message",
                   {}});
    return out;
  }
  const bool dmarc_failed = auth.dmarc == "fail";

  // dmarc_fail
  if (dmarc_failed) {
    std::string policy;
    if (auth.dmarc_policy == "reject" || auth.dmarc_policy == "quarantine") {
      policy = "; its owner asks receivers to " + auth.dmarc_policy + " such mail";
    }
    std::vector<FollowUp> f = {recipient(kDontTrust)};
    if (auth.dmarc_action == "none" || auth.dmarc_action.empty()) {
      f.push_back(admin("Mail that fails DMARC for " + claimed_shown +
                        " was delivered to the inbox: quarantine messages that fail DMARC."));
    }
    add("dmarc_fail", pts.dmarc_fail,
        "the message claims to come from " + claimed_shown +
            ", but the receiving mail server's check of that domain (DMARC) failed: it was "
            "almost certainly not sent by " +
            claimed_shown + policy,
        std::move(f));
  }

  // compauth_fail
  if (!dmarc_failed && (auth.compauth == "fail" || auth.compauth == "softfail")) {
    bool hard = auth.compauth == "fail";
    add("compauth_fail", hard ? pts.compauth_fail : pts.compauth_softfail,
        std::string("Microsoft's combined sender check ") +
            (hard ? "failed" : "could not confirm the sender") +
            compauth_words(auth.compauth_reason) + ": the message may not really come from " +
            claimed_shown,
        {recipient(kDontTrust)});
  }

  // spf_fail
  if (!dmarc_failed && (auth.spf == "fail" || auth.spf == "softfail")) {
    bool hard = auth.spf == "fail";
    std::string d = auth.spf_domain.empty() ? "the sending domain" : shown(auth.spf_domain);
    add("spf_fail", hard ? pts.spf_fail : pts.spf_softfail,
        std::string("the server that delivered this message is ") +
            (hard ? "not allowed" : "not clearly allowed") + " to send mail for " + d + " (SPF " +
            auth.spf + ")",
        {recipient(kDontTrust)});
  }

  // dkim_fail: signatures present, none passes.
  if (!dmarc_failed && !auth.dkim.empty()) {
    bool any_pass = std::any_of(auth.dkim.begin(), auth.dkim.end(),
                                [](const DkimAuth& d) { return d.result == "pass"; });
    auto failed = std::find_if(auth.dkim.begin(), auth.dkim.end(),
                               [](const DkimAuth& d) { return d.result == "fail"; });
    if (!any_pass && failed != auth.dkim.end()) {
      add("dkim_fail", pts.dkim_fail,
          "the message's digital signature" +
              (failed->domain.empty() ? std::string() : " for " + shown(failed->domain)) +
              " does not match its content: it was changed or forged after signing",
          {recipient(kDontTrust)});
    }
  }

  // dmarc_none
  if (auth.dmarc == "none" && !claimed.empty()) {
    add("dmarc_none", pts.dmarc_none,
        "the sending domain " + claimed_shown +
            " publishes no DMARC policy, so nothing stops others from sending mail in its name",
        {org("Treat mail claiming to come from " + claimed_shown +
             " with care: that domain does not protect its name against forgery.")});
  }
  return out;
}

std::vector<Reason> alignment_reasons(const Message& message, const AuthSummary& auth,
                                      const SenderOptions& options) {
  std::vector<Reason> out;
  Adder add{out};
  const SenderPoints& pts = options.points;
  const Mailbox* from = from_of(message);
  if (from == nullptr) return out;
  const std::string from_domain = domain_of(*from);
  if (!plausible_domain(from_domain)) return out;  // nothing to align with
  const std::string from_reg = registrable_domain(from_domain);
  const bool list = is_list_mail(message);

  // return_path_mismatch
  if (!list && !message.return_path.empty()) {
    std::string rp = registrable_domain(message.return_path);
    if (!rp.empty() && rp != from_reg) {
      add("return_path_mismatch", pts.return_path_mismatch,
          "bounces for this message go to " + shown(rp) + ", not to the sender's domain " +
              shown(from_reg));
    }
  }

  // dkim_unaligned
  {
    std::vector<std::string> passing;
    bool aligned = false;
    for (const auto& d : auth.dkim) {
      if (d.result != "pass" || d.domain.empty()) continue;
      std::string reg = registrable_domain(d.domain);
      if (reg == from_reg) aligned = true;
      passing.push_back(reg);
    }
    if (!passing.empty() && !aligned) {
      add("dkim_unaligned", pts.dkim_unaligned,
          "the message is signed by " + shown(passing.front()) + ", not by the sender's domain " +
              shown(from_reg));
    }
  }

  // sender_mismatch
  if (!list) {
    for (const auto& s : message.sender) {
      std::string reg = registrable_domain(domain_of(s));
      if (plausible_domain(reg) && reg != from_reg) {
        add("sender_mismatch", pts.sender_mismatch,
            "the message says it is from " + shown(from_reg) + " but was sent on its behalf by " +
                shown(reg));
        break;
      }
    }
  }

  // reply_to_mismatch / reply_to_freemail
  for (const auto& r : message.reply_to) {
    std::string rd = domain_of(r);
    std::string reg = registrable_domain(rd);
    if (!plausible_domain(rd) || reg == from_reg) continue;
    bool free_reply = is_freemail(reg, options.freemail_domains);
    bool free_from = is_freemail(from_reg, options.freemail_domains);
    if (free_reply && !free_from) {
      add("reply_to_freemail", pts.reply_to_freemail,
          "the message comes from " + shown(from_reg) + ", but replies go to a free e-mail box (" +
              shown(r.address) + "); companies do not answer from free mail accounts",
          {recipient("Do not answer this message; contact " + shown(from_reg) +
                     " through an address you already know.")});
    } else if (!list) {
      add("reply_to_mismatch", pts.reply_to_mismatch,
          "the message comes from " + shown(from_reg) + ", but replies would go to " + shown(reg) +
              ", a different domain");
    }
    break;
  }
  return out;
}

std::vector<Reason> display_name_reasons(const Message& message, const UrlAnalyzer& urls,
                                         const SenderOptions& options) {
  std::vector<Reason> out;
  Adder add{out};
  const SenderPoints& pts = options.points;
  const Mailbox* from = from_of(message);
  if (from == nullptr) return out;
  const std::string from_domain = domain_of(*from);
  const std::string from_reg = registrable_domain(from_domain);
  const std::string& name = from->display_name;
  const std::string from_shown = shown(from->address);
  const std::string from_site = plausible_domain(from_domain) ? shown(from_reg) : from_shown;

  if (message.encoded_from_hides_address) {
    add("encoded_from_hides_address", pts.encoded_from_hides_address,
        "the sender's name was written in an encoded form that hides an e-mail address inside "
        "it, a trick to get past filters and show you a trusted address",
        {recipient(kDontTrust)});
  }
  if (name.empty()) return out;

  const DomainCheck own = urls.check_domain(from_domain);
  const bool list = is_list_mail(message);
  const bool via = list && ascii_lower(name).find(" via ") != std::string::npos;

  // name_brand
  std::string brand_reg;
  if (auto b = urls.brand_in_name(name); b && !own.protected_brand) {
    brand_reg = registrable_domain(b->domain);
    add("name_brand", pts.name_brand,
        "the sender's name says '" + shown(name) + "', but the message comes from " + from_site +
            ", which does not belong to " + b->domain,
        {recipient(kDontTrust + std::string(" If you have an account with ") + b->domain +
                   ", go to its website or app yourself."),
         org("Block mail from " + from_site + " that uses the name of " + b->domain + ".")});
  }

  // name_has_address / name_has_domain
  if (!via) {
    for (const auto& w : names_in_display_name(name)) {
      std::string reg = registrable_domain(w);
      if (reg.empty() || reg == from_reg || reg == brand_reg) continue;
      if (first_label(reg) == first_label(from_reg)) continue;  // amazon.com / amazon.co.uk
      if (own.protected_brand && urls.check_domain(reg).protected_brand) continue;  // brand family
      bool address = w.find('@') != std::string::npos;
      add(address ? "name_has_address" : "name_has_domain",
          address ? pts.name_has_address : pts.name_has_domain,
          "the sender's name shows " + std::string(address ? "the address " : "the website ") +
              shown(w) + ", but the message really comes from " + from_shown,
          {recipient(kDontTrust)});
      break;
    }
  }

  // name_person
  {
    auto name_toks = [](std::string_view s) {
      std::vector<std::string> t;
      std::string cur;
      for (char c : s) {
        if (std::isalnum(static_cast<unsigned char>(c)) != 0 ||
            static_cast<unsigned char>(c) >= 0x80) {
          cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else if (!cur.empty()) {
          t.push_back(std::move(cur));
          cur.clear();
        }
      }
      if (!cur.empty()) t.push_back(std::move(cur));
      return t;
    };
    auto shown_toks = name_toks(name.substr(0, std::min(name.size(), kMaxNameScan)));
    for (const auto& person : options.protected_people) {
      auto want = name_toks(person.name);
      if (want.empty()) continue;
      bool all = std::all_of(want.begin(), want.end(), [&](const std::string& t) {
        return std::find(shown_toks.begin(), shown_toks.end(), t) != shown_toks.end();
      });
      if (!all) continue;
      bool theirs =
          std::any_of(person.domains.begin(), person.domains.end(),
                      [&](const std::string& d) { return registrable_domain(d) == from_reg; });
      if (theirs) continue;
      add("name_person", pts.name_person,
          "the sender's name is " + shown(person.name) + ", but the message comes from " +
              from_shown + ", which is not one of " + shown(person.name) + "'s addresses",
          {recipient("Before acting on this message, confirm with " + shown(person.name) +
                     " in person or by a phone number you already know."),
           org("Someone is impersonating " + shown(person.name) + " from " + shown(from_reg) +
               ": block that sender and warn colleagues.")});
      break;
    }
  }
  return out;
}

std::vector<Reason> sender_domain_reasons(const Message& message, const UrlAnalyzer& urls,
                                          const SenderOptions& options) {
  std::vector<Reason> out;
  Adder add{out};
  const SenderPoints& pts = options.points;
  const Mailbox* from = from_of(message);
  std::vector<std::pair<std::string, bool>> domains;  // (domain, is reply-to)
  if (from != nullptr) domains.emplace_back(domain_of(*from), false);
  for (const auto& r : message.reply_to) {
    std::string d = domain_of(r);
    if (!d.empty() &&
        (from == nullptr || registrable_domain(d) != registrable_domain(domains[0].first))) {
      domains.emplace_back(d, true);
      break;
    }
  }
  // from_malformed: an address that only looks like one. A quoted local part carrying '@'
  // ("no-reply@Edeka.de" in quotes, with no domain after it), a '<' inside the address, a comma
  // for a dot ("hd-promos,com"): mail programs show the text, filters find no domain to check.
  // A single-label domain ("@correios", "@govbr") is not on the internet at all; it counts when
  // the name claims someone (a bare address as its own name makes no claim).
  if (from != nullptr) {
    const std::string d = domain_of(*from);
    const std::string& a = from->address;
    const bool garbled = a.find_first_of("<>") != std::string::npos ||
                         d.find_first_of(",\"<>()[];:\\ ") != std::string::npos;
    const bool dotless = !garbled && !d.empty() && d.find('.') == std::string::npos &&
                         !from->display_name.empty() &&
                         ascii_lower(from->display_name) != ascii_lower(a);
    if (garbled || dotless) {
      add("from_malformed", pts.from_malformed,
          garbled ? "the sender's address (" + shown(a) +
                        ") is garbled so that it reads like a real address, but it has no domain "
                        "that could be checked: a trick to look like someone else"
                  : "the sender's address ends in '@" + shown(d) +
                        "', which is not an internet domain: mail from the internet cannot "
                        "honestly come from it",
          {recipient(kDontTrust)});
    }
  }

  // sender_random_local: the From address's local part is a random jumble of upper- and
  // lower-case letters ("EVzJgFo@", "XhFTOvfL@"), made per message by a sending script. People
  // and companies choose words ("john.smith", "JohnMcDonald", "noreply"); tracking codes of
  // honest bulk mail carry digits and punctuation ("Online#3.20351.c6-p402l...") and do not count.
  if (from != nullptr) {
    std::string_view local = std::string_view(from->address).substr(0, from->address.find('@'));
    if (is_random_case_word(local)) {
      add("sender_random_local", pts.sender_random_local,
          "the sender's address starts with '" + shown(local) +
              "', a random jumble of capital and small letters made by a sending program, not a "
              "name anyone chose",
          {});
    }
  }

  std::set<std::string> fired;
  for (const auto& [domain, reply] : domains) {
    DomainCheck c = urls.check_domain(domain);
    if (c.registrable.empty() && !c.mixed_script) continue;
    std::string who = reply ? "replies to this message go to " : "the message comes from ";
    std::string site = shown(c.host_unicode.empty() ? domain : c.host_unicode);
    if (!c.lookalike_of.empty() && fired.insert("sender_lookalike").second) {
      add("sender_lookalike", pts.sender_lookalike,
          who + site + ", a name made to look like " + c.lookalike_of +
              " but belonging to someone else",
          {recipient(kDontTrust), org("Block the lookalike domain " + shown(c.registrable) +
                                      " at the mail gateway and the web proxy.")});
    }
    if (c.mixed_script && fired.insert("sender_mixed_script").second) {
      add("sender_mixed_script", pts.sender_mixed_script,
          who + site +
              ", a name that mixes letters from different alphabets to imitate a "
              "familiar one",
          {recipient(kDontTrust),
           org("Block the domain " + shown(c.registrable.empty() ? domain : c.registrable) +
               " at the mail gateway.")});
    }
    if (!c.brand.empty() && c.lookalike_of.empty() &&
        brand_starts_word(ascii_lower(domain), c.brand) && fired.insert("sender_brand").second) {
      add("sender_brand_in_domain", pts.sender_brand_in_domain,
          who + site + ", which uses the name '" + c.brand + "' but does not belong to " +
              c.brand_domain,
          {recipient(kDontTrust)});
    }
    if (reply) continue;
    std::string d = ascii_lower(domain);
    if (std::string label = machine_made_label(d, c.registrable);
        !label.empty() && fired.insert("sender_random_domain").second) {
      add("sender_random_domain", pts.sender_random_domain,
          who + site + ": '" + shown(label) +
              "' is a machine-made jumble of letters and digits, the kind of name registered by "
              "the thousand for one mailing and thrown away",
          {recipient(kDontTrust),
           org("Block mail from " + shown(c.registrable.empty() ? d : c.registrable) + ".")});
    }
    if (std::string host = free_sender_host(d);
        !host.empty() && fired.insert("sender_free_host").second) {
      add("sender_free_host", pts.sender_free_host,
          who + site + ", an address on " + host +
              ", where anyone can make a domain in minutes for free (a trial Microsoft 365 "
              "tenant or a free app host); real companies send from their own domain",
          {recipient(kDontTrust)});
    }
  }
  return out;
}

std::vector<Reason> check_sender(const Message& message, const AuthSummary& auth,
                                 const UrlAnalyzer& urls, const SenderOptions& options) {
  std::vector<Reason> out = auth_reasons(message, auth, options.points);
  for (auto* group : {&alignment_reasons}) {
    auto more = (*group)(message, auth, options);
    out.insert(out.end(), more.begin(), more.end());
  }
  for (auto* group : {&display_name_reasons, &sender_domain_reasons}) {
    auto more = (*group)(message, urls, options);
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

std::vector<Reason> check_sender(const Message& message, const UrlAnalyzer& urls,
                                 const SenderOptions& options) {
  return check_sender(message, summarize_auth(message, options.auth), urls, options);
}

}  // namespace sw::phish
