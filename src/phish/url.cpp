// SPDX-License-Identifier: Apache-2.0
// parse_url(): uriparser (RFC 3986) for the structure, libidn2 for IDNA, libpsl for eTLD+1.
#include "phish/url.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include <libpsl.h>

#include <idn2.h>
#include <uriparser/Uri.h>

#include "core/ascii.h"

namespace sw::phish {
namespace {

std::string range_text(const UriTextRangeA& r) {
  if (r.first == nullptr || r.afterLast == nullptr) return {};
  return std::string(r.first, r.afterLast);
}

// Characters RFC 3986 does not allow anywhere in a URI (plus non-ASCII and controls) become
// %XX, as a browser does before sending; '%' itself stays so existing escapes survive.
// `lenient` (second attempt) also escapes a '%' not followed by two hex digits, '[' / ']'
// after the authority and every '#' after the first (browsers accept all three; RFC 3986
// reserves '[' ']' for IPv6 hosts and allows one '#').
std::string escape_forbidden(std::string_view s, bool lenient = false) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  size_t authority = s.find("//");
  size_t after_authority =
      authority == std::string_view::npos ? 0 : s.find_first_of("/?#", authority + 2);
  const size_t first_hash = s.find('#');
  auto is_hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  for (size_t i = 0; i < s.size(); ++i) {
    char ch = s[i];
    auto c = static_cast<unsigned char>(ch);
    bool bad = c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' ||
               c == '^' || c == '`' || c == '{' || c == '|' || c == '}';
    if (lenient && !bad) {
      bad = (c == '%' && !(i + 2 < s.size() && is_hex(s[i + 1]) && is_hex(s[i + 2]))) ||
            ((c == '[' || c == ']') && i >= after_authority) || (c == '#' && i > first_hash);
    }
    if (bad) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

// A scheme RFC 3986 would see at the start ("http:", "data:"); the input is taken as scheme-less
// ("www.x.com/a", "paypal.com:443/x") unless it is followed by "//" or is an opaque scheme we
// analyse.
bool has_scheme(std::string_view s) {
  size_t i = 0;
  if (s.empty() || std::isalpha(static_cast<unsigned char>(s[0])) == 0) return false;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) != 0 || s[i] == '+' ||
                          s[i] == '-' || s[i] == '.')) {
    ++i;
  }
  if (i >= s.size() || s[i] != ':') return false;
  std::string scheme = ascii_lower(s.substr(0, i));
  if (s.substr(i + 1).starts_with("//")) return true;
  return scheme == "data" || scheme == "javascript" || scheme == "vbscript" || scheme == "mailto" ||
         scheme == "file" || scheme == "about" || scheme == "blob";
}

bool parse_ipv4_part(std::string_view p, uint64_t& v) {
  if (p.empty()) return false;
  int base = 10;
  if (p.size() > 1 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
    base = 16;
    p.remove_prefix(2);
    if (p.empty()) {  // "0x" alone is 0 for browsers
      v = 0;
      return true;
    }
  } else if (p.size() > 1 && p[0] == '0') {
    base = 8;
    p.remove_prefix(1);
  }
  if (p.size() > 20) return false;
  auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), v, base);
  return ec == std::errc() && ptr == p.data() + p.size();
}

// The newer of Debian's /usr/share/publicsuffix list and libpsl's built-in one (psl_latest()).
const psl_ctx_t* default_psl() {
  static const psl_ctx_t* ctx = [] {
    const psl_ctx_t* c = psl_latest(nullptr);
    return c != nullptr ? c : psl_builtin();
  }();
  return ctx;
}

// The list in use: replaced by use_public_suffix_file(); the default until then.
const psl_ctx_t*& psl_slot() {
  static const psl_ctx_t* ctx = default_psl();
  return ctx;
}

// The loaded list, owned (freed when replaced and at exit).
struct PslFree {
  void operator()(psl_ctx_t* p) const { psl_free(p); }
};
std::unique_ptr<psl_ctx_t, PslFree>& loaded_psl() {
  static std::unique_ptr<psl_ctx_t, PslFree> owned;
  return owned;
}

std::string idn_to_ascii(const std::string& host) {
  char* out = nullptr;
  int rc = idn2_to_ascii_8z(host.c_str(), &out, IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT);
  if (rc != IDN2_OK) {
    rc = idn2_to_ascii_8z(host.c_str(), &out, IDN2_TRANSITIONAL | IDN2_NFC_INPUT);
  }
  if (rc != IDN2_OK || out == nullptr) return host;
  std::string s(out);
  idn2_free(out);
  return s;
}

std::string idn_to_unicode(const std::string& ascii) {
  char* out = nullptr;
  int rc = idn2_to_unicode_8z8z(ascii.c_str(), &out, 0);
  if (rc != IDN2_OK || out == nullptr) return ascii;
  std::string s(out);
  idn2_free(out);
  return s;
}

}  // namespace

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool is_numeric_ipv4_host(std::string_view host) {
  if (host.empty() || host.size() > 64) return false;
  if (host.back() == '.') host.remove_suffix(1);
  int parts = 0;
  while (true) {
    size_t dot = host.find('.');
    uint64_t v = 0;
    if (!parse_ipv4_part(host.substr(0, dot), v)) return false;
    if (++parts > 4) return false;
    if (dot == std::string_view::npos) break;
    host.remove_prefix(dot + 1);
  }
  return true;
}

Result<ParsedUrl> parse_url(std::string_view input) {
  // Surrounding blanks are not part of a pasted link.
  while (!input.empty() && std::isspace(static_cast<unsigned char>(input.front())) != 0) {
    input.remove_prefix(1);
  }
  while (!input.empty() && std::isspace(static_cast<unsigned char>(input.back())) != 0) {
    input.remove_suffix(1);
  }
  if (input.empty()) return fail(Errc::kParse, "empty URL");
  if (input.size() > 64 * 1024) return fail(Errc::kParse, "URL longer than 64 KiB");

  std::string text = escape_forbidden(input);
  if (!has_scheme(text)) text = "http://" + text;

  UriUriA uri;
  const char* error_pos = nullptr;
  if (uriParseSingleUriA(&uri, text.c_str(), &error_pos) != URI_SUCCESS) {
    text = escape_forbidden(text, true);
    if (uriParseSingleUriA(&uri, text.c_str(), &error_pos) != URI_SUCCESS) {
      return fail(Errc::kParse, "not a valid URL (RFC 3986)");
    }
  }
  std::unique_ptr<UriUriA, void (*)(UriUriA*)> guard(&uri, uriFreeUriMembersA);

  ParsedUrl u;
  u.scheme = ascii_lower(range_text(uri.scheme));
  u.userinfo = percent_decode(range_text(uri.userInfo));
  u.host = ascii_lower(percent_decode(range_text(uri.hostText)));
  u.query = range_text(uri.query);
  u.fragment = range_text(uri.fragment);
  for (const UriPathSegmentA* seg = uri.pathHead; seg != nullptr; seg = seg->next) {
    if (seg != uri.pathHead || uri.hostText.first != nullptr || uri.absolutePath == URI_TRUE) {
      u.path += '/';
    }
    u.path += range_text(seg->text);
  }
  std::string port = range_text(uri.portText);
  if (!port.empty()) {
    int p = 0;
    auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), p);
    if (ec != std::errc() || ptr != port.data() + port.size() || p > 65535) {
      return fail(Errc::kParse, "port out of range");
    }
    u.port = p;
  }

  bool opaque = uri.hostText.first == nullptr;
  if (opaque) {
    if (u.scheme == "http" || u.scheme == "https" || u.scheme == "ftp") {
      return fail(Errc::kParse, "URL without a host");
    }
    return u;
  }
  if (u.host.empty() && (u.scheme == "http" || u.scheme == "https" || u.scheme == "ftp")) {
    return fail(Errc::kParse, "URL without a host");
  }
  if (u.host.find_first_of(std::string_view("\0/\\ ", 4)) != std::string::npos) {
    return fail(Errc::kParse, "host with forbidden characters");
  }

  u.host_is_ip =
      uri.hostData.ip4 != nullptr || uri.hostData.ip6 != nullptr || is_numeric_ipv4_host(u.host);
  if (u.host_is_ip) {
    u.host_ascii = u.host;
    u.host_unicode = u.host;
    return u;
  }
  // Plain ASCII hosts (nearly all) are their own IDNA forms: libidn2 only for the others.
  bool plain = std::all_of(u.host.begin(), u.host.end(),
                           [](char c) { return static_cast<unsigned char>(c) < 0x80; }) &&
               u.host.find("xn--") == std::string::npos;
  u.host_ascii = plain ? ascii_lower(u.host) : ascii_lower(idn_to_ascii(u.host));
  u.host_unicode = plain ? u.host_ascii : idn_to_unicode(u.host_ascii);
  std::string h = u.host_ascii;
  if (!h.empty() && h.back() == '.') h.pop_back();
  if (const char* reg = psl_registrable_domain(public_suffixes(), h.c_str()); reg != nullptr) {
    u.registrable = reg;
  }
  return u;
}

const psl_ctx_t* public_suffixes() { return psl_slot(); }

bool is_known_tld(const std::string& tld) {
  return psl_is_public_suffix2(public_suffixes(), tld.c_str(),
                               PSL_TYPE_ANY | PSL_TYPE_NO_STAR_RULE) != 0;
}

Result<void> use_public_suffix_file(const std::string& path) {
  // The analyzers hold no copy of the list: they ask public_suffixes() each time.
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return fail(Errc::kNotFound, "no such file", path);
  psl_ctx_t* loaded = psl_load_file(path.c_str());
  if (loaded == nullptr) {
    return fail(Errc::kParse, "cannot read it as a public suffix list (public_suffix_list.dat)",
                path);
  }
  // A real list has thousands of rules and knows "com"; a stray text file parses as a few.
  if (psl_suffix_count(loaded) < 100 || psl_is_public_suffix(loaded, "com") == 0) {
    psl_free(loaded);
    return fail(Errc::kParse, "not a public suffix list (public_suffix_list.dat)", path);
  }
  psl_slot() = loaded;
  loaded_psl().reset(loaded);
  return {};
}

void use_default_public_suffixes() {
  psl_slot() = default_psl();
  loaded_psl().reset();
}

}  // namespace sw::phish
