// SPDX-License-Identifier: Apache-2.0
// Authentication-Results parsing by hand (no library exposes one; see authres.h): a tokenizer
// that turns the value into words, quoted strings, '=', ';' and comments, then a single pass over
// the tokens following RFC 8601's grammar. Linear in the value's length (capped at
// kMaxAuthResBytes); comments nest with a counter, not recursion.
#include "phish/authres.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <set>

#include "core/ascii.h"
#include "core/host.h"

namespace sw::phish {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
}

enum class Tok { kWord, kQuoted, kEq, kSemi, kComment };

struct Token {
  Tok kind;
  std::string text;  // word, quoted-string content (unescaped), comment content
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Words run to whitespace or one of ;="(. '/', '.', '@' and ':' stay inside words, so
// "dkim/1", "header.from", "@example.org" and unquoted base64 ("SI+iq/kld") are one word each.
std::vector<Token> tokenize(std::string_view s, std::vector<std::string>& problems) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (is_space(c)) {
      ++i;
    } else if (c == ';') {
      out.push_back({Tok::kSemi, ";"});
      ++i;
    } else if (c == '=') {
      out.push_back({Tok::kEq, "="});
      ++i;
    } else if (c == '"') {
      std::string text;
      ++i;
      bool closed = false;
      while (i < s.size()) {
        if (s[i] == '\\' && i + 1 < s.size()) {
          text += s[i + 1];
          i += 2;
        } else if (s[i] == '"') {
          closed = true;
          ++i;
          break;
        } else {
          text += s[i++];
        }
      }
      if (!closed) problems.emplace_back("a quoted string is not closed");
      out.push_back({Tok::kQuoted, std::move(text)});
    } else if (c == '(') {
      // Nested comments: a depth counter, quoted-pairs skipped.
      std::string text;
      int depth = 1;
      ++i;
      while (i < s.size() && depth > 0) {
        if (s[i] == '\\' && i + 1 < s.size()) {
          text += s[i + 1];
          i += 2;
          continue;
        }
        if (s[i] == '(') ++depth;
        if (s[i] == ')') --depth;
        if (depth > 0) text += s[i];
        ++i;
      }
      if (depth > 0) problems.emplace_back("a comment is not closed");
      out.push_back({Tok::kComment, std::move(text)});
    } else if (c == ')') {
      problems.emplace_back("a stray ')'");
      ++i;
    } else {
      size_t start = i;
      while (i < s.size() && !is_space(s[i]) && s[i] != ';' && s[i] != '=' && s[i] != '"' &&
             s[i] != '(' && s[i] != ')') {
        ++i;
      }
      out.push_back({Tok::kWord, std::string(s.substr(start, i - start))});
    }
  }
  return out;
}

class Parser {
 public:
  Parser(const std::vector<Token>& toks, std::vector<std::string>& problems)
      : toks_(toks), problems_(problems) {}

  // The next token that is not a comment, or nullptr at the end; comments passed over are kept
  // in `last_comment_` (the first one since the last call that cleared it).
  const Token* peek() {
    while (pos_ < toks_.size() && toks_[pos_].kind == Tok::kComment) {
      if (!comment_seen_) {
        last_comment_ = toks_[pos_].text;
        comment_seen_ = true;
      }
      ++pos_;
    }
    return pos_ < toks_.size() ? &toks_[pos_] : nullptr;
  }
  const Token* next() {
    const Token* t = peek();
    if (t != nullptr) ++pos_;
    return t;
  }
  // The token after the next non-comment one, skipping comments (lookahead 2).
  const Token* peek2() {
    peek();
    size_t p = pos_ + 1;
    while (p < toks_.size() && toks_[p].kind == Tok::kComment) ++p;
    return p < toks_.size() ? &toks_[p] : nullptr;
  }
  void skip_to_semi() {
    while (const Token* t = peek()) {
      if (t->kind == Tok::kSemi) return;
      ++pos_;
    }
  }
  void clear_comment() {
    last_comment_.clear();
    comment_seen_ = false;
  }
  const std::string& comment() const { return last_comment_; }

  // resinfo list: [";"] method[/version] "=" result [reason=..] [ptype.prop=value ...] ...
  void results(AuthResHeader& h) {
    while (true) {
      const Token* t = peek();
      if (t == nullptr) return;
      if (t->kind == Tok::kSemi) {
        ++pos_;
        continue;
      }
      if (t->kind != Tok::kWord) {
        problems_.push_back("unexpected '" + t->text.substr(0, 40) + "' skipped");
        ++pos_;
        skip_to_semi();
        continue;
      }
      const Token* t2 = peek2();
      if (iequals(t->text, "none") && (t2 == nullptr || t2->kind == Tok::kSemi)) {
        h.no_result = true;
        ++pos_;
        continue;
      }
      if (t2 == nullptr || t2->kind != Tok::kEq) {
        problems_.push_back("'" + t->text.substr(0, 40) + "' is not a method=result, skipped");
        ++pos_;
        skip_to_semi();
        continue;
      }
      AuthResult r;
      std::string method = ascii_lower(next()->text);
      next();  // '='
      if (size_t slash = method.find('/'); slash != std::string::npos) {
        r.version = method.substr(slash + 1);
        method.resize(slash);
      }
      r.method = std::move(method);
      const Token* res = peek();
      if (res == nullptr || (res->kind != Tok::kWord && res->kind != Tok::kQuoted)) {
        problems_.push_back("the method '" + r.method + "' has no result, skipped");
        skip_to_semi();
        continue;
      }
      r.result = ascii_lower(res->text);
      ++pos_;
      clear_comment();
      peek();  // picks up a comment right after the result
      r.comment = comment();
      properties(r);
      if (h.results.size() >= kMaxAuthResResults) {
        problems_.push_back("more than " + std::to_string(kMaxAuthResResults) +
                            " results; the rest were not read");
        return;
      }
      h.results.push_back(std::move(r));
    }
  }

 private:
  void properties(AuthResult& r) {
    while (const Token* t = peek()) {
      if (t->kind == Tok::kSemi) return;
      if (t->kind != Tok::kWord) {
        ++pos_;
        continue;
      }
      const Token* t2 = peek2();
      if (t2 == nullptr || t2->kind != Tok::kEq) {
        // A word without '=' ("reason" alone, a stray value): not a property.
        problems_.push_back("'" + t->text.substr(0, 40) + "' after " + r.method +
                            " is not a property, skipped");
        ++pos_;
        continue;
      }
      std::string key = ascii_lower(next()->text);
      next();  // '='
      std::string value;
      if (const Token* v = peek();
          v != nullptr && (v->kind == Tok::kWord || v->kind == Tok::kQuoted)) {
        // "header.d=" followed directly by "reason=..." is an empty value, not a value "reason".
        const Token* after = peek2();
        if (!(v->kind == Tok::kWord && after != nullptr && after->kind == Tok::kEq)) {
          value = v->text;
          ++pos_;
        }
      }
      if (r.comment.empty() && comment_seen_) r.comment = last_comment_;
      if (key == "reason") {
        r.reason = std::move(value);
      } else if (r.properties.size() < kMaxAuthResProperties) {
        r.properties.emplace(std::move(key), std::move(value));
      } else {
        problems_.push_back("too many properties on " + r.method + "; the rest were not read");
        skip_to_semi();
        return;
      }
    }
  }

  const std::vector<Token>& toks_;
  std::vector<std::string>& problems_;
  size_t pos_ = 0;
  std::string last_comment_;
  bool comment_seen_ = false;
};

Result<AuthResHeader> parse_body(std::string_view value, int arc_instance) {
  AuthResHeader h;
  h.arc_instance = arc_instance;
  if (value.size() > kMaxAuthResBytes) {
    value = value.substr(0, kMaxAuthResBytes);
    h.problems.push_back("the header is longer than " + std::to_string(kMaxAuthResBytes) +
                         " bytes; the rest was not read");
  }
  auto toks = tokenize(value, h.problems);
  Parser p(toks, h.problems);
  const Token* first = p.peek();
  if (first == nullptr) return fail(Errc::kParse, "empty Authentication-Results header");
  const Token* second = p.peek2();
  bool idless = first->kind == Tok::kWord && second != nullptr && second->kind == Tok::kEq;
  if (!idless) {
    if (first->kind != Tok::kWord && first->kind != Tok::kQuoted) {
      return fail(Errc::kParse, "Authentication-Results header without an authserv-id");
    }
    h.authserv_id = ascii_lower(p.next()->text);
    if (const Token* v = p.peek(); v != nullptr && v->kind == Tok::kWord && all_digits(v->text)) {
      h.version = v->text;
      p.next();
    }
    const Token* semi = p.peek();
    if (semi != nullptr && semi->kind != Tok::kSemi) {
      h.problems.emplace_back("no ';' after the authserv-id");
      p.skip_to_semi();
    }
  }
  p.results(h);
  if (h.authserv_id.empty() && h.results.empty()) {
    return fail(Errc::kParse, "no authserv-id and no result in Authentication-Results header");
  }
  if (!h.no_result && h.results.empty()) h.problems.emplace_back("no result in the header");
  return h;
}

std::set<std::string> lowered_set(const std::vector<std::string>& v) {
  std::set<std::string> out;
  for (const auto& s : v) out.insert(ascii_lower(s));
  return out;
}

// "p=reject dis=none" (a comment) -> "reject".
std::string policy_from_comment(std::string_view comment) {
  std::string c = ascii_lower(comment);
  size_t pos = 0;
  while ((pos = c.find("p=", pos)) != std::string::npos) {
    if (pos == 0 || c[pos - 1] == ' ' || c[pos - 1] == '(' || c[pos - 1] == ';') {
      size_t end = c.find_first_of(" ;)", pos + 2);
      return c.substr(pos + 2, end == std::string::npos ? std::string::npos : end - pos - 2);
    }
    pos += 2;
  }
  return {};
}

std::string domain_of_result(const AuthResult& r) {
  if (r.method == "dmarc") return auth_domain(r.property("header.from"));
  if (r.method == "dkim") {
    std::string d = auth_domain(r.property("header.d"));
    if (d.empty() || d == "none") d = auth_domain(r.property("header.i"));
    return d == "none" ? std::string() : d;
  }
  if (r.method == "spf") {
    std::string d = auth_domain(r.property("smtp.mailfrom"));
    return d.empty() ? auth_domain(r.property("smtp.helo")) : d;
  }
  std::string d = auth_domain(r.property("header.from"));
  return d.empty() ? auth_domain(r.property("smtp.mailfrom")) : d;
}

}  // namespace

std::string AuthResult::property(std::string_view key) const {
  auto it = properties.find(std::string(key));
  return it == properties.end() ? std::string() : it->second;
}

std::string auth_domain(std::string_view value) {
  while (!value.empty() && (value.front() == '<' || value.front() == ' ')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '>' || value.back() == ' ' || value.back() == '.')) {
    value.remove_suffix(1);
  }
  if (size_t at = value.rfind('@'); at != std::string_view::npos) value.remove_prefix(at + 1);
  return ascii_lower(value);
}

Result<AuthResHeader> parse_authres(std::string_view value) { return parse_body(value, 0); }

Result<AuthResHeader> parse_arc_authres(std::string_view value) {
  std::vector<std::string> problems;
  // "i=N;" first: find the first ';' outside comments/quotes by tokenizing a short prefix.
  size_t semi = value.find(';');
  if (semi == std::string_view::npos)
    return fail(Errc::kParse, "ARC-Authentication-Results without i=");
  auto toks = tokenize(value.substr(0, semi), problems);
  std::vector<const Token*> words;
  for (const auto& t : toks) {
    if (t.kind != Tok::kComment) words.push_back(&t);
  }
  if (words.size() != 3 || words[0]->kind != Tok::kWord || !iequals(words[0]->text, "i") ||
      words[1]->kind != Tok::kEq || words[2]->kind != Tok::kWord || !all_digits(words[2]->text) ||
      words[2]->text.size() > 2) {
    return fail(Errc::kParse, "ARC-Authentication-Results does not start with i=N;");
  }
  int instance = std::stoi(words[2]->text);
  if (instance < 1 || instance > 50) {
    return fail(Errc::kParse, "ARC-Authentication-Results instance out of range (1..50)");
  }
  return parse_body(value.substr(semi + 1), instance);
}

namespace {

// The trusted sealer whose ARC set says DMARC passed for the From domain on its receipt ("" when
// none): ARC-Seal i=N d=<trusted> and ARC-Authentication-Results i=N with dmarc=pass.
std::string arc_vouching_sealer(const Message& message, const AuthSummary& s,
                                const std::vector<std::string>& trusted) {
  std::map<int, std::string> sealers;  // instance -> d=
  for (auto v : message.header_values("ARC-Seal")) {
    ArcSealTags t = parse_arc_seal_tags(v);
    if (t.instance > 0 && !t.domain.empty()) sealers.emplace(t.instance, t.domain);
  }
  const std::string from = !s.dmarc_from.empty()   ? s.dmarc_from
                           : !message.from.empty() ? ascii_lower(message.from.front().domain)
                                                   : std::string();
  if (from.empty()) return {};
  for (auto v : message.header_values("ARC-Authentication-Results")) {
    auto h = parse_arc_authres(v);
    if (!h) continue;
    auto sealer = sealers.find(h->arc_instance);
    if (sealer == sealers.end()) continue;
    bool is_trusted = std::any_of(trusted.begin(), trusted.end(), [&](const std::string& d) {
      return ascii_lower(d) == sealer->second;
    });
    if (!is_trusted) continue;
    for (const auto& r : h->results) {
      if (r.method == "dmarc" && r.result == "pass" &&
          auth_domain(r.property("header.from")) == from) {
        return sealer->second;
      }
    }
  }
  return {};
}

}  // namespace

AuthSummary summarize_auth(const Message& message, const AuthOptions& options) {
  AuthSummary s;
  struct Entry {
    std::string id;
    bool ok = false;
    AuthResHeader h;
  };
  std::vector<Entry> entries;
  for (const auto& hdr : message.headers) {
    if (!iequals(hdr.name, "Authentication-Results")) continue;
    if (entries.size() >= kMaxAuthResHeaders) {
      s.notes.push_back("more than " + std::to_string(kMaxAuthResHeaders) +
                        " Authentication-Results headers; the rest were not read");
      break;
    }
    Entry e;
    auto r = parse_authres(hdr.value);
    if (r) {
      e.ok = true;
      e.id = r->authserv_id;
      e.h = std::move(*r);
    } else {
      s.notes.push_back("an Authentication-Results header could not be read: " +
                        r.error().message());
    }
    entries.push_back(std::move(e));
  }

  // Which entries are trusted.
  std::vector<bool> trusted(entries.size(), false);
  if (!options.trusted_authserv_ids.empty()) {
    auto ids = lowered_set(options.trusted_authserv_ids);
    bool idless_taken = false;
    for (size_t idx = 0; idx < entries.size(); ++idx) {
      const Entry& e = entries[idx];
      if (!e.ok) continue;
      if (!e.id.empty() && ids.contains(e.id)) trusted[idx] = true;
      if (e.id.empty() && options.trust_idless && !idless_taken) {
        trusted[idx] = true;
        idless_taken = true;
      }
    }
  } else {
    auto top = std::find_if(entries.begin(), entries.end(), [](const Entry& e) { return e.ok; });
    if (top != entries.end()) {
      const std::string id = top->id;
      for (size_t idx = 0; idx < entries.size(); ++idx) {
        const Entry& e = entries[idx];
        if (!e.ok) continue;
        trusted[idx] = id.empty() ? &e == &*top : e.id == id;
      }
    }
  }

  std::set<std::string> ignored_ids;
  for (size_t idx = 0; idx < entries.size(); ++idx) {
    const Entry& e = entries[idx];
    if (!trusted[idx]) {
      ++s.ignored_headers;
      if (!e.ok) continue;
      if (ignored_ids.insert(e.id).second) s.ignored_ids.push_back(e.id);
      for (const auto& r : e.h.results) {
        static const std::set<std::string> kMethods = {"dmarc", "dkim", "spf", "arc", "compauth"};
        if (r.result == "pass" && kMethods.contains(r.method)) {
          s.untrusted_pass.push_back({e.id, r.method, domain_of_result(r)});
        }
      }
      continue;
    }
    if (!s.present) {
      s.present = true;
      s.authserv_id = e.id;
      s.idless = e.id.empty();
    }
    for (const auto& r : e.h.results) {
      if (r.method == "spf" && s.spf.empty()) {
        s.spf = r.result;
        s.spf_domain = domain_of_result(r);
      } else if (r.method == "dkim") {
        s.dkim.push_back({domain_of_result(r), r.result, r.reason.empty() ? r.comment : r.reason});
      } else if (r.method == "dmarc" && s.dmarc.empty()) {
        s.dmarc = r.result;
        s.dmarc_from = domain_of_result(r);
        s.dmarc_policy = policy_from_comment(r.comment);
        for (const auto& [key, value] : r.properties) {
          if (s.dmarc_policy.empty() && key.starts_with("policy.") &&
              (key.find("policy", 7) != std::string::npos || key == "policy.dmarc")) {
            s.dmarc_policy = ascii_lower(value);
          }
        }
        s.dmarc_action = ascii_lower(r.property("action"));
      } else if (r.method == "arc" && s.arc.empty()) {
        s.arc = r.result;
      } else if (r.method == "compauth" && s.compauth.empty()) {
        s.compauth = r.result;
        s.compauth_reason = r.reason;
      }
    }
  }
  if (s.arc == "pass" && !options.trusted_arc_sealers.empty()) {
    s.arc_vouched_by = arc_vouching_sealer(message, s, options.trusted_arc_sealers);
  }
  return s;
}

ArcSealTags parse_arc_seal_tags(std::string_view value) {
  ArcSealTags t;
  while (!value.empty()) {
    size_t semi = value.find(';');
    std::string_view tag = trim(value.substr(0, semi));
    value = semi == std::string_view::npos ? std::string_view() : value.substr(semi + 1);
    size_t eq = tag.find('=');
    if (eq == std::string_view::npos) continue;
    std::string name = ascii_lower(trim(tag.substr(0, eq)));
    std::string_view v = trim(tag.substr(eq + 1));
    if (name == "i") {
      int n = 0;
      auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
      t.instance = ec == std::errc() && end == v.data() + v.size() && n >= 1 && n <= 50 ? n : 0;
    } else if (name == "d") {
      t.domain = ascii_lower(v);
      while (!t.domain.empty() && t.domain.back() == '.') t.domain.pop_back();
    }
  }
  return t;
}

}  // namespace sw::phish
