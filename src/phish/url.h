// SPDX-License-Identifier: Apache-2.0
// parse_url(): one URL taken apart for the phishing detectors. uriparser does the RFC 3986 parse,
// libidn2 the punycode <-> Unicode conversion of the host, libpsl (with Debian's publicsuffix
// list) the registrable domain (eTLD+1). No hand-parsing of URLs here.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

// libpsl's context type (libpsl.h), declared here so users of url.h need not include libpsl.
typedef struct psl_ctx_st psl_ctx_t;  // NOLINT(modernize-use-using): must match libpsl's C typedef

namespace sw::phish {

struct ParsedUrl {
  std::string scheme;        // lower-cased; "http" when the input had none ("www.x.com/a")
  std::string userinfo;      // the part before '@' in the authority, percent-decoded
  std::string host;          // as written (percent-decoded), lower-cased ASCII letters
  std::string host_unicode;  // IDNA decoded (xn--pypal-4ve.com -> pаypal.com)
  std::string host_ascii;    // IDNA encoded (punycode); equal to host for ASCII hosts
  std::string registrable;   // eTLD+1 via libpsl, "" for an IP literal or a bare suffix
  std::string path;          // "/a/b" (segments as written, empty ones kept), "" when none
  std::string query;         // without the '?'
  std::string fragment;      // without the '#'
  int port = -1;             // -1 when not written
  bool host_is_ip =
      false;  // IPv4/IPv6 literal, or a numeric host (3232235777, 0xc0a80101, 0300.0250.1.1)
};

// Errors (Errc::kParse) on input uriparser rejects, a hierarchical URL without a host, or a port
// out of range. Non-ASCII bytes and characters RFC 3986 forbids (space, '|', '{', ...) are
// percent-encoded first, as browsers do. data:, javascript:, vbscript: and mailto: URIs parse
// with an empty host and the rest in `path`.
Result<ParsedUrl> parse_url(std::string_view url);

// True for the numeric host forms browsers accept as IPv4: 1 to 4 dot-separated parts, each
// decimal, 0x-hex or 0-octal ("3232235777", "0xc0.0xa8.1.1", "0300.0250.0.1", "127.1").
bool is_numeric_ipv4_host(std::string_view host);

// The public suffix list every phishing check uses (registrable domains, "is this a TLD"): the
// file loaded by use_public_suffix_file(), else the newer of Debian's publicsuffix list and
// libpsl's built-in one. Never null.
const psl_ctx_t* public_suffixes();

// Use a newer public suffix list (publicsuffix.org's public_suffix_list.dat, or libpsl's DAFSA
// form) from now on. An error names the file when it cannot be read as one; the list in use is
// then unchanged. Call before analysing: not safe while other threads analyse.
Result<void> use_public_suffix_file(const std::string& path);
// Back to the default list (as before any use_public_suffix_file()).
void use_default_public_suffixes();

// A top-level domain the public suffix list names ("com", "de", "xn--p1ai"; not its "*" default
// rule): "pot", "bradesco" or "php" are not. `tld` is one label, lower-case.
bool is_known_tld(const std::string& tld);

// The first label of a domain: "paypal" for paypal.com, "x" for x.co.uk.
inline std::string_view first_label(std::string_view domain) {
  return domain.substr(0, domain.find('.'));
}

// `host` is a subdomain of `domain` (on a label boundary: a.paypal.com, not evilpaypal.com).
inline bool is_subdomain_of(std::string_view host, std::string_view domain) {
  return host.size() > domain.size() && host.ends_with(domain) &&
         host[host.size() - domain.size() - 1] == '.';
}

// The percent-decoded form of `s` (invalid escapes are kept as written).
std::string percent_decode(std::string_view s);

}  // namespace sw::phish
