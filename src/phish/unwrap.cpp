// SPDX-License-Identifier: Apache-2.0
// Link unwrapping (see unwrap.h). Written here by hand, because no library does it: no Debian
// package decodes mail gateways' rewritten links (the known decoders are Proofpoint's own Python
// script and small Python/JavaScript projects). What is ours is small and format-specific: which
// host and path make a wrapper, which parameter or path part holds the destination, Proofpoint
// v2's character swap and v3's replacement tokens (with a strict UTF-8 reader; base64url is
// core/base64.h, OpenSSL). All URL parsing is parse_url() (uriparser, libidn2, libpsl) and all %XX
// decoding is percent_decode(); the raw text is read only for Proofpoint v3, whose destination
// keeps its own '?' and '#' and so cannot be taken from the wrapper's parsed parts.
#include "phish/unwrap.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

#include <unicode/utf8.h>

#include "core/ascii.h"
#include "core/base64.h"
#include "core/utf8.h"
#include "phish/url.h"

namespace sw::phish {
namespace {

constexpr size_t npos = std::string_view::npos;

bool ends_with_label(std::string_view host, std::string_view suffix) {
  return host == suffix || is_subdomain_of(host, suffix);
}

bool two_letters(std::string_view s) {
  return s.size() == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'a' && s[1] <= 'z';
}

// Google's own web hosts: [www.]google.com, google.<cc>, google.co.<cc>, google.com.<cc>. Not
// any registrable domain named "google" (google.<private suffix> such as a hosting platform's
// can belong to anyone, and "unwrapping" it would hide the host that really answers).
bool is_google_host(std::string_view host) {
  if (host.starts_with("www.")) {
    host.remove_prefix(4);
  }
  if (!host.starts_with("google.")) {
    return false;
  }
  std::string_view rest = host.substr(7);
  if (rest == "com" || two_letters(rest)) {
    return true;
  }
  return (rest.starts_with("co.") || rest.starts_with("com.")) &&
         two_letters(rest.substr(rest.find('.') + 1));
}

// The raw value of the first `name=` parameter of a query ("" when present and empty); nullopt
// when absent. "amp;name=" counts too: an "&amp;" left undecoded in a text body.
std::optional<std::string_view> query_param(std::string_view query, std::string_view name) {
  size_t pos = 0;
  while (pos <= query.size()) {
    size_t end = query.find('&', pos);
    if (end == npos) {
      end = query.size();
    }
    std::string_view pair = query.substr(pos, end - pos);
    if (pair.starts_with("amp;")) {
      pair.remove_prefix(4);
    }
    if (pair.size() > name.size() && pair.starts_with(name) && pair[name.size()] == '=') {
      return pair.substr(name.size() + 1);
    }
    pos = end + 1;
  }
  return std::nullopt;
}

// A query value as a web server reads it: '+' is a space, then %XX.
std::string form_decode(std::string_view v) {
  std::string s(v);
  for (char& c : s) {
    if (c == '+') {
      c = ' ';
    }
  }
  return percent_decode(s);
}

// HTML character references in a decoded Proofpoint v1/v2 URL (the reference decoder applies
// html.unescape): the five XML entities and numeric references; others stay as written.
std::string html_unescape(std::string_view s) {
  static constexpr std::array<std::pair<std::string_view, char>, 6> kNamed = {{
      {"&amp;", '&'},
      {"&lt;", '<'},
      {"&gt;", '>'},
      {"&quot;", '"'},
      {"&apos;", '\''},
      {"&#39;", '\''},
  }};
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '&') {
      out += s[i++];
      continue;
    }
    bool done = false;
    for (const auto& [name, ch] : kNamed) {
      if (s.substr(i).starts_with(name)) {
        out += ch;
        i += name.size();
        done = true;
        break;
      }
    }
    if (done) {
      continue;
    }
    if (s.substr(i).starts_with("&#")) {
      size_t j = i + 2;
      bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
      if (hex) {
        ++j;
      }
      uint32_t cp = 0;
      size_t digits = 0;
      while (j < s.size() && digits < 8) {
        char c = ascii_lower(s[j]);
        uint32_t d = 0;
        if (c >= '0' && c <= '9') {
          d = static_cast<uint32_t>(c - '0');
        } else if (hex && c >= 'a' && c <= 'f') {
          d = static_cast<uint32_t>(c - 'a' + 10);
        } else {
          break;
        }
        cp = cp * (hex ? 16U : 10U) + d;
        ++digits;
        ++j;
      }
      if (digits > 0 && j < s.size() && s[j] == ';' && cp > 0 && cp <= 0x10FFFF &&
          (cp < 0xD800 || cp > 0xDFFF)) {
        append_utf8(out, cp);
        i = j + 1;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

// An http(s) URL with a host, parsed (parse_url() takes a second '#' into the fragment, as
// browsers do). `text` is what parsed.
struct WebUrl {
  std::string text;
  ParsedUrl parsed;
};

std::optional<WebUrl> parse_web_url(std::string_view s) {
  auto u = parse_url(s);
  if (!u || u->host.empty() || (u->scheme != "http" && u->scheme != "https")) {
    return std::nullopt;
  }
  return WebUrl{std::string(s), std::move(*u)};
}

// `s` when it is an http(s) URL with a host (leading and trailing spaces and controls dropped,
// as browsers do); nullopt otherwise.
std::optional<std::string> http_destination(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20) {
    s.remove_prefix(1);
  }
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) {
    s.remove_suffix(1);
  }
  std::string head = ascii_lower(s.substr(0, 8));
  if (!head.starts_with("http://") && !head.starts_with("https://")) {
    return std::nullopt;
  }
  auto w = parse_web_url(s);
  if (!w) {
    return std::nullopt;
  }
  return std::move(w->text);
}

// The characters (code points, as UTF-8 slices) of `s`; nullopt when `s` is not well-formed
// UTF-8 (ICU's U8_NEXT rejects overlong forms, surrogates and values above U+10FFFF, as
// Python's decoder does).
std::optional<std::vector<std::string_view>> utf8_chars(std::string_view s) {
  std::vector<std::string_view> out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      return std::nullopt;
    }
    out.push_back(s.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
  }
  return out;
}

// Proofpoint v3's run lengths: A-Z = 2..27, a-z = 28..53, 0-9 = 54..63, '-' = 64, '_' = 65.
std::optional<size_t> v3_run_length(char c) {
  if (c >= 'A' && c <= 'Z') {
    return static_cast<size_t>(c - 'A') + 2;
  }
  if (c >= 'a' && c <= 'z') {
    return static_cast<size_t>(c - 'a') + 28;
  }
  if (c >= '0' && c <= '9') {
    return static_cast<size_t>(c - '0') + 54;
  }
  if (c == '-') {
    return 64;
  }
  if (c == '_') {
    return 65;
  }
  return std::nullopt;
}

// "https:/host" -> "https://host" (Proofpoint v3 sometimes drops a slash); the reference's
// pattern is ^([a-z0-9+.-]+:/)([^/].+).
std::string restore_double_slash(std::string_view u) {
  size_t colon = u.find(':');
  if (colon == 0 || colon == npos) {
    return std::string(u);
  }
  for (size_t i = 0; i < colon; ++i) {
    char c = ascii_lower(u[i]);
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
    if (!ok) {
      return std::string(u);
    }
  }
  if (u.size() < colon + 4 || u[colon + 1] != '/' || u[colon + 2] == '/') {
    return std::string(u);
  }
  std::string out(u.substr(0, colon + 2));
  out += '/';
  out += u.substr(colon + 2);
  return out;
}

// urldefense.com/v3/__<url>__;<base64url>!...: see unwrap.h. `raw` is the whole wrapper URL.
std::optional<std::string> decode_proofpoint_v3(std::string_view raw) {
  size_t start = raw.find("/v3/__");
  if (start == npos) {
    return std::nullopt;
  }
  std::string_view rest = raw.substr(start + 6);
  size_t url_end = rest.find("__;");
  if (url_end == npos || url_end == 0) {
    return std::nullopt;
  }
  std::string_view after = rest.substr(url_end + 3);
  size_t bang = after.find('!');
  if (bang == npos) {
    return std::nullopt;
  }
  std::string text = percent_decode(restore_double_slash(rest.substr(0, url_end)));
  auto bytes = base64_decode_url(after.substr(0, bang));
  if (!bytes) {
    return std::nullopt;
  }
  auto chars = utf8_chars(*bytes);
  if (!chars) {
    return std::nullopt;
  }

  std::string out;
  out.reserve(text.size() + bytes->size());
  size_t next = 0;  // the next unused replacement character
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] != '*') {
      out += text[i++];
      continue;
    }
    size_t take = 1;
    size_t token = 1;
    if (i + 2 < text.size() && text[i + 1] == '*' && text[i + 2] != '\n') {
      auto run = v3_run_length(text[i + 2]);
      if (!run) {
        return std::nullopt;
      }
      take = *run;
      token = 3;
    }
    if (chars->size() - next < take) {
      return std::nullopt;
    }
    for (size_t k = 0; k < take; ++k) {
      out += (*chars)[next + k];
    }
    next += take;
    i += token;
  }
  return out;
}

// The wrapped destination of an already recognised URL, before the http(s) check.
std::optional<Unwrapped> decode(std::string_view raw, const ParsedUrl& u) {
  std::string host = u.host_ascii;
  if (host.ends_with('.')) {
    host.pop_back();
  }

  if (ends_with_label(host, "safelinks.protection.outlook.com") ||
      ends_with_label(host, "safelinks.protection.office365.us") ||
      (host == "statics.teams.cdn.office.net" && u.path.find("/safelinks/") != npos)) {
    auto v = query_param(u.query, "url");
    if (!v) {
      return std::nullopt;
    }
    return Unwrapped{Wrapper::kSafeLinks, form_decode(*v)};
  }

  if (host == "urldefense.com" || host == "urldefense.proofpoint.com" || host == "urldefense.us") {
    if (u.path.starts_with("/v3/")) {
      auto d = decode_proofpoint_v3(raw);
      if (!d) {
        return std::nullopt;
      }
      return Unwrapped{Wrapper::kProofpointV3, std::move(*d)};
    }
    bool v1 = u.path.starts_with("/v1/");
    if (!v1 && !u.path.starts_with("/v2/")) {
      return std::nullopt;
    }
    // The reference takes u= up to "&k=" (v1) or "&d=" / "&c=" (v2); without those, up to the
    // next parameter.
    std::string_view q = u.query;
    size_t b = 2;
    if (!q.starts_with("u=")) {
      b = q.find("&u=");
      if (b == npos) {
        return std::nullopt;
      }
      b += 3;
    }
    std::string_view val = q.substr(b);
    size_t e = v1 ? val.find("&k=") : std::min(val.find("&d="), val.find("&c="));
    if (e == npos) {
      e = val.find('&');
    }
    val = val.substr(0, e);
    if (v1) {
      return Unwrapped{Wrapper::kProofpointV1, html_unescape(percent_decode(val))};
    }
    std::string swapped(val);
    for (char& c : swapped) {
      if (c == '-') {
        c = '%';
      } else if (c == '_') {
        c = '/';
      }
    }
    return Unwrapped{Wrapper::kProofpointV2, html_unescape(percent_decode(swapped))};
  }

  if (host == "linkprotect.cudasvc.com" && u.path == "/url") {
    auto v = query_param(u.query, "a");
    if (!v) {
      return std::nullopt;
    }
    return Unwrapped{Wrapper::kBarracuda, form_decode(*v)};
  }

  if (host == "secure-web.cisco.com") {
    // "/<token>/<percent-encoded URL>"
    size_t slash = u.path.find('/', 1);
    if (!u.path.starts_with('/') || slash == npos || slash == 1 || slash + 1 >= u.path.size()) {
      return std::nullopt;
    }
    return Unwrapped{Wrapper::kCisco, percent_decode(std::string_view(u.path).substr(slash + 1))};
  }

  if ((u.registrable == "trendmicro.com" || u.registrable == "asiainfo-sec.com") &&
      u.path == "/wis/clicktime/v1/query") {
    auto v = query_param(u.query, "url");
    if (!v) {
      return std::nullopt;
    }
    return Unwrapped{Wrapper::kTrendMicro, form_decode(*v)};
  }

  if (is_google_host(host) && u.path == "/url") {
    // Gmail and Docs use q=, search results url= (with an empty q=): the first that holds an
    // http(s) URL.
    for (std::string_view name : {"q", "url"}) {
      auto v = query_param(u.query, name);
      if (!v) {
        continue;
      }
      std::string d = form_decode(*v);
      if (http_destination(d)) {
        return Unwrapped{Wrapper::kGoogleRedirect, std::move(d)};
      }
    }
    return std::nullopt;
  }

  if ((host == "l.facebook.com" || host == "lm.facebook.com") && u.path == "/l.php") {
    auto v = query_param(u.query, "u");
    if (!v) {
      return std::nullopt;
    }
    return Unwrapped{Wrapper::kFacebookRedirect, form_decode(*v)};
  }
  return std::nullopt;
}

// Cheap test before parsing: could `url` be a link of any wrapper above (or Mimecast)? A host
// written with %XX or non-ASCII (fullwidth) letters is left to parse_url(), so that a disguised
// wrapper host cannot dodge unwrapping.
bool may_be_wrapper(std::string_view url) {
  // Every wrapper is recognised by its host, so only the authority is looked at: most links of
  // a message (tracking links full of %XX, "utm_source=google") need no parse here.
  static constexpr std::array<std::string_view, 10> kNeedles = {
      "safelinks", "urldefense", "cudasvc", "secure-web.cisco", "trendmicro",
      "asiainfo",  "teams.cdn",  "google",  "facebook",         "mimecast"};
  size_t start = url.find("//");
  start = start == npos ? 0 : start + 2;
  size_t end = url.find_first_of("/?#\\", start);
  std::string_view authority = url.substr(start, end == npos ? npos : end - start);
  for (char c : authority) {
    if (c == '%' || static_cast<unsigned char>(c) >= 0x80) {
      return true;  // an encoded host: parse to see it
    }
  }
  std::string low = ascii_lower(authority);
  for (std::string_view n : kNeedles) {
    if (low.find(n) != npos) {
      return true;
    }
  }
  return false;
}

std::optional<ParsedUrl> parse_wrapper(std::string_view url) {
  if (!may_be_wrapper(url)) {
    return std::nullopt;
  }
  auto w = parse_web_url(url);
  if (!w) {
    return std::nullopt;
  }
  return std::move(w->parsed);
}

}  // namespace

std::string_view wrapper_name(Wrapper w) {
  switch (w) {
    case Wrapper::kSafeLinks:
      return "Microsoft Defender Safe Links";
    case Wrapper::kProofpointV1:
    case Wrapper::kProofpointV2:
    case Wrapper::kProofpointV3:
      return "Proofpoint URL Defense";
    case Wrapper::kBarracuda:
      return "Barracuda Link Protection";
    case Wrapper::kCisco:
      return "Cisco Secure Email";
    case Wrapper::kTrendMicro:
      return "Trend Micro time-of-click protection";
    case Wrapper::kGoogleRedirect:
      return "a Google redirect";
    case Wrapper::kFacebookRedirect:
      return "a Facebook redirect";
    case Wrapper::kMimecast:
      return "Mimecast URL Protect";
  }
  return "a link wrapper";
}

bool is_security_gateway(Wrapper w) {
  return w != Wrapper::kGoogleRedirect && w != Wrapper::kFacebookRedirect;
}

std::optional<Unwrapped> unwrap_url(std::string_view url) {
  auto u = parse_wrapper(url);
  if (!u) {
    return std::nullopt;
  }
  auto d = decode(url, *u);
  if (!d) {
    return std::nullopt;
  }
  auto dest = http_destination(d->url);
  if (!dest) {
    return std::nullopt;
  }
  d->url = std::move(*dest);
  return d;
}

std::optional<Wrapper> opaque_wrapper(std::string_view url) {
  auto u = parse_wrapper(url);
  if (!u) {
    return std::nullopt;
  }
  if (u->registrable == "mimecast.com" && first_label(u->host_ascii).starts_with("protect") &&
      u->path.starts_with("/s/")) {
    return Wrapper::kMimecast;
  }
  return std::nullopt;
}

UnwrapChain unwrap_all(std::string_view url, int max_depth) {
  UnwrapChain chain;
  chain.destination = std::string(url);
  for (int depth = 0;; ++depth) {
    auto next = unwrap_url(chain.destination);
    if (!next || next->url == chain.destination) {
      break;
    }
    if (depth >= max_depth) {
      chain.depth_limited = true;
      break;
    }
    chain.wrappers.push_back(next->wrapper);
    chain.destination = std::move(next->url);
  }
  chain.opaque = opaque_wrapper(chain.destination);
  return chain;
}

std::string wrapper_names(const UnwrapChain& chain) {
  std::string out;
  for (Wrapper w : chain.wrappers) {
    out += (out.empty() ? "" : ", then ") + std::string(wrapper_name(w));
  }
  if (out.empty() && chain.opaque) {
    out = wrapper_name(*chain.opaque);
  }
  return out;
}

}  // namespace sw::phish
