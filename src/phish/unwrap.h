// SPDX-License-Identifier: Apache-2.0
// Link unwrapping: mail security gateways and a few big sites rewrite every link so that a click
// goes through their server first. The phishing detectors must judge where the click really
// ends, not the gateway, so unwrap_url() recovers the destination a rewritten link carries, and
// unwrap_all() peels nested wrappers (Safe Links around Proofpoint, ...). Offline: nothing here
// opens a link or asks a gateway.
//
// The formats (wrapper: how it is recognised -> where the destination is):
//  kSafeLinks       *.safelinks.protection.outlook.com, *.safelinks.protection.office365.us
//                   (GCC High) and statics.teams.cdn.office.net/.../safelinks/... (Teams)
//                   -> the `url` query parameter, percent-encoded.
//  kProofpointV1    urldefense.proofpoint.com/v1/url?u=<percent-encoded>&k=...
//  kProofpointV2    urldefense.proofpoint.com/v2/url?u=<'-' for '%', '_' for '/'>&d=...&c=...
//  kProofpointV3    urldefense.com/v3/__<url>__;<base64url>!!<ids>$ (also urldefense.us): the
//                   URL as written, except that characters Proofpoint replaced are '*' (one
//                   character) or '**' plus a length letter (a run: A-Z = 2..27, a-z = 28..53,
//                   0-9 = 54..63, '-' = 64, '_' = 65), taken in order from the base64url block,
//                   decoded as UTF-8 and counted in characters. "https:/host" gets its second
//                   slash back. (Proofpoint's published decoder, urldecoder.py 3.0.1, is the
//                   reference; any of the three versions is accepted on any of the three hosts,
//                   as there.)
//  kBarracuda       linkprotect.cudasvc.com/url?a=<percent-encoded>&c=...
//  kCisco           secure-web.cisco.com/<token>/<percent-encoded URL> (Cisco Secure Email URL
//                   rewriting; the destination is everything after the token).
//  kTrendMicro      *.trendmicro.com and *.asiainfo-sec.com /wis/clicktime/v1/query?url=...
//                   (Trend Micro time-of-click protection: IMSVA, Email Security, DDEI).
//  kGoogleRedirect  google.<suffix> or www.google.<suffix> /url?q=... (or url=...).
//  kFacebookRedirect l.facebook.com / lm.facebook.com /l.php?u=... (Facebook's link shim).
//  kMimecast        protect*.mimecast.com/s/<id>: the destination is kept on Mimecast's
//                   servers, so it cannot be recovered offline. unwrap_url() returns nullopt;
//                   opaque_wrapper() says that the link is one.
// Query parameters are decoded as a web server decodes a query ('+' is a space, then %XX);
// Proofpoint v1/v2 follow the reference decoder (%XX only, then HTML character references).
// Hosts match by whole labels of the parsed host (never a substring: safelinks.protection.
// outlook.com.evil.example and https://...outlook.com@evil.example/ are not wrappers).
// Out of scope: marketing click trackers and other open redirects (their destination is not
// in the link or not theirs to vouch for). Not covered: other gateways (Symantec clicktime,
// Check Point/Avanan, Sophos, ...), whose formats were not checked.
//
// A destination counts only when it starts with http:// or https:// and parses (parse_url())
// with a host: otherwise the link is not unwrapped and is judged as written.
// Thread-safe: no state. Linear in the length of the input per step.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sw::phish {

enum class Wrapper {
  kSafeLinks,
  kProofpointV1,
  kProofpointV2,
  kProofpointV3,
  kBarracuda,
  kCisco,
  kTrendMicro,
  kGoogleRedirect,
  kFacebookRedirect,
  kMimecast,  // only from opaque_wrapper(): its destination cannot be recovered
};

// For explanations: "Microsoft Defender Safe Links", "Proofpoint URL Defense", ...
std::string_view wrapper_name(Wrapper w);

// True for the link rewriting of a mail security gateway (Safe Links, Proofpoint, Barracuda,
// Cisco, Trend Micro, Mimecast): the recipient's organisation put it there. False for the
// Google and Facebook redirects, which the sender chose (a known way to borrow a trusted domain).
bool is_security_gateway(Wrapper w);

struct Unwrapped {
  Wrapper wrapper;
  std::string url;  // the destination, decoded; starts with http:// or https:// and parses
};

// The destination `url` wraps, or nullopt when it is not a link of a known wrapper, the
// wrapper's format is broken (missing parameter, truncated, bad base64, replacement characters
// that do not add up) or the destination is not an http(s) URL. `url` is the address as the
// link gives it (after HTML/MIME decoding), not yet parsed: Proofpoint v3 carries '?' and '#'
// of the destination unescaped, so the text, not a ParsedUrl, is needed.
std::optional<Unwrapped> unwrap_url(std::string_view url);

// Mimecast (kMimecast) when `url` is a link whose destination is known only to its gateway;
// nullopt otherwise.
std::optional<Wrapper> opaque_wrapper(std::string_view url);

inline constexpr int kMaxUnwrapDepth = 5;

struct UnwrapChain {
  std::string destination;        // the innermost URL reached; the input when nothing unwrapped
  std::vector<Wrapper> wrappers;  // outermost first; empty when `url` is not a known wrapper
  bool depth_limited = false;     // stopped after max_depth steps with a wrapper still left
  std::optional<Wrapper> opaque;  // `destination` is a Mimecast link (see opaque_wrapper())
};

// unwrap_url() repeatedly, at most `max_depth` times (nested rewriting: a Safe Links link around
// a Proofpoint one). Stops early at a URL that unwraps to itself.
UnwrapChain unwrap_all(std::string_view url, int max_depth = kMaxUnwrapDepth);

// For explanations: "Microsoft Defender Safe Links, then Proofpoint URL Defense" (outermost
// first), the opaque wrapper's name when the destination cannot be seen, "" when not wrapped.
std::string wrapper_names(const UnwrapChain& chain);

}  // namespace sw::phish
